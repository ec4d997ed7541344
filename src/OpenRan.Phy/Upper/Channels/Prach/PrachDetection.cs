using System.Globalization;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>One detected preamble of a PRACH occasion (<see cref="PrachDetector"/>).</summary>
/// <param name="PreambleIndex">The preamble index 0..63.</param>
/// <param name="TimingAdvanceSeconds">
/// The estimated arrival delay τ of the strongest path relative to t_start^RA (the round-trip delay for a UE that sent
/// with N_TA = 0), in seconds, within the preamble's zero-correlation zone.
/// </param>
/// <param name="TimingAdvanceSamples">τ in samples of the carrier rate f_s.</param>
/// <param name="TimingAdvanceCommand">
/// T_A of the random access response (TS 38.213 §4.2, TS 38.321 §6.2.3): N_TA = T_A·16·64/2^μ·T_c, rounded, 0..3846.
/// </param>
/// <param name="Metric">
/// The detection statistic: the combined, energy-normalised correlation peak (mean 1 on noise, about L_RA for a clean
/// preamble); detected when it reaches <see cref="PrachDetector.Threshold"/>.
/// </param>
/// <param name="PreamblePower">
/// The estimated received preamble power per sample of the input (mean over the receive antennas, linear, input units²).
/// </param>
/// <param name="SnrDb">The estimated SNR per PRACH subcarrier and repetition (signal over noise in the PRACH band), in dB.</param>
public readonly record struct PrachDetection(
    int PreambleIndex,
    double TimingAdvanceSeconds,
    double TimingAdvanceSamples,
    int TimingAdvanceCommand,
    float Metric,
    double PreamblePower,
    double SnrDb)
{
    /// <summary>Formats the detection for logs.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"preamble {PreambleIndex}: TA {TimingAdvanceSeconds * 1e6:F3} µs ({TimingAdvanceSamples:F1} samples, T_A {TimingAdvanceCommand}), metric {Metric:F1}, SNR {SnrDb:F1} dB");
}
