using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

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
