using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>
/// TS 38.213 Tables 13-13, 13-14 and 13-15 (Release 17): Type0-PDCCH CSS monitoring occasions for multiplexing patterns 2 and 3
/// (searchSpaceZero 0 only; other indices are reserved): the slot relative to the SS/PBCH block's slot n_SSB,i and the first
/// symbol, by the block index i. Source of the numbers: the specification tables.
/// </summary>
public static class Ts38213Table13_13To13_15
{
    /// <summary>
    /// (slot offset from n_SSB,i, first symbol) for block <paramref name="ssbIndex"/>, or null for a reserved index or an
    /// unsupported SCS pair. Table 13-13: {120, 60} kHz pattern 2; Table 13-14: {240, 120} kHz pattern 2; Table 13-15:
    /// {120, 120} kHz pattern 3.
    /// </summary>
    public static (int SlotOffset, int FirstSymbol)? Occasion(int ssbScsKhz, int pdcchScsKhz, int searchSpaceZero, int ssbIndex)
    {
        ThrowHelper.ThrowIfOutside(searchSpaceZero, 0, 15);
        ThrowHelper.ThrowIfOutside(ssbIndex, 0, 63);
        if (searchSpaceZero != 0)
        {
            return null;
        }

        return (ssbScsKhz, pdcchScsKhz) switch
        {
            (120, 60) => (0, (ssbIndex % 4) switch { 0 => 0, 1 => 1, 2 => 6, _ => 7 }),
            (240, 120) => (ssbIndex % 8) switch
            {
                4 => (-1, 12),
                5 => (-1, 13),
                int r and (6 or 7) => (0, r - 6),
                int r => (0, r),
            },
            (120, 120) => (0, (ssbIndex % 4) switch { 0 => 4, 1 => 8, 2 => 2, _ => 6 }),
            _ => null,
        };
    }
}
