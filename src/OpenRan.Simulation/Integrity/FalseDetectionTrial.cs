using System;
using OpenRan.Dsp.Randomness;
using OpenRan.Simulation.Randomness;

namespace OpenRan.Simulation.Integrity;

/// <summary>
/// One noise-only trial of a receiver or decoder for <see cref="FalseDetectionSimulation"/>: fills its input with noise
/// alone (complex AWGN of unit variance per RE, or Gaussian LLRs) and reports whether the receiver claimed a decode.
/// One instance per worker (receivers are not thread-safe).
/// </summary>
internal abstract class FalseDetectionTrial
{
    /// <summary>The configuration under test and what counts as a false detection.</summary>
    public abstract string Description { get; }

    /// <summary>The false-detection rate the design allows (approximate upper bound).</summary>
    public abstract double DesignBound { get; }

    /// <summary>Whether the receiver has a DTX test whose passes <see cref="Run"/> reports.</summary>
    public virtual bool HasDtxTest => true;

    /// <summary>Runs one trial: whether a decode was reported and whether the DTX test was passed.</summary>
    public abstract (bool FalseDetection, bool SignalDetected) Run(ComplexGaussianSource noise, RandomStream random);

    /// <summary>The trial of <paramref name="channel"/> (payload bits already resolved to a valid value).</summary>
    public static FalseDetectionTrial Create(FalseDetectionChannel channel, int payloadBits) => channel switch
    {
        FalseDetectionChannel.Pbch => new PbchFalseDetectionTrial(),
        FalseDetectionChannel.Pdcch => new PdcchFalseDetectionTrial(),
        FalseDetectionChannel.UciPolar => new UciFalseDetectionTrial(payloadBits),
        FalseDetectionChannel.UciSmall => new UciFalseDetectionTrial(payloadBits),
        FalseDetectionChannel.PucchF0 or FalseDetectionChannel.PucchF1 or FalseDetectionChannel.PucchF2
            or FalseDetectionChannel.PucchF3 or FalseDetectionChannel.PucchF4 => new PucchFalseDetectionTrial(channel, payloadBits),
        FalseDetectionChannel.Pusch or FalseDetectionChannel.Pdsch => new SharedChannelFalseDetectionTrial(channel == FalseDetectionChannel.Pdsch),
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, $"valid: {string.Join(", ", FalseDetectionChannels.Names)}"),
    };
}
