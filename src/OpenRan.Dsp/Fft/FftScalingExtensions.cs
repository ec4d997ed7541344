using System;

namespace OpenRan.Dsp.Fft;

/// <summary>Scale factors of each <see cref="FftScaling"/>.</summary>
public static class FftScalingExtensions
{
    /// <summary>The factor the plan multiplies the unscaled transform by, for a transform of <paramref name="length"/> points.</summary>
    public static float Factor(this FftScaling scaling, FftDirection direction, int length) => scaling switch
    {
        FftScaling.None => 1f,
        FftScaling.Unitary => (float)(1.0 / Math.Sqrt(length)),
        FftScaling.InverseByLength => direction == FftDirection.Inverse ? (float)(1.0 / length) : 1f,
        _ => throw new ArgumentOutOfRangeException(nameof(scaling), scaling, "unknown FFT scaling."),
    };
}
