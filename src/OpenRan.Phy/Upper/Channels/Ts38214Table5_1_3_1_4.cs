using System;

namespace OpenRan.Phy.Upper.Channels;

/// <summary>
/// TS 38.214 Table 5.1.3.1-4: MCS index table 4 for PDSCH (QPSK to 1024QAM).
/// </summary>
/// <remarks>
/// Specification: 3GPP TS 38.214 V17 (Release 17). Numbers from the specification. Each row: Q_m, then 2 · R × 1024; rows
/// 27..31 are reserved (rate 0, Q_m 2, 4, 6, 8, 10).
/// </remarks>
internal static class Ts38214Table5_1_3_1_4
{
    /// <summary>(Q_m, 2·R×1024) for I_MCS = 0..31.</summary>
    public static ReadOnlySpan<short> Rows =>
    [
        2, 240,
        2, 386,
        2, 898,
        4, 756,
        4, 980,
        4, 1232,
        6, 932,
        6, 1034,
        6, 1134,
        6, 1232,
        6, 1332,
        6, 1438,
        6, 1544,
        6, 1644,
        6, 1746,
        8, 1365,
        8, 1422,
        8, 1508,
        8, 1594,
        8, 1682,
        8, 1770,
        8, 1833,
        8, 1896,
        10, 1611,
        10, 1706,
        10, 1801,
        10, 1896,
        2, 0,
        4, 0,
        6, 0,
        8, 0,
        10, 0,
    ];
}
