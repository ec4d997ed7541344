using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// UCI bit sequence generation and multiplexing of the coded parts on PUCCH (TS 38.212 §6.3.1.1, §6.3.1.6): part 1 is
/// HARQ-ACK, SR, CSI part 1 concatenated; with a second part (formats 3 and 4) the coded bits of part 1 fill the UCI
/// symbols of the sets S_UCI^(j) of Table 6.3.1.6-1 nearest the DM-RS first, part 2 the rest. Stateless.
/// </summary>
/// <remarks>
/// §6.3.1.6 with two parts: N_UCI^symb,j symbols in set j, N̄ = cumulative; j is the first set whose symbols can hold
/// G^(1) = E_UCI,1 bits; in the sets before j every RE carries part 1, in set j the first ⌊(G^(1) − Σ_{i&lt;j}…)/(N_UCI,j·Q_m)⌋
/// REs of each symbol (one more in the first M symbols) carry part 1 and the rest part 2, and the later sets carry part 2;
/// symbols are visited in increasing order, REs per symbol N_sc,UCI = 12·N_PRB (format 3) or 12/N_SF (format 4), Q_m bits each.
/// </remarks>
public static class PucchUciMultiplexer
{
    /// <summary>Writes the UCI part 1 bit sequence a = (HARQ-ACK, SR, CSI part 1) (TS 38.212 §6.3.1.1.1–§6.3.1.1.3).</summary>
    public static void Part1(PucchUciPayload payload, Span<byte> a)
    {
        ThrowHelper.ThrowIfLengthDiffers(a.Length, payload.Sizes.Part1BitCount, nameof(a));
        Copy(payload.HarqAck, a);
        Copy(payload.Sr, a[payload.HarqAck.Length..]);
        Copy(payload.CsiPart1, a[(payload.HarqAck.Length + payload.Sr.Length)..]);
    }

    /// <summary>
    /// For every coded bit position e = 0..E_tot − 1 of the PUCCH, which part and which bit of it it carries: writes 1 or 2
    /// into <paramref name="part"/> and the bit index into <paramref name="index"/> (TS 38.212 §6.3.1.6). With one part the
    /// map is the identity on part 1.
    /// </summary>
    public static void Map(PucchLayout layout, PucchUciCodingParameters parameters, Span<byte> part, Span<short> index)
    {
        ArgumentNullException.ThrowIfNull(layout);
        int eTot = parameters.TotalRateMatchedLength;
        ThrowHelper.ThrowIfLengthDiffers(part.Length, eTot, nameof(part));
        ThrowHelper.ThrowIfLengthDiffers(index.Length, eTot, nameof(index));
        if (parameters.Part2BitCount == 0)
        {
            part.Fill(1);
            for (int i = 0; i < eTot; i++)
            {
                index[i] = (short)i;
            }

            return;
        }

        PucchConfiguration c = layout.Configuration;
        int qm = parameters.BitsPerSymbol;
        int resPerSymbol = c.Format == PucchFormat.Format3 ? 12 * c.PrbCount : 12 / c.SpreadingFactor;
        Span<ushort> sets = stackalloc ushort[3];
        int setCount = Ts38212Table6_3_1_6_1.Sets(layout.SymbolCount, layout.DmrsSymbolMask, sets);
        int g1 = parameters.Part1RateMatchedLength;

        // j: the first set whose cumulative symbols hold G^(1); sets before j carry part 1 only.
        int j = setCount - 1;
        int before = 0;
        for (int s = 0; s < setCount; s++)
        {
            int capacity = System.Numerics.BitOperations.PopCount(sets[s]) * resPerSymbol * qm;
            if (before + capacity >= g1)
            {
                j = s;
                break;
            }

            before += capacity;
        }

        int symbolsInJ = System.Numerics.BitOperations.PopCount(sets[j]);
        int remainder = g1 - before;
        int nBar = remainder / (symbolsInJ * qm);
        int m = (remainder / qm) % symbolsInJ;
        ushort setsBeforeJ = 0;
        for (int s = 0; s < j; s++)
        {
            setsBeforeJ |= sets[s];
        }

        int n1 = 0, n2 = 0, e = 0;
        for (int l = 0; l < layout.SymbolCount; l++)
        {
            if (layout.IsDmrs(l))
            {
                continue;
            }

            int part1Res = ((setsBeforeJ >> l) & 1) != 0 ? resPerSymbol
                : ((sets[j] >> l) & 1) != 0 ? nBar + (m-- > 0 ? 1 : 0)
                : 0;
            part1Res = Math.Min(part1Res, resPerSymbol);
            for (int k = 0; k < resPerSymbol; k++)
            {
                bool first = k < part1Res;
                for (int v = 0; v < qm; v++)
                {
                    // Bits beyond a part's length are left at part 1 / index −1 (not transmitted: no such case when E_UCI,1 + E_UCI,2 = E_tot).
                    if (first)
                    {
                        part[e] = 1;
                        index[e] = (short)(n1 < g1 ? n1 : -1);
                        n1++;
                    }
                    else
                    {
                        part[e] = 2;
                        index[e] = (short)n2;
                        n2++;
                    }

                    e++;
                }
            }
        }
    }

    private static void Copy(ReadOnlySpan<byte> bits, Span<byte> destination)
    {
        for (int i = 0; i < bits.Length; i++)
        {
            destination[i] = (byte)(bits[i] & 1);
        }
    }
}
