using System;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// TS 38.212 Table 6.3.1.6-1 (Release 17): the sets S_UCI^(j) of UCI symbols (relative to the PUCCH start) used to multiplex
/// UCI part 1 and part 2 on PUCCH formats 3 and 4, for each PUCCH length and DM-RS configuration; the symbols nearest the
/// DM-RS come first. Stored as bit masks per set.
/// </summary>
/// <remarks>Numbers from the specification table.</remarks>
internal static class Ts38212Table6_3_1_6_1
{
    /// <summary>Writes the sets for a PUCCH of <paramref name="length"/> symbols with the DM-RS mask <paramref name="dmrs"/>; returns the set count (1..3).</summary>
    /// <exception cref="ArgumentException">The combination is not in the table.</exception>
    public static int Sets(int length, ushort dmrs, Span<ushort> sets)
    {
        sets.Clear();
        switch (length)
        {
            case 4 when dmrs == M(1): return Set(sets, M(0, 2), M(3));
            case 4 when dmrs == M(0, 2): return Set(sets, M(1, 3));
            case 5 when dmrs == M(0, 3): return Set(sets, M(1, 2, 4));
            case 6 when dmrs == M(1, 4): return Set(sets, M(0, 2, 3, 5));
            case 7 when dmrs == M(1, 4): return Set(sets, M(0, 2, 3, 5), M(6));
            case 8 when dmrs == M(1, 5): return Set(sets, M(0, 2, 4, 6), M(3, 7));
            case 9 when dmrs == M(1, 6): return Set(sets, M(0, 2, 5, 7), M(3, 4, 8));
            case 10 when dmrs == M(2, 7): return Set(sets, M(1, 3, 6, 8), M(0, 4, 5, 9));
            case 10 when dmrs == M(1, 3, 6, 8): return Set(sets, M(0, 2, 4, 5, 7, 9));
            case 11 when dmrs == M(2, 7): return Set(sets, M(1, 3, 6, 8), M(0, 4, 5, 9), M(10));
            case 11 when dmrs == M(1, 3, 6, 9): return Set(sets, M(0, 2, 4, 5, 7, 8, 10));
            case 12 when dmrs == M(2, 8): return Set(sets, M(1, 3, 7, 9), M(0, 4, 6, 10), M(5, 11));
            case 12 when dmrs == M(1, 4, 7, 10): return Set(sets, M(0, 2, 3, 5, 6, 8, 9, 11));
            case 13 when dmrs == M(2, 9): return Set(sets, M(1, 3, 8, 10), M(0, 4, 7, 11), M(5, 6, 12));
            case 13 when dmrs == M(1, 4, 7, 11): return Set(sets, M(0, 2, 3, 5, 6, 8, 10, 12), M(9));
            case 14 when dmrs == M(3, 10): return Set(sets, M(2, 4, 9, 11), M(1, 5, 8, 12), M(0, 6, 7, 13));
            case 14 when dmrs == M(1, 5, 8, 12): return Set(sets, M(0, 2, 4, 6, 7, 9, 11, 13), M(3, 10));
            default:
                throw new ArgumentException($"PUCCH length {length} with DM-RS mask 0x{dmrs:x} is not a row of TS 38.212 Table 6.3.1.6-1.", nameof(dmrs));
        }
    }

    private static int Set(Span<ushort> sets, params ReadOnlySpan<ushort> values)
    {
        values.CopyTo(sets);
        return values.Length;
    }

    private static ushort M(params ReadOnlySpan<int> symbols)
    {
        ushort mask = 0;
        foreach (int l in symbols)
        {
            mask |= (ushort)(1 << l);
        }

        return mask;
    }
}
