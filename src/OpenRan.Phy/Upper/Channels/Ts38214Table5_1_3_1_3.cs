using System;

namespace OpenRan.Phy.Upper.Channels;

/// <summary>
/// TS 38.214 Table 5.1.3.1-3: MCS index table 3 for PDSCH (QPSK to 64QAM, low spectral efficiency).
/// </summary>
/// <remarks>
/// Specification: 3GPP TS 38.214 V17 (Release 17). Numbers from the specification. Each row: Q_m, then 2 · R × 1024 (so that
/// rates such as 682.5 stay integers); a rate of 0 marks a reserved row.
/// </remarks>
internal static class Ts38214Table5_1_3_1_3
{
    /// <summary>(Q_m, 2·R×1024) for I_MCS = 0..31.</summary>
    public static ReadOnlySpan<short> Rows =>
    [
        2, 60,
        2, 80,
        2, 100,
        2, 128,
        2, 156,
        2, 198,
        2, 240,
        2, 314,
        2, 386,
        2, 502,
        2, 616,
        2, 758,
        2, 898,
        2, 1052,
        2, 1204,
        4, 680,
        4, 756,
        4, 868,
        4, 980,
        4, 1106,
        4, 1232,
        6, 876,
        6, 932,
        6, 1034,
        6, 1134,
        6, 1232,
        6, 1332,
        6, 1438,
        6, 1544,
        2, 0,
        4, 0,
        6, 0,
    ];
}
