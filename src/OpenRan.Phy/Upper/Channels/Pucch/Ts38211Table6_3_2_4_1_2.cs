namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// TS 38.211 Table 6.3.2.4.1-2 (Release 17): the orthogonal sequences w_i(m) = e^{j2πφ(m)/N_SF} of PUCCH format 1 (data and
/// DM-RS), as the phase indices φ(m) for spreading factors N_SF = 1..7 and time-domain OCC indices i = 0..N_SF − 1.
/// </summary>
/// <remarks>Numbers from the specification table (DFT sequences for odd N_SF, Walsh-like patterns for 4 and 6).</remarks>
internal static class Ts38211Table6_3_2_4_1_2
{
    /// <summary>φ rows indexed [N_SF − 1][i][m].</summary>
    private static readonly byte[][][] s_phi =
    [
        [[0]],
        [[0, 0], [0, 1]],
        [[0, 0, 0], [0, 1, 2], [0, 2, 1]],
        [[0, 0, 0, 0], [0, 2, 0, 2], [0, 0, 2, 2], [0, 2, 2, 0]],
        [[0, 0, 0, 0, 0], [0, 1, 2, 3, 4], [0, 2, 4, 1, 3], [0, 3, 1, 4, 2], [0, 4, 3, 2, 1]],
        [[0, 0, 0, 0, 0, 0], [0, 1, 2, 3, 4, 5], [0, 2, 4, 0, 2, 4], [0, 3, 0, 3, 0, 3], [0, 4, 2, 0, 4, 2], [0, 5, 4, 3, 2, 1]],
        [[0, 0, 0, 0, 0, 0, 0], [0, 1, 2, 3, 4, 5, 6], [0, 2, 4, 6, 1, 3, 5], [0, 3, 6, 2, 5, 1, 4], [0, 4, 1, 5, 2, 6, 3], [0, 5, 3, 1, 6, 4, 2], [0, 6, 5, 4, 3, 2, 1]],
    ];

    /// <summary>φ(m) for spreading factor <paramref name="spreadingFactor"/> (1..7), OCC index i &lt; N_SF and m &lt; N_SF.</summary>
    public static int Phase(int spreadingFactor, int occIndex, int m) => s_phi[spreadingFactor - 1][occIndex][m];
}
