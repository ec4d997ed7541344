using System;

namespace OpenRan.Phy.Upper.Channels;

/// <summary>
/// TS 38.212 Table 5.4.2.1-1: n_PRB,LBRM for limited-buffer rate matching from the largest number of PRBs across the
/// configured BWPs of a carrier.
/// </summary>
/// <remarks>Specification: 3GPP TS 38.212 V17 (Release 17). Numbers from the specification.</remarks>
internal static class Ts38212Table5_4_2_1_1
{
    /// <summary>Upper bound of each row's PRB range (the last row is "larger than 217").</summary>
    public static ReadOnlySpan<short> MaxPrbs => [32, 66, 107, 135, 162, 217, short.MaxValue];

    /// <summary>n_PRB,LBRM of each row.</summary>
    public static ReadOnlySpan<short> LbrmPrbs => [32, 66, 107, 135, 162, 217, 273];
}
