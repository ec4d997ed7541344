namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>TS 38.212 Table 7.1.1-1 (Release 17): the PBCH payload interleaver pattern G(j), j = 0..31.</summary>
/// <remarks>Source of the numbers: the specification table.</remarks>
public static class Ts38212Table7_1_1_1
{
    /// <summary>G(j) for j = 0..31.</summary>
    public static System.ReadOnlySpan<byte> InterleaverPattern =>
    [
        16, 23, 18, 17, 8, 30, 10, 6, 24, 7, 0, 5, 3, 2, 1, 4, 9, 11, 12, 13, 14, 15, 19, 20, 21, 22, 25, 26, 27, 28, 29, 31,
    ];
}
