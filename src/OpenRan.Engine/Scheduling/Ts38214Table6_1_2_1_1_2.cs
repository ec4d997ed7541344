namespace OpenRan.Engine.Scheduling;

/// <summary>
/// TS 38.214 Table 6.1.2.1.1-2 (Release 17), default PUSCH time domain resource allocation A for normal CP: per row (index
/// 0..15 as sent in the DCI) the mapping type, K2 = j + Δ with j of Table 6.1.2.1.1-4 (1 for μ = 0, 1; 2 for μ = 2; 3 for
/// μ = 3), S and L. Source of the numbers: the specification table.
/// </summary>
public static class Ts38214Table6_1_2_1_1_2
{
    private static readonly (bool TypeA, int JOffset, int S, int L)[] s_rows =
    [
        (true, 0, 0, 14), (true, 0, 0, 12), (true, 0, 0, 10), (false, 0, 2, 10),
        (false, 0, 4, 10), (false, 0, 4, 8), (false, 0, 4, 6), (true, 1, 0, 14),
        (true, 1, 0, 12), (true, 1, 0, 10), (true, 2, 0, 14), (true, 2, 0, 12),
        (true, 2, 0, 10), (false, 0, 8, 6), (true, 3, 0, 14), (true, 3, 0, 10),
    ];

    /// <summary>j of TS 38.214 Table 6.1.2.1.1-4.</summary>
    public static int J(int mu) => mu switch { 0 or 1 => 1, 2 => 2, _ => 3 };

    /// <summary>Row <paramref name="index"/>: mapping type A?, K2, S, L.</summary>
    public static (bool TypeA, int K2, int StartSymbol, int SymbolCount) Row(int index, int mu)
    {
        var r = s_rows[index];
        return (r.TypeA, J(mu) + r.JOffset, r.S, r.L);
    }

    /// <summary>The index of the type-A whole-slot row (S = 0, L = 14) with K2 = <paramref name="k2"/>, or −1.</summary>
    public static int WholeSlot(int k2, int mu)
    {
        for (int i = 0; i < s_rows.Length; i++)
        {
            (bool typeA, int k, int s, int l) = Row(i, mu);
            if (typeA && k == k2 && s == 0 && l == 14)
            {
                return i;
            }
        }

        return -1;
    }
}
