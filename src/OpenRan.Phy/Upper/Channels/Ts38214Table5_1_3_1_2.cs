using System;

namespace OpenRan.Phy.Upper.Channels;

/// <summary>
/// TS 38.214 Table 5.1.3.1-2: MCS index table 2 for PDSCH (QPSK to 256QAM).
/// </summary>
/// <remarks>
/// Specification: 3GPP TS 38.214 V17 (Release 17). Numbers from the specification. Each row: Q_m, then 2 · R × 1024 (so that
/// rates such as 682.5 stay integers); a rate of 0 marks a reserved row.
/// </remarks>
internal static class Ts38214Table5_1_3_1_2
{
    /// <summary>(Q_m, 2·R×1024) for I_MCS = 0..31.</summary>
    public static ReadOnlySpan<short> Rows =>
    [
        2, 240,
        2, 386,
        2, 616,
        2, 898,
        2, 1204,
        4, 756,
        4, 868,
        4, 980,
        4, 1106,
        4, 1232,
        4, 1316,
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
        2, 0,
        4, 0,
        6, 0,
        8, 0,
    ];
}
