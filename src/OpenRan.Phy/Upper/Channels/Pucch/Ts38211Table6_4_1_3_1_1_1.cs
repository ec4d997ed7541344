namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// TS 38.211 Table 6.4.1.3.1.1-1 (Release 17): the number of DM-RS symbols N_SF,m'^PUCCH,1 of PUCCH format 1 in hop m' for
/// PUCCH lengths 4..14, without intra-slot hopping (m' = 0) and with it (m' = 0, 1).
/// </summary>
/// <remarks>Numbers from the specification table; the DM-RS occupies the even symbols l = 0, 2, … of the PUCCH.</remarks>
internal static class Ts38211Table6_4_1_3_1_1_1
{
    // Index: PUCCH length − 4.
    private static readonly byte[] s_noHopping = [2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7];
    private static readonly byte[] s_firstHop = [1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4];
    private static readonly byte[] s_secondHop = [1, 2, 1, 2, 2, 3, 2, 3, 3, 4, 3];

    /// <summary>N_SF,m'^PUCCH,1 of the DM-RS for a PUCCH of <paramref name="length"/> symbols (4..14).</summary>
    public static int SpreadingFactor(int length, bool hopping, int hop) =>
        !hopping ? s_noHopping[length - 4] : hop == 0 ? s_firstHop[length - 4] : s_secondHop[length - 4];
}
