using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Common;

/// <summary>
/// Soft QPSK demapping with a per-RE channel estimate (TS 38.211 §5.1.3 constellation), float LLRs L = ln(P(0)/P(1)):
/// for y = h·x + n with E|n|² = σ², L(b0) = 2√2·Re(h*·y)/σ² and L(b1) = 2√2·Im(h*·y)/σ² (matched filter, no division).
/// </summary>
/// <remarks>A small channel-specific helper for PBCH and PDCCH; the general SIMD demapper lives in Upper.Modulation.</remarks>
internal static class QpskLlr
{
    /// <summary>Writes 2 LLRs per symbol: llrs[2i], llrs[2i+1] for symbols[i] with channel[i] and noise variance σ².</summary>
    public static void Demap(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<ComplexF32> channel, float noiseVariance, Span<float> llrs)
    {
        ThrowHelper.ThrowIfLengthDiffers(channel.Length, symbols.Length, nameof(channel));
        ThrowHelper.ThrowIfLengthDiffers(llrs.Length, 2 * symbols.Length, nameof(llrs));
        float scale = 2f * MathF.Sqrt(2f) / noiseVariance;
        for (int i = 0; i < symbols.Length; i++)
        {
            ComplexF32 y = symbols[i];
            ComplexF32 h = channel[i];
            // h*·y
            float re = (h.Re * y.Re) + (h.Im * y.Im);
            float im = (h.Re * y.Im) - (h.Im * y.Re);
            llrs[2 * i] = scale * re;
            llrs[(2 * i) + 1] = scale * im;
        }
    }

    /// <summary>Descrambles float LLRs in place: flips the sign of llrs[i] where the next Gold-sequence value c(n + i) is 1.</summary>
    public static void Descramble(Sequences.PseudoRandomSequence sequence, Span<float> llrs)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        sequence.ApplySigns(llrs);
    }
}
