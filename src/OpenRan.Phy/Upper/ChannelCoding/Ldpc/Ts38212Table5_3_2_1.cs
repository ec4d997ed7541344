using System;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>
/// TS 38.212 Table 5.3.2-1: the sets of LDPC lifting sizes Z. Set i_LS holds Z = a · 2^j for a = 2, 3, 5, 7, 9, 11, 13, 15
/// (i_LS = 0..7) and every j with Z ≤ 384: 51 sizes in all.
/// </summary>
/// <remarks>Specification: 3GPP TS 38.212 V17 (Release 17), unchanged since Release 15. Numbers from the specification.</remarks>
internal static class Ts38212Table5_3_2_1
{
    /// <summary>Number of lifting-size sets.</summary>
    public const int SetCount = 8;

    /// <summary>Number of lifting sizes in all sets.</summary>
    public const int SizeCount = 51;

    /// <summary>The set bases a for i_LS = 0..7.</summary>
    public static ReadOnlySpan<byte> SetBase => [2, 3, 5, 7, 9, 11, 13, 15];

    /// <summary>The largest lifting size of every set.</summary>
    public const int MaxLiftingSize = 384;
}
