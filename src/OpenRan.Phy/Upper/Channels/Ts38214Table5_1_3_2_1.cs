using System;

namespace OpenRan.Phy.Upper.Channels;

/// <summary>TS 38.214 Table 5.1.3.2-1: TBS for N_info ≤ 3824 (93 sizes, 24 … 3824).</summary>
/// <remarks>Specification: 3GPP TS 38.214 V17 (Release 17). Numbers from the specification.</remarks>
internal static class Ts38214Table5_1_3_2_1
{
    /// <summary>The transport block sizes in increasing order (table index 1..93).</summary>
    public static ReadOnlySpan<short> Sizes =>
    [
        24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120, 128, 136, 144, 152, 160, 168, 176, 184, 192, 208, 224, 240, 256,
        272, 288, 304, 320, 336, 352, 368, 384, 408, 432, 456, 480, 504, 528, 552, 576, 608, 640, 672, 704, 736, 768, 808, 848,
        888, 928, 984, 1032, 1064, 1128, 1160, 1192, 1224, 1256, 1288, 1320, 1352, 1416, 1480, 1544, 1608, 1672, 1736, 1800,
        1864, 1928, 2024, 2088, 2152, 2216, 2280, 2408, 2472, 2536, 2600, 2664, 2728, 2792, 2856, 2976, 3104, 3240, 3368, 3496,
        3624, 3752, 3824,
    ];
}
