using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>
/// TS 38.213 Table 13-11 (Release 17): parameters of the Type0-PDCCH CSS monitoring occasions for SS/PBCH block and CORESET
/// multiplexing pattern 1 in FR1, indexed by searchSpaceZero. Source of the numbers: the specification table.
/// </summary>
public static class Ts38213Table13_11
{
    private static readonly Type0MonitoringRow[] s_rows =
    [
        new(0, 1, 2, 0), new(0, 2, 1, -1), new(4, 1, 2, 0), new(4, 2, 1, -1),
        new(10, 1, 2, 0), new(10, 2, 1, -1), new(14, 1, 2, 0), new(14, 2, 1, -1),
        new(0, 1, 4, 0), new(10, 1, 4, 0), new(0, 1, 2, 1), new(0, 1, 2, 2),
        new(4, 1, 2, 1), new(4, 1, 2, 2), new(10, 1, 2, 1), new(10, 1, 2, 2),
    ];

    /// <summary>The row for searchSpaceZero <paramref name="index"/> (0..15).</summary>
    public static Type0MonitoringRow Row(int index)
    {
        ThrowHelper.ThrowIfOutside(index, 0, 15);
        return s_rows[index];
    }
}
