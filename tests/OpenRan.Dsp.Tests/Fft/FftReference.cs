using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using OpenRan.Dsp.Fft;

namespace OpenRan.Dsp.Tests.Fft;

/// <summary>The naive double-precision DFT and the transform sizes NR needs, for the FFT tests.</summary>
internal static class FftReference
{
    /// <summary>X[k] = Σ_n x[n]·e^(∓j2πnk/N) in double precision (exponent index reduced mod N, so every root is exact to a double ulp).</summary>
    public static Complex[] Dft(ReadOnlySpan<ComplexF32> x, FftDirection direction)
    {
        int n = x.Length;
        var roots = new Complex[n];
        double sign = direction == FftDirection.Forward ? -1 : 1;
        for (int t = 0; t < n; t++)
        {
            roots[t] = Complex.FromPolarCoordinates(1, sign * 2 * Math.PI * t / n);
        }

        var result = new Complex[n];
        for (int k = 0; k < n; k++)
        {
            double re = 0, im = 0;
            long index = 0;
            for (int i = 0; i < n; i++)
            {
                Complex w = roots[index];
                re += (x[i].Re * w.Real) - (x[i].Im * w.Imaginary);
                im += (x[i].Re * w.Imaginary) + (x[i].Im * w.Real);
                index += k;
                if (index >= n)
                {
                    index -= n;
                }
            }

            result[k] = new Complex(re, im);
        }

        return result;
    }

    /// <summary>‖actual − expected‖ / ‖expected‖.</summary>
    public static double RelativeRmsError(ReadOnlySpan<ComplexF32> actual, ReadOnlySpan<Complex> expected)
    {
        double num = 0, den = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            Complex d = new Complex(actual[i].Re, actual[i].Im) - expected[i];
            num += (d.Real * d.Real) + (d.Imaginary * d.Imaginary);
            den += (expected[i].Real * expected[i].Real) + (expected[i].Imaginary * expected[i].Imaginary);
        }

        return Math.Sqrt(num / den);
    }

    /// <summary>Uniform random samples in [−1, 1)² from a fixed seed.</summary>
    public static ComplexF32[] RandomSignal(int length, int seed)
    {
        var random = new Random(seed);
        var x = new ComplexF32[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = new ComplexF32((2 * random.NextSingle()) - 1, (2 * random.NextSingle()) - 1);
        }

        return x;
    }

    /// <summary>
    /// Every length the NR physical layer transforms: OFDM FFT sizes (powers of two 128..4096 and 3·2^k 384..6144), the
    /// transform-precoding DFT sizes M = 12·2^a·3^b·5^c ≤ 3300 (TS 38.211 §6.3.1.4, M ≤ 275 PRB · 12), and small sizes.
    /// </summary>
    public static IReadOnlyList<int> NrSizes()
    {
        var sizes = new SortedSet<int>();
        for (int n = 1; n <= 4096; n *= 2)
        {
            sizes.Add(n);
        }

        for (int n = 384; n <= 6144; n *= 2)
        {
            sizes.Add(n);
        }

        for (long a = 1; 12 * a <= 3300; a *= 2)
        {
            for (long b = a; 12 * b <= 3300; b *= 3)
            {
                for (long c = b; 12 * c <= 3300; c *= 5)
                {
                    sizes.Add((int)(12 * c));
                }
            }
        }

        foreach (int n in new[] { 3, 5, 6, 7, 9, 10, 15, 20, 25, 28, 44, 49, 52, 139 })
        {
            sizes.Add(n);
        }

        return sizes.ToArray();
    }
}
