using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>
/// One row of TS 38.213 Tables 13-0 … 13-10, 13-1A and 13-4A: the CORESET of the Type0-PDCCH CSS set (CORESET#0).
/// </summary>
/// <param name="MultiplexingPattern">SS/PBCH block and CORESET multiplexing pattern 1, 2 or 3.</param>
/// <param name="RbCount">N_RB^CORESET.</param>
/// <param name="SymbolCount">N_symb^CORESET.</param>
/// <param name="OffsetRbs">Offset (RBs) from the CORESET's lowest RB to the common RB overlapping the SSB's first RB, for k_SSB = 0.</param>
/// <param name="OffsetRbsKSsbPositive">The offset when k_SSB &gt; 0 (differs only in some FR2 pattern 2/3 rows).</param>
public readonly record struct Coreset0Row(int MultiplexingPattern, int RbCount, int SymbolCount, int OffsetRbs, int OffsetRbsKSsbPositive)
{
    /// <summary>
    /// Whether the CCE-to-REG mapping of this CORESET is non-interleaved. False (interleaved, L = 6, R = 2,
    /// n_shift = N_ID^cell, TS 38.211 §7.3.2.2) for every row except Table 13-0 indices 6 … 9, for which TS 38.213 §13
    /// prescribes non-interleaved mapping.
    /// </summary>
    public bool NonInterleavedMapping { get; init; }

    /// <summary>The offset for the given k_SSB.</summary>
    public int Offset(int kSsb) => kSsb > 0 ? OffsetRbsKSsbPositive : OffsetRbs;
}

/// <summary>
/// Which of the FR1 CORESET#0 tables of TS 38.213 §13 applies besides the {SS/PBCH block, PDCCH} subcarrier spacings: the
/// channel access mode and, without shared spectrum channel access, the minimum channel bandwidth of the band
/// (TS 38.101-1).
/// </summary>
public enum Type0CoresetBandClass
{
    /// <summary>
    /// Operation without shared spectrum channel access in an FR1 band with minimum channel bandwidth 5 or 10 MHz (Tables
    /// 13-1 … 13-4), and every FR2-1 or FR2-NTN band (Tables 13-7 … 13-10). A band with minimum channel bandwidth 3 MHz
    /// also uses Table 13-1 when its channel is wider than 3 MHz and the SS/PBCH block is not located according to NOTE 12
    /// of TS 38.101-1 Table 5.4.3.3-1.
    /// </summary>
    Default,

    /// <summary>
    /// An FR1 band with minimum channel bandwidth 40 MHz: Tables 13-5 ({30, 15} kHz) and 13-6 ({30, 30} kHz). The
    /// text that adds Table 13-0 also applies these tables to the bands of NOTE 17 of TS 38.101-1 Table 5.2-1.
    /// </summary>
    MinChannelBandwidth40Mhz,

    /// <summary>
    /// An FR1 band with minimum channel bandwidth 3 MHz operated with a 3 or 5 MHz channel: Table 13-0 ({15, 15} kHz,
    /// added in Release 18). Indices 0 … 9 apply when the SS/PBCH block is located according to TS 38.101-1 Table
    /// 5.4.3.3-2, indices 10 and 11 when it is located according to NOTE 12 of Table 5.4.3.3-1; the caller picks the index
    /// accordingly. The rows give the nominal CORESET; the 24-RB rows are wider than a 3 MHz channel, and the puncturing
    /// of the SS/PBCH block and PDCCH at the channel edges is not modelled here.
    /// </summary>
    MinChannelBandwidth3Mhz,

    /// <summary>
    /// Operation with shared spectrum channel access in FR1: Tables 13-1A ({15, 15} kHz) and 13-4A ({30, 30} kHz); the
    /// CORESET SCS equals the SS/PBCH block SCS. The table offset applies as is when the SS/PBCH block sits on the GSCN
    /// of a synchronization raster entry (TS 38.101-1). For a block off the raster (ssbFrequency in a measurement
    /// configuration with reportCGI) TS 38.213 §13 adds a second offset, from the block to a hypothetical block on the
    /// raster entry of the same channel; that offset is not part of the table and is left to the caller.
    /// </summary>
    SharedSpectrumChannelAccess,
}

/// <summary>
/// TS 38.213 Tables 13-0 … 13-10 (operation without shared spectrum channel access in FR1, FR2-1 and FR2-NTN) and Tables
/// 13-1A and 13-4A (operation with shared spectrum channel access in FR1): the CORESET of the Type0-PDCCH CSS set from
/// controlResourceSetZero, per {SS/PBCH block, PDCCH} subcarrier spacing and <see cref="Type0CoresetBandClass"/>.
/// Reserved indices give null.
/// </summary>
/// <remarks>
/// Source of the numbers: the specification tables; every row was checked against a text of TS 38.213 §13 that
/// already contains Table 13-0 (Release 18 or later).
/// The FR2-2 tables (Table 13-10A for CORESET#0, Tables 13-12A and 13-15A for the monitoring occasions) are not
/// implemented: they serve {480, 480} and {960, 960} kHz (μ = 5, 6), and the numerology here supports μ = 0 … 4 only.
/// {120, 120} kHz therefore gives the FR2-1 / FR2-NTN Table 13-8, not Table 13-10A.
/// </remarks>
public static class Ts38213Table13
{
    // Table 13-0: indices 6..9 use non-interleaved CCE-to-REG mapping (TS 38.213 §13).
    private static readonly Coreset0Row?[] s_table13_0 =
    [
        R(1, 12, 2, 0), R(1, 12, 3, 0), R(1, 24, 2, 0), R(1, 24, 2, 2), R(1, 24, 3, 0), R(1, 24, 3, 2),
        NonInterleaved(1, 24, 2, 0), NonInterleaved(1, 24, 2, 2), NonInterleaved(1, 24, 3, 0), NonInterleaved(1, 24, 3, 2),
        R(1, 24, 2, 0), R(1, 24, 3, 0), null, null, null, null,
    ];

    private static readonly Coreset0Row?[] s_table13_1 =
    [
        R(1, 24, 2, 0), R(1, 24, 2, 2), R(1, 24, 2, 4), R(1, 24, 3, 0), R(1, 24, 3, 2), R(1, 24, 3, 4),
        R(1, 48, 1, 12), R(1, 48, 1, 16), R(1, 48, 2, 12), R(1, 48, 2, 16), R(1, 48, 3, 12), R(1, 48, 3, 16),
        R(1, 96, 1, 38), R(1, 96, 2, 38), R(1, 96, 3, 38), null,
    ];

    private static readonly Coreset0Row?[] s_table13_1A =
    [
        R(1, 96, 1, 10), R(1, 96, 1, 12), R(1, 96, 1, 14), R(1, 96, 1, 16),
        R(1, 96, 2, 10), R(1, 96, 2, 12), R(1, 96, 2, 14), R(1, 96, 2, 16),
        null, null, null, null, null, null, null, null,
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

    private static readonly Coreset0Row?[] s_table13_4A =
    [
        R(1, 48, 1, 0), R(1, 48, 1, 1), R(1, 48, 1, 2), R(1, 48, 1, 3),
        R(1, 48, 2, 0), R(1, 48, 2, 1), R(1, 48, 2, 2), R(1, 48, 2, 3),
        null, null, null, null, null, null, null, null,
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
    /// combination of subcarrier spacings and band class (for example {15, 30} kHz with shared spectrum channel access).
    /// </summary>
    /// <param name="ssbScsKhz">SS/PBCH block SCS: 15, 30, 120 or 240.</param>
    /// <param name="pdcchScsKhz">PDCCH SCS (subCarrierSpacingCommon): 15, 30, 60 or 120.</param>
    /// <param name="bandClass">Channel access and minimum channel bandwidth class that picks among the FR1 tables.</param>
    /// <param name="index">controlResourceSetZero.</param>
    public static Coreset0Row? Coreset0(int ssbScsKhz, int pdcchScsKhz, Type0CoresetBandClass bandClass, int index)
    {
        ThrowHelper.ThrowIfOutside(index, 0, 15);
        if (bandClass is < Type0CoresetBandClass.Default or > Type0CoresetBandClass.SharedSpectrumChannelAccess)
        {
            ThrowHelper.ThrowOutOfRange(nameof(bandClass), bandClass, "Default, MinChannelBandwidth40Mhz, MinChannelBandwidth3Mhz or SharedSpectrumChannelAccess");
        }

        (int Ssb, int Pdcch) scs = (ssbScsKhz, pdcchScsKhz);
        Coreset0Row?[]? table = bandClass switch
        {
            Type0CoresetBandClass.Default => scs switch
            {
                (15, 15) => s_table13_1,
                (15, 30) => s_table13_2,
                (30, 15) => s_table13_3,
                (30, 30) => s_table13_4,
                (120, 60) => s_table13_7,
                (120, 120) => s_table13_8,
                (240, 60) => s_table13_9,
                (240, 120) => s_table13_10,
                _ => null,
            },
            Type0CoresetBandClass.MinChannelBandwidth40Mhz => scs switch
            {
                (30, 15) => s_table13_5,
                (30, 30) => s_table13_6,
                _ => null,
            },
            Type0CoresetBandClass.MinChannelBandwidth3Mhz => scs == (15, 15) ? s_table13_0 : null,
            // SharedSpectrumChannelAccess: every other value was rejected above.
            _ => scs switch
            {
                (15, 15) => s_table13_1A,
                (30, 30) => s_table13_4A,
                _ => null,
            },
        };
        return table?[index];
    }

    /// <summary>
    /// The row for controlResourceSetZero <paramref name="index"/> (0..15) without shared spectrum channel access, or null
    /// when reserved or when no table covers the combination. Kept for existing callers: the flag switches Tables 13-3/13-4
    /// to 13-5/13-6 and, as before, does not affect other subcarrier spacing pairs.
    /// </summary>
    /// <param name="ssbScsKhz">SS/PBCH block SCS: 15, 30, 120 or 240.</param>
    /// <param name="pdcchScsKhz">PDCCH SCS (subCarrierSpacingCommon): 15, 30, 60 or 120.</param>
    /// <param name="minChannelBandwidth40Mhz">FR1 bands with minimum channel bandwidth 40 MHz (Tables 13-5/13-6 instead of 13-3/13-4).</param>
    /// <param name="index">controlResourceSetZero.</param>
    public static Coreset0Row? Coreset0(int ssbScsKhz, int pdcchScsKhz, bool minChannelBandwidth40Mhz, int index) =>
        Coreset0(
            ssbScsKhz,
            pdcchScsKhz,
            minChannelBandwidth40Mhz && ssbScsKhz == 30 ? Type0CoresetBandClass.MinChannelBandwidth40Mhz : Type0CoresetBandClass.Default,
            index);

    private static Coreset0Row R(int pattern, int rbs, int symbols, int offset) => new(pattern, rbs, symbols, offset, offset);

    private static Coreset0Row NonInterleaved(int pattern, int rbs, int symbols, int offset) =>
        R(pattern, rbs, symbols, offset) with { NonInterleavedMapping = true };
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
