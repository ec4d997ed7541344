namespace OpenRan.Engine.Scheduling;

/// <summary>A PRACH preamble detection.</summary>
/// <param name="PreambleIndex">The preamble index 0..63.</param>
/// <param name="TimingAdvanceSamples">The round-trip delay estimate at the radio rate.</param>
/// <param name="TimingAdvanceCommand">T_A for the random access response, 0..3846 (TS 38.213 §4.2).</param>
/// <param name="SnrDb">The detector's SNR estimate in dB.</param>
/// <param name="Occasion">The occasion it was found in.</param>
public readonly record struct PrachDetectionResult(int PreambleIndex, double TimingAdvanceSamples, int TimingAdvanceCommand, double SnrDb, PrachOccasionPdu Occasion);
