namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>
/// TS 38.212 Table 5.4.1.1-1 (Release 17): the sub-block interleaver pattern P(i), i = 0..31, of the polar rate
/// matching (§5.4.1.1): J(n) = P(⌊32n/N⌋)·(N/32) + (n mod N/32).
/// </summary>
/// <remarks>Source of the numbers: the specification table.</remarks>
public static class Ts38212Table5_4_1_1_1
{
    /// <summary>P(i) for i = 0..31.</summary>
    public static System.ReadOnlySpan<byte> SubBlockInterleaverPattern =>
    [
        0, 1, 2, 4, 3, 5, 6, 7, 8, 16, 9, 17, 10, 18, 11, 19, 12, 20, 13, 21, 14, 22, 15, 23, 24, 25, 26, 28, 27, 29, 30, 31,
    ];
}
