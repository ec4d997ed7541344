namespace OpenRan.Simulation.Integrity;

/// <summary>The outcome of a false-detection measurement on noise-only input.</summary>
/// <param name="Channel">The channel's name (<see cref="FalseDetectionChannels.Names"/>).</param>
/// <param name="Description">The configuration under test and what counts as a false detection.</param>
/// <param name="Trials">Noise-only trials.</param>
/// <param name="FalseDetections">Trials reported as a successful decode (a CRC passed, a DCI found, valid UCI, a decoded transport block).</param>
/// <param name="SignalDetections">Trials that passed the receiver's DTX test (−1 where there is none: decoders alone).</param>
/// <param name="Lower95">Lower end of the Clopper-Pearson 95 % interval of the false-detection rate.</param>
/// <param name="Upper95">Upper end of that interval.</param>
/// <param name="DesignBound">The rate the design allows (DTX false-alarm probability times the CRC's pass rate on noise), approximately.</param>
/// <param name="Seed">The master seed.</param>
/// <param name="ElapsedSeconds">Wall-clock duration.</param>
public sealed record FalseDetectionResult(
    string Channel, string Description, long Trials, long FalseDetections, long SignalDetections, double Lower95, double Upper95, double DesignBound, ulong Seed, double ElapsedSeconds)
{
    /// <summary>The measured rate, false detections per trial.</summary>
    public double Rate => Trials == 0 ? 0 : (double)FalseDetections / Trials;
}
