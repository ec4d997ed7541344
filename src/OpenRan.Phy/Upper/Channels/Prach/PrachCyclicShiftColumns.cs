using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// The three N_CS columns (unrestricted, restricted type A, restricted type B) of TS 38.211 Tables 6.3.3.1-5 and -6,
/// indexed by zeroCorrelationZoneConfig 0..15; "-" entries are −1 and rejected by <see cref="Get"/> with the valid range.
/// </summary>
internal sealed class PrachCyclicShiftColumns(string table, short[] unrestricted, short[] typeA, short[] typeB)
{
    public bool IsDefined(int zeroCorrelationZoneConfig, PrachRestrictedSet set) =>
        zeroCorrelationZoneConfig is >= 0 and <= 15 && Column(set)[zeroCorrelationZoneConfig] >= 0;

    public int Get(int zeroCorrelationZoneConfig, PrachRestrictedSet set)
    {
        ThrowHelper.ThrowIfOutside(zeroCorrelationZoneConfig, 0, 15);
        short[] column = Column(set);
        if (column[zeroCorrelationZoneConfig] < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(zeroCorrelationZoneConfig), zeroCorrelationZoneConfig, $"0..{LastDefined(column)} for the {set} set ({table})");
        }

        return column[zeroCorrelationZoneConfig];
    }

    private short[] Column(PrachRestrictedSet set) => set switch
    {
        PrachRestrictedSet.TypeA => typeA,
        PrachRestrictedSet.TypeB => typeB,
        _ => unrestricted,
    };

    private static int LastDefined(short[] column)
    {
        int last = column.Length - 1;
        while (last > 0 && column[last] < 0)
        {
            last--;
        }

        return last;
    }
}
