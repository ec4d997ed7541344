using System;

namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>
/// TS 38.213 Table 9.3-1 (Release 17): β_offset^HARQ-ACK, the HARQ-ACK offset of UCI on PUSCH, for the index
/// I_offset^HARQ-ACK signalled by <c>betaOffsetACK-Index1/2/3</c> (TS 38.331 BetaOffsets) or the beta_offset indicator.
/// </summary>
/// <remarks>Numbers from the specification table; indices 16..31 are reserved.</remarks>
public static class Ts38213Table9_3_1
{
    /// <summary>Largest defined index.</summary>
    public const int MaxIndex = 15;

    private static readonly double[] s_values = [1.000, 2.000, 2.500, 3.125, 4.000, 5.000, 6.250, 8.000, 10.000, 12.625, 15.875, 20.000, 31.000, 50.000, 80.000, 126.000];

    /// <summary>β_offset^HARQ-ACK of index <paramref name="index"/> (0..15).</summary>
    public static double BetaOffset(int index) => s_values[index];

    /// <summary>The index of β_offset value <paramref name="value"/>, or −1 when the table does not hold it.</summary>
    public static int IndexOf(double value) => Array.IndexOf(s_values, value);
}
