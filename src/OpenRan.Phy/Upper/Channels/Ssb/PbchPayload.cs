using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>
/// The PBCH transport-block payload (TS 38.212 §7.1.1) and its first scrambling (§7.1.2): the BCCH-BCH message ā
/// (Ā = 24 bits) is extended with the 4 SFN LSBs, the half-frame bit and either the k_SSB MSB (L_max ≤ 8) or the SS/PBCH
/// block index bits 5, 4, 3 (L_max = 64), interleaved with G(j) (Table 7.1.1-1) and scrambled with c(j + v·M), c_init =
/// N_ID^cell, v = 2·(3rd SFN LSB) + (2nd SFN LSB), leaving the SFN 2nd/3rd LSBs, the half-frame bit and (L_max = 64) the
/// block index bits unscrambled.
/// </summary>
public static class PbchPayload
{
    /// <summary>A = Ā + 8 = 32 payload bits.</summary>
    public const int Length = 32;

    /// <summary>Position in a of ā_i, i = 0..31 (the G(j) interleaving of §7.1.1).</summary>
    private static readonly byte[] s_position = BuildPositions();

    /// <summary>
    /// Builds the scrambled payload a' (32 bits) from the BCCH-BCH message and the physical-layer bits.
    /// </summary>
    /// <param name="bcchBch">ā_0 … ā_23 (see <see cref="Mib.Pack"/>).</param>
    /// <param name="sfn">SFN, 0..1023 (its 4 LSBs are added here).</param>
    /// <param name="halfFrame">The half-frame bit, 0 or 1.</param>
    /// <param name="lMax">L_max: 4, 8 or 64.</param>
    /// <param name="blockIndexOrKSsb">k_SSB (L_max ≤ 8; its MSB is sent) or the SS/PBCH block index (L_max = 64; bits 5..3 are sent).</param>
    /// <param name="nIdCell">N_ID^cell, 0..1007.</param>
    /// <param name="payload">Receives a'_0 … a'_31.</param>
    /// <param name="sequence">A Gold-sequence generator to reuse (avoids allocating one), or null.</param>
    public static void Build(ReadOnlySpan<byte> bcchBch, int sfn, int halfFrame, int lMax, int blockIndexOrKSsb, int nIdCell, Span<byte> payload, PseudoRandomSequence? sequence = null)
    {
        ThrowHelper.ThrowIfLengthDiffers(bcchBch.Length, Mib.PackedLength, nameof(bcchBch));
        ThrowHelper.ThrowIfLengthDiffers(payload.Length, Length, nameof(payload));
        ThrowHelper.ThrowIfOutside(sfn, 0, 1023);
        ThrowHelper.ThrowIfOutside(halfFrame, 0, 1);
        ValidateLMax(lMax);
        ThrowHelper.ThrowIfOutside(blockIndexOrKSsb, 0, lMax == 64 ? 63 : 31);
        ThrowHelper.ThrowIfOutside(nIdCell, 0, 1007);
        Span<byte> aBar = stackalloc byte[Length];
        bcchBch.CopyTo(aBar);
        BitPacking.WriteUInt((ulong)(sfn & 0xF), aBar, 24, 4);
        aBar[28] = (byte)halfFrame;
        if (lMax == 64)
        {
            BitPacking.WriteUInt((ulong)(blockIndexOrKSsb >> 3), aBar, 29, 3);
        }
        else
        {
            aBar[29] = (byte)((blockIndexOrKSsb >> 4) & 1);
            aBar[30] = 0;
            aBar[31] = 0;
        }

        for (int i = 0; i < Length; i++)
        {
            payload[s_position[i]] = (byte)(aBar[i] & 1);
        }

        Scramble(payload, lMax, nIdCell, sequence ?? new PseudoRandomSequence());
    }

    /// <summary>
    /// Descrambles a received payload a' in place and de-interleaves it into ā (32 bits: the BCCH-BCH message, SFN LSBs,
    /// half-frame bit and the last three bits). Scrambling is an involution once v is known, and v is read from the
    /// unscrambled SFN bits.
    /// </summary>
    public static void Recover(Span<byte> payload, int lMax, int nIdCell, Span<byte> aBar, PseudoRandomSequence? sequence = null)
    {
        ThrowHelper.ThrowIfLengthDiffers(payload.Length, Length, nameof(payload));
        ThrowHelper.ThrowIfLengthDiffers(aBar.Length, Length, nameof(aBar));
        ValidateLMax(lMax);
        Scramble(payload, lMax, nIdCell, sequence ?? new PseudoRandomSequence());
        for (int i = 0; i < Length; i++)
        {
            aBar[i] = payload[s_position[i]];
        }
    }

    /// <summary>§7.1.2: a'_i = a_i ⊕ s_i, in place (v is read from a_G(7), a_G(8), which are never scrambled).</summary>
    private static void Scramble(Span<byte> a, int lMax, int nIdCell, PseudoRandomSequence c)
    {
        ReadOnlySpan<byte> g = Ts38212Table7_1_1_1.InterleaverPattern;
        // ā_(Ā+1) (3rd SFN LSB) and ā_(Ā+2) (2nd SFN LSB) sit at G(7) and G(8).
        int v = (2 * a[g[7]]) + a[g[8]];
        int m = lMax == 64 ? Length - 6 : Length - 3;
        c.Initialize((uint)nIdCell);
        c.Advance(v * m);
        for (int i = 0; i < Length; i++)
        {
            bool excluded = i == g[7] || i == g[8] || i == g[10] || (lMax == 64 && (i == g[11] || i == g[12] || i == g[13]));
            if (!excluded)
            {
                a[i] ^= (byte)c.Next(1);
            }
        }
    }

    private static void ValidateLMax(int lMax)
    {
        if (lMax is not (4 or 8 or 64))
        {
            ThrowHelper.ThrowOutOfRange(nameof(lMax), lMax, "4, 8 or 64");
        }
    }

    private static byte[] BuildPositions()
    {
        // §7.1.1: j_SFN = 0, j_HRF = 10, j_SSB = 11, j_other = 14. SFN bits are ā_1..ā_6 and ā_24..ā_27, the
        // half-frame bit ā_28, and ā_29..ā_31 take the j_SSB slots.
        ReadOnlySpan<byte> g = Ts38212Table7_1_1_1.InterleaverPattern;
        var position = new byte[Length];
        int jSfn = 0, jSsb = 11, jOther = 14;
        for (int i = 0; i < Length; i++)
        {
            if (i is (>= 1 and <= 6) or (>= 24 and <= 27))
            {
                position[i] = g[jSfn++];
            }
            else if (i == 28)
            {
                position[i] = g[10];
            }
            else if (i >= 29)
            {
                position[i] = g[jSsb++];
            }
            else
            {
                position[i] = g[jOther++];
            }
        }

        return position;
    }
}
