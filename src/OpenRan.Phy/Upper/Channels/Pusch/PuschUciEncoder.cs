using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.SmallBlock;
using OpenRan.Phy.Upper.Channels.Pucch;

namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>
/// UCI channel coding for PUSCH (TS 38.212 §6.3.2.2–§6.3.2.5), one part at a time: A = 1 or 2 bits by the repetition and
/// simplex codes of §5.3.3.1–§5.3.3.2 with their placeholders x and y (written as <see cref="PlaceholderX"/> and
/// <see cref="PlaceholderY"/>, resolved by the PUSCH scrambler, TS 38.211 §6.3.1.1), then e_k = d_(k mod N) (§5.4.3);
/// A = 3..11 by the (32, A) block code with the same repetition; A ≥ 12 by CRC, segmentation, polar coding and rate
/// matching with I_BIL = 1 (the coders of PUCCH UCI, <see cref="PucchUciEncoder.EncodePart"/>).
/// </summary>
/// <remarks>One instance per worker; allocation-free after the first use of each polar code; not thread-safe.</remarks>
public sealed class PuschUciEncoder
{
    /// <summary>The placeholder "x" in a coded byte stream (the scrambler writes 1).</summary>
    public const byte PlaceholderX = unchecked((byte)SmallBlockCode.PlaceholderX);

    /// <summary>The placeholder "y" in a coded byte stream (the scrambler repeats the previous scrambled bit).</summary>
    public const byte PlaceholderY = unchecked((byte)SmallBlockCode.PlaceholderY);

    private readonly PucchUciEncoder _coder = new();
    private readonly sbyte[] _d = new sbyte[32];

    /// <summary>Codes one UCI part of A = a.Length bits into E_UCI = e.Length values (0, 1 or a placeholder).</summary>
    /// <param name="a">The part's bits a_0 … a_(A−1), 0..1706 bits; none writes nothing.</param>
    /// <param name="bitsPerSymbol">Q_m of the PUSCH (the placeholder pattern of A ≤ 2).</param>
    /// <param name="e">Receives the E_UCI rate-matched values.</param>
    public void EncodePart(ReadOnlySpan<byte> a, int bitsPerSymbol, Span<byte> e)
    {
        if (a.IsEmpty)
        {
            ThrowHelper.ThrowIfLengthDiffers(e.Length, 0, nameof(e));
            return;
        }

        if (a.Length <= 2)
        {
            int n = SmallBlockCode.EncodedLength(a.Length, bitsPerSymbol);
            Span<sbyte> d = _d.AsSpan(0, n);
            SmallBlockCode.Encode(a, bitsPerSymbol, d);
            for (int k = 0; k < e.Length; k++)
            {
                e[k] = unchecked((byte)d[k % n]);
            }

            return;
        }

        _coder.EncodePart(a, e);
    }
}
