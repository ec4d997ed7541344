namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// TS 38.211 Table 6.4.1.3.3.1-1 (Release 17): the initial cyclic shift m_0 of the PUCCH format 4 DM-RS for OCC index n:
/// N_SF = 2: n = 0 → 0, n = 1 → 6; N_SF = 4: n = 0 → 0, 1 → 6, 2 → 3, 3 → 9. (Format 3 uses m_0 = 0.)
/// </summary>
internal static class Ts38211Table6_4_1_3_3_1_1
{
    private static readonly byte[] s_m0 = [0, 6, 3, 9];

    /// <summary>m_0 for OCC index n (valid for both spreading factors: the N_SF = 2 column is the first two entries).</summary>
    public static int InitialCyclicShift(int occIndex) => s_m0[occIndex];
}
