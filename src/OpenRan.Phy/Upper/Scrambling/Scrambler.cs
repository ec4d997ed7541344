using System;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.Scrambling;

/// <summary>
/// The bit-level scrambling kernel every physical channel shares: b̃(i) = (b(i) + c(i + offset)) mod 2 with c the Gold
/// sequence of TS 38.211 §5.2.1 initialised with the channel's c_init (PDSCH §7.3.1.1, PUSCH §6.3.1.1, PDCCH §7.3.2.3,
/// PBCH §7.3.3.1, PUCCH §6.3.2.5.1/§6.3.2.6.1), and its inverse on soft bits (a sign flip where c = 1).
/// </summary>
/// <remarks>
/// The per-channel c_init and sequence offsets live in one static class per channel (<see cref="PdschScrambling"/>,
/// <see cref="PuschScrambling"/>, <see cref="PdcchScrambling"/>, <see cref="PbchScrambling"/>, …). One instance owns its
/// sequence generator; scrambling allocates nothing. Not thread-safe.
/// </remarks>
public sealed class Scrambler
{
    private readonly PseudoRandomSequence _sequence = new();

    /// <summary>Scrambles bits: destination[i] = bits[i] ⊕ c(i + <paramref name="sequenceOffset"/>). The spans may be the same.</summary>
    /// <param name="cInit">c_init of the channel, 0..2^31 − 1.</param>
    /// <param name="bits">b(0) … b(M_bit − 1), one bit (0/1) per byte.</param>
    /// <param name="destination">Receives M_bit scrambled bits.</param>
    /// <param name="sequenceOffset">Values of c skipped first (for example v·M_bit for PBCH, <see cref="PbchScrambling.SequenceOffset"/>).</param>
    public void Scramble(uint cInit, ReadOnlySpan<byte> bits, Span<byte> destination, int sequenceOffset = 0)
    {
        Start(cInit, sequenceOffset);
        _sequence.ApplyXor(bits, destination);
    }

    /// <summary>
    /// Resolves the UCI placeholders after <see cref="Scramble"/> (TS 38.211 §6.3.1.1): where bits[i] is the placeholder x
    /// (0xFF), destination[i] = 1; where it is y (0xFE), destination[i] = destination[i − 1]. Other positions are left as
    /// scrambled. A vectorized search skips the placeholder-free stretches.
    /// </summary>
    /// <param name="bits">The codeword before scrambling: 0/1 or a placeholder (TS 38.212 §5.3.3, written 0xFF and 0xFE).</param>
    /// <param name="destination">The scrambled codeword (the output of <see cref="Scramble"/>); must not alias <paramref name="bits"/>.</param>
    public static void ResolvePlaceholders(ReadOnlySpan<byte> bits, Span<byte> destination)
    {
        Dsp.ThrowHelper.ThrowIfLengthDiffers(destination.Length, bits.Length, nameof(destination));
        int i = 0;
        while (true)
        {
            int found = bits[i..].IndexOfAnyInRange((byte)2, (byte)255);
            if (found < 0)
            {
                return;
            }

            i += found;
            destination[i] = bits[i] == 0xFF ? (byte)1 : i > 0 ? destination[i - 1] : (byte)0;
            i++;
        }
    }

    /// <summary>
    /// Descrambles int8 LLRs: destination[i] = c(i + <paramref name="sequenceOffset"/>) = 1 ? −llrs[i] : llrs[i]. The spans
    /// may be the same.
    /// </summary>
    /// <param name="cInit">c_init of the channel.</param>
    /// <param name="llrs">The received soft bits (positive favours 0).</param>
    /// <param name="destination">Receives the descrambled soft bits.</param>
    /// <param name="sequenceOffset">Values of c skipped first.</param>
    public void Descramble(uint cInit, ReadOnlySpan<sbyte> llrs, Span<sbyte> destination, int sequenceOffset = 0)
    {
        Start(cInit, sequenceOffset);
        _sequence.ApplySigns(llrs, destination);
    }

    /// <summary>Descrambles float LLRs in place: llrs[i] = c(i + <paramref name="sequenceOffset"/>) = 1 ? −llrs[i] : llrs[i].</summary>
    /// <param name="cInit">c_init of the channel.</param>
    /// <param name="llrs">The soft bits, descrambled in place.</param>
    /// <param name="sequenceOffset">Values of c skipped first.</param>
    public void Descramble(uint cInit, Span<float> llrs, int sequenceOffset = 0)
    {
        Start(cInit, sequenceOffset);
        _sequence.ApplySigns(llrs);
    }

    private void Start(uint cInit, int sequenceOffset)
    {
        if (sequenceOffset < 0)
        {
            Dsp.ThrowHelper.ThrowOutOfRange(nameof(sequenceOffset), sequenceOffset, "≥ 0");
        }

        _sequence.Initialize(cInit);
        if (sequenceOffset > 0)
        {
            _sequence.Advance(sequenceOffset);
        }
    }
}
