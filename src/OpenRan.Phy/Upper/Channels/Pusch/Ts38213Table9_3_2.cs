using System;

namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>
/// TS 38.213 Table 9.3-2 (Release 17): β_offset^CSI-1 and β_offset^CSI-2, the CSI part 1 and part 2 offsets of UCI on
/// PUSCH, for the index I_offset^CSI-1/2 signalled by <c>betaOffsetCSI-Part1/2-Index1/2</c> (TS 38.331 BetaOffsets).
/// </summary>
/// <remarks>Numbers from the specification table; indices 19..31 are reserved.</remarks>
public static class Ts38213Table9_3_2
{
    /// <summary>Largest defined index.</summary>
    public const int MaxIndex = 18;

    private static readonly double[] s_values = [1.125, 1.250, 1.375, 1.625, 1.750, 2.000, 2.250, 2.500, 2.875, 3.125, 3.500, 4.000, 5.000, 6.250, 8.000, 10.000, 12.625, 15.875, 20.000];

    /// <summary>β_offset^CSI of index <paramref name="index"/> (0..18).</summary>
    public static double BetaOffset(int index) => s_values[index];

    /// <summary>The index of β_offset value <paramref name="value"/>, or −1 when the table does not hold it.</summary>
    public static int IndexOf(double value) => Array.IndexOf(s_values, value);
}
