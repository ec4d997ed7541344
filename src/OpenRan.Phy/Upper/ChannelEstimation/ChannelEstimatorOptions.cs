using System.Collections.Generic;

namespace OpenRan.Phy.Upper.ChannelEstimation;

/// <summary>Options of the DM-RS channel estimator; immutable.</summary>
public sealed record ChannelEstimatorOptions
{
    /// <summary>Frequency interpolation method.</summary>
    public FrequencyInterpolation FrequencyInterpolation { get; init; } = FrequencyInterpolation.Linear;

    /// <summary>Moving-average length in pilots for <see cref="FrequencyInterpolation.Linear"/>: odd, 1..15 (1 = none).</summary>
    public int SmoothingWindow { get; init; } = 3;

    /// <summary>Pilots per Wiener filter: 2..16.</summary>
    public int WienerTaps { get; init; } = 8;

    /// <summary>RMS delay spread assumed by the Wiener filter, in seconds: 1 ns .. 10 µs.</summary>
    public double DelaySpreadSeconds { get; init; } = 300e-9;

    /// <summary>Time interpolation across DM-RS symbols.</summary>
    public TimeInterpolation TimeInterpolation { get; init; } = TimeInterpolation.Average;

    /// <summary>Estimate and remove the timing offset (a linear phase across frequency) before smoothing and interpolating.</summary>
    public bool CompensateTimingOffset { get; init; } = true;

    /// <summary>The problems of these options; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (SmoothingWindow < 1 || SmoothingWindow > 15 || (SmoothingWindow & 1) == 0)
        {
            problems.Add($"SmoothingWindow = {SmoothingWindow}; valid: odd, 1..15");
        }

        if (WienerTaps < 2 || WienerTaps > 16)
        {
            problems.Add($"WienerTaps = {WienerTaps}; valid: 2..16");
        }

        if (!(DelaySpreadSeconds >= 1e-9 && DelaySpreadSeconds <= 10e-6))
        {
            problems.Add($"DelaySpreadSeconds = {DelaySpreadSeconds}; valid: 1e-9..1e-5");
        }

        return problems;
    }
}
