using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// TS 38.211 Tables 6.3.2.6.3-1 (N_SF = 2) and 6.3.2.6.3-2 (N_SF = 4), Release 17: the block-wise spreading sequences
/// w_n(k), k = 0..11, of PUCCH format 4 for OCC index n.
/// </summary>
/// <remarks>
/// Numbers from the specification tables: for N_SF = 2, w_0 = [+1 ×12], w_1 = [+1 ×6, −1 ×6]; for N_SF = 4, blocks of three
/// equal values: w_0 = [+1 +1 +1 +1], w_1 = [+1 −j −1 +j], w_2 = [+1 −1 +1 −1], w_3 = [+1 +j −1 −j].
/// </remarks>
internal static class Ts38211Table6_3_2_6_3
{
    /// <summary>Block values of Table 6.3.2.6.3-1, [n][block], two blocks of six subcarriers.</summary>
    private static readonly ComplexF32[][] s_sf2 =
    [
        [new(1, 0), new(1, 0)],
        [new(1, 0), new(-1, 0)],
    ];

    /// <summary>Block values of Table 6.3.2.6.3-2, [n][block], four blocks of three subcarriers.</summary>
    private static readonly ComplexF32[][] s_sf4 =
    [
        [new(1, 0), new(1, 0), new(1, 0), new(1, 0)],
        [new(1, 0), new(0, -1), new(-1, 0), new(0, 1)],
        [new(1, 0), new(-1, 0), new(1, 0), new(-1, 0)],
        [new(1, 0), new(0, 1), new(-1, 0), new(0, -1)],
    ];

    /// <summary>w_n(k) for spreading factor <paramref name="spreadingFactor"/> (2 or 4), OCC index n and subcarrier k = 0..11.</summary>
    public static ComplexF32 Weight(int spreadingFactor, int occIndex, int k) =>
        spreadingFactor == 2 ? s_sf2[occIndex][k / 6] : s_sf4[occIndex][k / 3];
}
