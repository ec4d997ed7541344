using System.Globalization;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>The options of a <see cref="PrachDetector"/>, validated once.</summary>
public sealed record PrachDetectorConfiguration
{
    /// <summary>The largest number of receive antennas a detector accepts.</summary>
    public const int MaxReceiveAntennas = 16;

    /// <summary>Receive antennas combined non-coherently, 1..16.</summary>
    public int ReceiveAntennaCount { get; init; } = 1;

    /// <summary>
    /// The design false-alarm probability per occasion (any of the 64 preambles reported on noise only) that sets the
    /// threshold from the statistic's distribution; 1e-9..0.1. Default 1e-4, ten times below TS 38.104 §8.4.1's 0.1 %.
    /// </summary>
    public double FalseAlarmProbability { get; init; } = 1e-4;

    /// <summary>A fixed threshold on <see cref="PrachDetection.Metric"/> instead of the one derived from <see cref="FalseAlarmProbability"/>.</summary>
    public double? Threshold { get; init; }

    /// <summary>
    /// Preamble repetitions summed coherently before the correlation; the groups are combined non-coherently (like
    /// antennas). 0 (default) sums all repetitions of an occasion coherently; smaller groups tolerate larger frequency offsets.
    /// </summary>
    public int CoherentRepetitions { get; init; }

    /// <summary>
    /// μ of the timing-advance unit 16·64·T_c/2^μ (the subcarrier spacing of the first uplink transmission after the random
    /// access response); null uses the configuration's uplink BWP numerology.
    /// </summary>
    public int? TimingAdvanceNumerology { get; init; }

    /// <summary>The FFT implementation (<c>auto</c>, <c>avx2</c>, <c>generic</c>).</summary>
    public string FftImplementation { get; init; } = "auto";

    /// <summary>Checks every field (throws naming the field and its range).</summary>
    public void Validate()
    {
        ThrowHelper.ThrowIfOutside(ReceiveAntennaCount, 1, MaxReceiveAntennas, nameof(ReceiveAntennaCount));
        if (!(FalseAlarmProbability >= 1e-9 && FalseAlarmProbability <= 0.1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(FalseAlarmProbability), FalseAlarmProbability.ToString(CultureInfo.InvariantCulture), "1e-9..0.1");
        }

        if (Threshold is { } t && !(t > 1 && t < 1e6))
        {
            ThrowHelper.ThrowOutOfRange(nameof(Threshold), t.ToString(CultureInfo.InvariantCulture), "1 < threshold < 1e6 (the noise mean is 1)");
        }

        ThrowHelper.ThrowIfOutside(CoherentRepetitions, 0, 12, nameof(CoherentRepetitions));
        if (TimingAdvanceNumerology is { } mu)
        {
            ThrowHelper.ThrowIfOutside(mu, 0, 4, nameof(TimingAdvanceNumerology));
        }
    }
}
