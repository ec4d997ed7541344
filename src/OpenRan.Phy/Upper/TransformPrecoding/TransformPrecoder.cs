using System;
using System.Collections.Generic;
using OpenRan.Dsp;
using OpenRan.Dsp.Fft;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.TransformPrecoding;

/// <summary>
/// PUSCH transform precoding (TS 38.211 §6.3.1.4) and its inverse: per OFDM symbol l,
/// y(l·M + k) = (1/√M)·Σ_i x(l·M + i)·e^{−j2πik/M}, k = 0..M−1, with M = M_sc^PUSCH = 12·M_RB and
/// M_RB = 2^α2·3^α3·5^α5.
/// </summary>
/// <remarks>
/// Unitary FFT plans (<see cref="FftFactory"/>, <see cref="FftScaling.Unitary"/>: the 1/√M of the specification) are
/// made on first use of each size and kept, so a processor that keeps one instance allocates nothing in steady state.
/// Not thread-safe.
/// </remarks>
public sealed class TransformPrecoder
{
    private readonly Dictionary<int, IFft> _plans = [];

    /// <summary>Whether <paramref name="prbCount"/> resource blocks are a valid transform-precoding allocation (2^a·3^b·5^c, ≤ 275).</summary>
    public static bool IsValidPrbCount(int prbCount)
    {
        if (prbCount < 1 || prbCount > NrConstants.MaxPrb)
        {
            return false;
        }

        foreach (int p in (ReadOnlySpan<int>)[2, 3, 5])
        {
            while (prbCount % p == 0)
            {
                prbCount /= p;
            }
        }

        return prbCount == 1;
    }

    /// <summary>Transform-precodes whole symbols: source and destination hold a multiple of M = 12·<paramref name="prbCount"/> values.</summary>
    /// <param name="source">Layer symbols x, symbol-major (symbol l at [l·M, (l+1)·M)).</param>
    /// <param name="prbCount">M_RB^PUSCH, a product of powers of 2, 3 and 5.</param>
    /// <param name="destination">Receives y; must not overlap <paramref name="source"/>.</param>
    public void Precode(ReadOnlySpan<ComplexF32> source, int prbCount, Span<ComplexF32> destination) => Run(source, prbCount, destination, inverse: false);

    /// <summary>The inverse (TS 38.211 §6.3.1.4 undone): x(l·M + i) = (1/√M)·Σ_k y(l·M + k)·e^{+j2πik/M}.</summary>
    public void Deprecode(ReadOnlySpan<ComplexF32> source, int prbCount, Span<ComplexF32> destination) => Run(source, prbCount, destination, inverse: true);

    private void Run(ReadOnlySpan<ComplexF32> source, int prbCount, Span<ComplexF32> destination, bool inverse)
    {
        if (!IsValidPrbCount(prbCount))
        {
            ThrowHelper.ThrowOutOfRange(nameof(prbCount), prbCount, "1..275 and of the form 2^a·3^b·5^c (TS 38.211 §6.3.1.4)");
        }

        int m = prbCount * NrConstants.SubcarriersPerRb;
        if (source.Length % m != 0)
        {
            ThrowHelper.ThrowArgument(nameof(source), $"length {source.Length} is not a whole number of {m}-subcarrier symbols.");
        }

        ThrowHelper.ThrowIfLengthDiffers(destination.Length, source.Length, nameof(destination));
        if (!_plans.TryGetValue(m, out IFft? plan))
        {
            plan = FftFactory.Create(m, "auto", FftScaling.Unitary);
            _plans.Add(m, plan);
        }

        FftDirection direction = inverse ? FftDirection.Inverse : FftDirection.Forward;
        for (int offset = 0; offset < source.Length; offset += m)
        {
            plan.Transform(source.Slice(offset, m), destination.Slice(offset, m), direction);
        }
    }
}
