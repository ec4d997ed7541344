using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>
/// TS 38.213 Table 13-12 (Release 17): parameters of the Type0-PDCCH CSS monitoring occasions for multiplexing pattern 1 in
/// FR2-1 (and FR2-NTN, and {120, 120} kHz in FR2-2), indexed by searchSpaceZero; null for reserved rows. Source of the numbers:
/// the specification table.
/// </summary>
public static class Ts38213Table13_12
{
    private static readonly Type0MonitoringRow?[] s_rows =
    [
        new(0, 1, 2, 0), new(0, 2, 1, -7), new(5, 1, 2, 0), new(5, 2, 1, -7),
        new(10, 1, 2, 0), new(10, 2, 1, -7), new(0, 2, 1, -1), new(5, 2, 1, -1),
        new(10, 2, 1, -1), new(15, 1, 2, 0), new(15, 2, 1, -7), new(15, 2, 1, -1),
        new(0, 1, 4, 0), new(10, 1, 4, 0), null, null,
    ];

    /// <summary>The row for searchSpaceZero <paramref name="index"/> (0..15), or null when reserved.</summary>
    public static Type0MonitoringRow? Row(int index)
    {
        ThrowHelper.ThrowIfOutside(index, 0, 15);
        return s_rows[index];
    }
}
