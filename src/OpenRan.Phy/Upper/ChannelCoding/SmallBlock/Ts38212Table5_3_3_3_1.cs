namespace OpenRan.Phy.Upper.ChannelCoding.SmallBlock;

/// <summary>
/// TS 38.212 Table 5.3.3.3-1 (Release 17): the basis sequences M_(i,n), i = 0..31, n = 0..10, of the (32, K) block code
/// (a punctured second-order Reed-Muller code) used for 3 ≤ K ≤ 11.
/// </summary>
/// <remarks>Source of the numbers: the specification table. Row i is stored as an 11-bit mask, bit n = M_(i,n).</remarks>
public static class Ts38212Table5_3_3_3_1
{
    /// <summary>Number of rows (the code length 32).</summary>
    public const int Rows = 32;

    /// <summary>Number of basis sequences (the largest K, 11).</summary>
    public const int Columns = 11;

    private static readonly byte[,] s_basis =
    {
        { 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1 },
        { 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1 },
        { 1, 0, 0, 1, 0, 0, 1, 0, 1, 1, 1 },
        { 1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1 },
        { 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1 },
        { 1, 1, 0, 0, 1, 0, 1, 1, 1, 0, 1 },
        { 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1 },
        { 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 1 },
        { 1, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1 },
        { 1, 0, 1, 1, 1, 0, 1, 0, 0, 1, 1 },
        { 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 1 },
        { 1, 1, 1, 0, 0, 1, 1, 0, 1, 0, 1 },
        { 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1 },
        { 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1 },
        { 1, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1 },
        { 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1 },
        { 1, 1, 1, 0, 1, 1, 1, 0, 0, 1, 0 },
        { 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0 },
        { 1, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0 },
        { 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0 },
        { 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1 },
        { 1, 1, 0, 1, 0, 0, 0, 0, 0, 1, 1 },
        { 1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 1 },
        { 1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1 },
        { 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0 },
        { 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 1 },
        { 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0 },
        { 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0 },
        { 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 0 },
        { 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0 },
        { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 },
        { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
    };

    /// <summary>M_(i,n).</summary>
    public static byte Basis(int i, int n) => s_basis[i, n];
}
