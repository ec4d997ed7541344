using System;

namespace OpenRan.Dsp;

/// <summary>
/// Frequency shifting of baseband samples by a numerically controlled oscillator whose phase is evaluated in double
/// precision, so that it neither drifts over long captures nor depends on how the samples are split into blocks.
/// </summary>
public static class ComplexMixer
{
    /// <summary>Samples between two exact evaluations of the oscillator phase.</summary>
    public const int AnchorInterval = 64;

    /// <summary>
    /// destination[i] = x[i]·e^(j2π·c·(n₀ + i)), c = <paramref name="cyclesPerSample"/>, n₀ = <paramref name="firstSampleIndex"/>:
    /// the phase is exact (double precision, reduced modulo one cycle) every <see cref="AnchorInterval"/> samples and taken
    /// from a double-precision table of e^(j2π·c·m), m &lt; 64, in between. <paramref name="destination"/> may be
    /// <paramref name="x"/> itself.
    /// </summary>
    /// <param name="x">The input samples.</param>
    /// <param name="cyclesPerSample">The frequency shift in cycles per sample (f/f_s); negative shifts down.</param>
    /// <param name="firstSampleIndex">The absolute index of x[0], so consecutive blocks continue the same oscillator.</param>
    /// <param name="destination">The shifted samples, the length of <paramref name="x"/>.</param>
    public static void Mix(ReadOnlySpan<ComplexF32> x, double cyclesPerSample, long firstSampleIndex, Span<ComplexF32> destination)
    {
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, x.Length, nameof(destination));
        Span<double> step = stackalloc double[2 * AnchorInterval];
        for (int m = 0; m < AnchorInterval; m++)
        {
            (step[(2 * m) + 1], step[2 * m]) = Math.SinCos(2 * Math.PI * Fraction(cyclesPerSample * m));
        }

        for (int start = 0; start < x.Length; start += AnchorInterval)
        {
            (double anchorIm, double anchorRe) = Math.SinCos(2 * Math.PI * Fraction(cyclesPerSample * (firstSampleIndex + start)));
            int count = Math.Min(AnchorInterval, x.Length - start);
            for (int m = 0; m < count; m++)
            {
                double re = (anchorRe * step[2 * m]) - (anchorIm * step[(2 * m) + 1]);
                double im = (anchorRe * step[(2 * m) + 1]) + (anchorIm * step[2 * m]);
                ComplexF32 v = x[start + m];
                destination[start + m] = new ComplexF32((float)((v.Re * re) - (v.Im * im)), (float)((v.Re * im) + (v.Im * re)));
            }
        }
    }

    private static double Fraction(double cycles) => cycles - Math.Floor(cycles);
}
