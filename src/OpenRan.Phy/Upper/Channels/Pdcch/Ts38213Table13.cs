using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>One row of TS 38.213 Tables 13-1 … 13-10: the CORESET of the Type0-PDCCH CSS set.</summary>
/// <param name="MultiplexingPattern">SS/PBCH block and CORESET multiplexing pattern 1, 2 or 3.</param>
/// <param name="RbCount">N_RB^CORESET.</param>
/// <param name="SymbolCount">N_symb^CORESET.</param>
/// <param name="OffsetRbs">Offset (RBs) from the CORESET's lowest RB to the common RB overlapping the SSB's first RB, for k_SSB = 0.</param>
/// <param name="OffsetRbsKSsbPositive">The offset when k_SSB &gt; 0 (differs only in some FR2 pattern 2/3 rows).</param>
public readonly record struct Coreset0Row(int MultiplexingPattern, int RbCount, int SymbolCount, int OffsetRbs, int OffsetRbsKSsbPositive)
{
    /// <summary>The offset for the given k_SSB.</summary>
    public int Offset(int kSsb) => kSsb > 0 ? OffsetRbsKSsbPositive : OffsetRbs;
}

/// <summary>
/// TS 38.213 Tables 13-1 … 13-10 (Release 17, operation without shared spectrum channel access): the CORESET of the
/// Type0-PDCCH CSS set from controlResourceSetZero, per {SS/PBCH block, PDCCH} subcarrier spacing and minimum channel
/// bandwidth. Source of the numbers: the specification tables. Reserved indices give null.
/// </summary>
public static class Ts38213Table13
{
    private static readonly Coreset0Row?[] s_table13_1 =
    [
        R(1, 24, 2, 0), R(1, 24, 2, 2), R(1, 24, 2, 4), R(1, 24, 3, 0), R(1, 24, 3, 2), R(1, 24, 3, 4),
        R(1, 48, 1, 12), R(1, 48, 1, 16), R(1, 48, 2, 12), R(1, 48, 2, 16), R(1, 48, 3, 12), R(1, 48, 3, 16),
        R(1, 96, 1, 38), R(1, 96, 2, 38), R(1, 96, 3, 38), null,
    ];

    private static readonly Coreset0Row?[] s_table13_2 =
    [
        R(1, 24, 2, 5), R(1, 24, 2, 6), R(1, 24, 2, 7), R(1, 24, 2, 8), R(1, 24, 3, 5), R(1, 24, 3, 6), R(1, 24, 3, 7), R(1, 24, 3, 8),
        R(1, 48, 1, 18), R(1, 48, 1, 20), R(1, 48, 2, 18), R(1, 48, 2, 20), R(1, 48, 3, 18), R(1, 48, 3, 20), null, null,
    ];

    private static readonly Coreset0Row?[] s_table13_3 =
    [
        R(1, 48, 1, 2), R(1, 48, 1, 6), R(1, 48, 2, 2), R(1, 48, 2, 6), R(1, 48, 3, 2), R(1, 48, 3, 6),
        R(1, 96, 1, 28), R(1, 96, 2, 28), R(1, 96, 3, 28), null, null, null, null, null, null, null,
    ];

    private static readonly Coreset0Row?[] s_table13_4 =
    [
        R(1, 24, 2, 0), R(1, 24, 2, 1), R(1, 24, 2, 2), R(1, 24, 2, 3), R(1, 24, 2, 4),
        R(1, 24, 3, 0), R(1, 24, 3, 1), R(1, 24, 3, 2), R(1, 24, 3, 3), R(1, 24, 3, 4),
        R(1, 48, 1, 12), R(1, 48, 1, 14), R(1, 48, 1, 16), R(1, 48, 2, 12), R(1, 48, 2, 14), R(1, 48, 2, 16),
    ];

    private static readonly Coreset0Row?[] s_table13_5 =
    [
        R(1, 48, 1, 4), R(1, 48, 2, 4), R(1, 48, 3, 4), R(1, 96, 1, 0), R(1, 96, 1, 56), R(1, 96, 2, 0), R(1, 96, 2, 56),
        R(1, 96, 3, 0), R(1, 96, 3, 56), null, null, null, null, null, null, null,
    ];

    private static readonly Coreset0Row?[] s_table13_6 =
    [
        R(1, 24, 2, 0), R(1, 24, 2, 4), R(1, 24, 3, 0), R(1, 24, 3, 4), R(1, 48, 1, 0), R(1, 48, 1, 28), R(1, 48, 2, 0),
        R(1, 48, 2, 28), R(1, 48, 3, 0), R(1, 48, 3, 28), null, null, null, null, null, null,
    ];

    private static readonly Coreset0Row?[] s_table13_7 =
    [
        R(1, 48, 1, 0), R(1, 48, 1, 8), R(1, 48, 2, 0), R(1, 48, 2, 8), R(1, 48, 3, 0), R(1, 48, 3, 8),
        R(1, 96, 1, 28), R(1, 96, 2, 28), new Coreset0Row(2, 48, 1, -41, -42), R(2, 48, 1, 49),
        new Coreset0Row(2, 96, 1, -41, -42), R(2, 96, 1, 97), null, null, null, null,
    ];

    private static readonly Coreset0Row?[] s_table13_8 =
    [
        R(1, 24, 2, 0), R(1, 24, 2, 4), R(1, 48, 1, 14), R(1, 48, 2, 14), new Coreset0Row(3, 24, 2, -20, -21), R(3, 24, 2, 24),
        new Coreset0Row(3, 48, 2, -20, -21), R(3, 48, 2, 48), null, null, null, null, null, null, null, null,
    ];

    private static readonly Coreset0Row?[] s_table13_9 =
    [
        R(1, 96, 1, 0), R(1, 96, 1, 16), R(1, 96, 2, 0), R(1, 96, 2, 16), null, null, null, null,
        null, null, null, null, null, null, null, null,
    ];

    private static readonly Coreset0Row?[] s_table13_10 =
    [
        R(1, 48, 1, 0), R(1, 48, 1, 8), R(1, 48, 2, 0), R(1, 48, 2, 8), new Coreset0Row(2, 24, 1, -41, -42), R(2, 24, 1, 25),
        new Coreset0Row(2, 48, 1, -41, -42), R(2, 48, 1, 49), null, null, null, null, null, null, null, null,
    ];

    /// <summary>
    /// The row for controlResourceSetZero <paramref name="index"/> (0..15), or null when reserved or when no table covers the
    /// combination.
    /// </summary>
    /// <param name="ssbScsKhz">SS/PBCH block SCS: 15, 30, 120 or 240.</param>
    /// <param name="pdcchScsKhz">PDCCH SCS (subCarrierSpacingCommon): 15, 30, 60 or 120.</param>
    /// <param name="minChannelBandwidth40Mhz">FR1 bands with minimum channel bandwidth 40 MHz (Tables 13-5/13-6 instead of 13-3/13-4).</param>
    /// <param name="index">controlResourceSetZero.</param>
    public static Coreset0Row? Coreset0(int ssbScsKhz, int pdcchScsKhz, bool minChannelBandwidth40Mhz, int index)
    {
        ThrowHelper.ThrowIfOutside(index, 0, 15);
        Coreset0Row?[]? table = (ssbScsKhz, pdcchScsKhz) switch
        {
            (15, 15) => s_table13_1,
            (15, 30) => s_table13_2,
            (30, 15) => minChannelBandwidth40Mhz ? s_table13_5 : s_table13_3,
            (30, 30) => minChannelBandwidth40Mhz ? s_table13_6 : s_table13_4,
            (120, 60) => s_table13_7,
            (120, 120) => s_table13_8,
            (240, 60) => s_table13_9,
            (240, 120) => s_table13_10,
            _ => null,
        };
        return table?[index];
    }

    private static Coreset0Row R(int pattern, int rbs, int symbols, int offset) => new(pattern, rbs, symbols, offset, offset);
}

/// <summary>One row of TS 38.213 Tables 13-11 and 13-12 (multiplexing pattern 1).</summary>
/// <param name="OTimes2">2·O, O in ms (0, 2, 2.5, 5, 7, 7.5).</param>
/// <param name="SearchSpaceSetsPerSlot">Number of search space sets per slot (1 or 2).</param>
/// <param name="MTimes2">2·M (M = 1/2, 1 or 2).</param>
/// <param name="FirstSymbol">First symbol index; −1 means 0 for even i and N_symb^CORESET for odd i; −7 means 0 for even i and 7 for odd i.</param>
public readonly record struct Type0MonitoringRow(int OTimes2, int SearchSpaceSetsPerSlot, int MTimes2, int FirstSymbol);

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
