using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.TransformPrecoding;

/// <summary>
/// A planned discrete Fourier transform of one fixed length N: X(k) = Σ_i x(i)·e^{∓j2πik/N}, unscaled. Mixed-radix
/// decimation in time, splitting by the smallest prime factor first (2, 3, 5 for the transform-precoding sizes
/// 12·2^a·3^b·5^c of TS 38.211 §6.3.1.4; any other factor is handled by its direct sum).
/// </summary>
/// <remarks>
/// Interim helper of the PUSCH transform precoder and the type-2 low-PAPR sequences until the Dsp FFT plans land; it
/// is a plan (twiddles computed once in double precision, scratch sized at construction) and allocates nothing per
/// transform. Not thread-safe.
/// </remarks>
internal sealed class PlannedDft
{
    private readonly ComplexF32[] _roots;   // e^{-j2πe/N}, e = 0..N-1
    private readonly ComplexF32[] _work;    // 2N: sub-transform outputs and their own work space
    private readonly int[] _factors;         // prime factors of N, smallest first

    /// <summary>Plans a transform of <paramref name="length"/> points (1..2^20).</summary>
    public PlannedDft(int length)
    {
        ThrowHelper.ThrowIfOutside(length, 1, 1 << 20);
        Length = length;
        _roots = new ComplexF32[length];
        for (int e = 0; e < length; e++)
        {
            _roots[e] = ComplexF32.FromPolar(1.0, -2.0 * Math.PI * e / length);
        }

        _work = new ComplexF32[2 * length];
        var factors = new System.Collections.Generic.List<int>();
        int n = length;
        for (int p = 2; p * p <= n; p++)
        {
            while (n % p == 0)
            {
                factors.Add(p);
                n /= p;
            }
        }

        if (n > 1)
        {
            factors.Add(n);
        }

        _factors = [.. factors];
    }

    /// <summary>The transform length N.</summary>
    public int Length { get; }

    /// <summary>Computes the forward transform X(k) = Σ_i x(i)·e^{−j2πik/N} (unscaled); the spans must not overlap.</summary>
    public void Forward(ReadOnlySpan<ComplexF32> input, Span<ComplexF32> output) => Run(input, output, inverse: false);

    /// <summary>Computes the inverse transform x(i) = Σ_k X(k)·e^{+j2πik/N} (unscaled); the spans must not overlap.</summary>
    public void Inverse(ReadOnlySpan<ComplexF32> input, Span<ComplexF32> output) => Run(input, output, inverse: true);

    private void Run(ReadOnlySpan<ComplexF32> input, Span<ComplexF32> output, bool inverse)
    {
        ThrowHelper.ThrowIfLengthDiffers(input.Length, Length, nameof(input));
        ThrowHelper.ThrowIfLengthDiffers(output.Length, Length, nameof(output));
        Transform(input, 0, 1, Length, output, _work, 0, inverse);
    }

    /// <summary>DFT of the n samples x[start + i·stride] into output[0..n), using work (≥ 2n) as scratch.</summary>
    private void Transform(ReadOnlySpan<ComplexF32> x, int start, int stride, int n, Span<ComplexF32> output, Span<ComplexF32> work, int level, bool inverse)
    {
        if (n == 1)
        {
            output[0] = x[start];
            return;
        }

        int p = _factors[level];
        int m = n / p;
        int rootStep = Length / n; // W_n^e = W_N^{e·N/n}
        for (int r = 0; r < p; r++)
        {
            Transform(x, start + (r * stride), stride * p, m, work.Slice(r * m, m), work[n..], level + 1, inverse);
        }

        // Butterfly: out[k + q·m] = Σ_r Y_r[k] · W_n^{r(k + q·m)}.
        for (int k = 0; k < m; k++)
        {
            for (int q = 0; q < p; q++)
            {
                int kk = k + (q * m);
                ComplexF32 sum = work[k];
                for (int r = 1; r < p; r++)
                {
                    int e = (int)((long)r * kk % n) * rootStep;
                    ComplexF32 w = _roots[e];
                    sum += work[(r * m) + k] * (inverse ? w.Conjugate : w);
                }

                output[kk] = sum;
            }
        }
    }
}
