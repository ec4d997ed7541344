namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// TS 38.211 Table 6.3.2.4.1-1 (Release 17): the spreading factor N_SF,m'^PUCCH,1 of PUCCH format 1 data, i.e. the number of
/// data symbols in hop m', for PUCCH lengths N_symb^PUCCH,1 = 4..14, without intra-slot hopping (m' = 0) and with it
/// (m' = 0, 1).
/// </summary>
/// <remarks>Numbers from the specification table; the data symbols are the odd symbols l = 1, 3, … of the PUCCH.</remarks>
internal static class Ts38211Table6_3_2_4_1_1
{
    // Index: PUCCH length − 4.
    private static readonly byte[] s_noHopping = [2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7];
    private static readonly byte[] s_firstHop = [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3];
    private static readonly byte[] s_secondHop = [1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4];

    /// <summary>N_SF,m'^PUCCH,1 for a PUCCH of <paramref name="length"/> symbols (4..14).</summary>
    /// <param name="length">N_symb^PUCCH,1, 4..14.</param>
    /// <param name="hopping">Whether intra-slot frequency hopping is enabled.</param>
    /// <param name="hop">m': 0, or 1 with hopping.</param>
    public static int SpreadingFactor(int length, bool hopping, int hop) =>
        !hopping ? s_noHopping[length - 4] : hop == 0 ? s_firstHop[length - 4] : s_secondHop[length - 4];
}
