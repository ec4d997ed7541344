using System;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// TS 38.211 Table 6.4.1.3.3.2-1 (Release 17): the DM-RS positions l (relative to the PUCCH start) of PUCCH formats 3 and 4
/// for PUCCH lengths 4..14, without and with <c>additionalDMRS</c>; for length 4 they depend on intra-slot hopping.
/// </summary>
/// <remarks>Numbers from the specification table, stored as bit masks (bit l = DM-RS in symbol l).</remarks>
internal static class Ts38211Table6_4_1_3_3_2_1
{
    // Index: length − 5, for lengths 5..14.
    private static readonly ushort[] s_withoutAdditional =
    [
        Mask(0, 3), Mask(1, 4), Mask(1, 4), Mask(1, 5), Mask(1, 6), Mask(2, 7), Mask(2, 7), Mask(2, 8), Mask(2, 9), Mask(3, 10),
    ];

    private static readonly ushort[] s_withAdditional =
    [
        Mask(0, 3), Mask(1, 4), Mask(1, 4), Mask(1, 5), Mask(1, 6), Mask(1, 3, 6, 8), Mask(1, 3, 6, 9), Mask(1, 4, 7, 10), Mask(1, 4, 7, 11), Mask(1, 5, 8, 12),
    ];

    /// <summary>The DM-RS symbol mask for a PUCCH of <paramref name="length"/> symbols (4..14).</summary>
    public static ushort DmrsSymbols(int length, bool additionalDmrs, bool hopping) =>
        length == 4 ? (hopping ? Mask(0, 2) : Mask(1)) : additionalDmrs ? s_withAdditional[length - 5] : s_withoutAdditional[length - 5];

    private static ushort Mask(params ReadOnlySpan<int> symbols)
    {
        ushort mask = 0;
        foreach (int l in symbols)
        {
            mask |= (ushort)(1 << l);
        }

        return mask;
    }
}
