namespace OpenRan.Engine.Scheduling;

/// <summary>
/// TS 38.214 Table 5.1.2.1.1-2 (Release 17), default PDSCH time domain resource allocation A for normal CP: per row
/// (index 0..15 as sent in the DCI) and dmrs-TypeA-Position, the mapping type, K0, S and L. Source of the numbers: the
/// specification table.
/// </summary>
public static class Ts38214Table5_1_2_1_1_2
{
    // Columns: type A (true) / B, S and L for dmrs-TypeA-Position 2, S and L for position 3. K0 = 0 in every row.
    private static readonly (bool TypeA, int S2, int L2, int S3, int L3)[] s_rows =
    [
        (true, 2, 12, 3, 11), (true, 2, 10, 3, 9), (true, 2, 9, 3, 8), (true, 2, 7, 3, 6),
        (true, 2, 5, 3, 4), (false, 9, 4, 10, 4), (false, 4, 4, 6, 4), (false, 5, 7, 5, 7),
        (false, 5, 2, 5, 2), (false, 9, 2, 9, 2), (false, 12, 2, 12, 2), (true, 1, 13, 1, 13),
        (true, 1, 6, 1, 6), (true, 2, 4, 2, 4), (false, 4, 7, 4, 7), (false, 8, 4, 8, 4),
    ];

    /// <summary>Row <paramref name="index"/> (0..15): mapping type A?, S, L.</summary>
    public static (bool TypeA, int StartSymbol, int SymbolCount) Row(int index, int dmrsTypeAPosition)
    {
        var r = s_rows[index];
        return dmrsTypeAPosition == 3 ? (r.TypeA, r.S3, r.L3) : (r.TypeA, r.S2, r.L2);
    }

    /// <summary>The index of the type-A row with the longest allocation starting at or after <paramref name="firstFreeSymbol"/>, or −1.</summary>
    public static int LongestTypeA(int firstFreeSymbol, int dmrsTypeAPosition)
    {
        int best = -1;
        int bestLength = 0;
        for (int i = 0; i < s_rows.Length; i++)
        {
            (bool typeA, int s, int l) = Row(i, dmrsTypeAPosition);
            if (typeA && s >= firstFreeSymbol && l > bestLength)
            {
                best = i;
                bestLength = l;
            }
        }

        return best;
    }
}
