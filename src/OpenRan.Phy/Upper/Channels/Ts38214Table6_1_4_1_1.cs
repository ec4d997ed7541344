using System;

namespace OpenRan.Phy.Upper.Channels;

/// <summary>
/// TS 38.214 Table 6.1.4.1-1: MCS index table for PUSCH with transform precoding and 64QAM.
/// </summary>
/// <remarks>
/// Specification: 3GPP TS 38.214 V17 (Release 17). Numbers from the specification. Each row: Q_m, then 2 · R × 1024 (so that
/// rates such as 682.5 stay integers); a rate of 0 marks a reserved row.
/// Q_m = 0 marks the rows whose modulation order is q (q = 1 with <c>tp-pi2BPSK</c>, else 2) and whose rate is the listed
/// value divided by q.
/// </remarks>
internal static class Ts38214Table6_1_4_1_1
{
    /// <summary>(Q_m, 2·R×1024) for I_MCS = 0..31.</summary>
    public static ReadOnlySpan<short> Rows =>
    [
        0, 480,
        0, 628,
        2, 386,
        2, 502,
        2, 616,
        2, 758,
        2, 898,
        2, 1052,
        2, 1204,
        2, 1358,
        4, 680,
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
        6, 1820,
        6, 1896,
        0, 0,
        2, 0,
        4, 0,
        6, 0,
    ];
}
