using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Mimo;

/// <summary>
/// TS 38.211 Tables 6.3.1.5-1 to 6.3.1.5-7 (Release 17): the PUSCH codebook precoding matrices W (antenna ports ×
/// layers) for 2 and 4 antenna ports and 1 to 4 layers, indexed by TPMI.
/// </summary>
/// <remarks>
/// Each entry is written as its columns, one per layer, separated by '|'; each column lists the port coefficients
/// from {0, 1, −1, j, −j}; the table's normalisation (1/√2, 1/2, 1/(2√2), 1/(2√3), 1/4) applies per TPMI range as in
/// the specification. Numbers transcribed from the specification; cross-checked against Sionna's PUSCH precoder and
/// the precoded DM-RS grids of <c>sionna/nr/pusch_dmrs</c>.
/// </remarks>
internal static class Ts38211Table6_3_1_5
{
    private static readonly double s_invSqrt2 = 1 / Math.Sqrt(2);
    private static readonly double s_inv2Sqrt2 = 1 / (2 * Math.Sqrt(2));
    private static readonly double s_inv2Sqrt3 = 1 / (2 * Math.Sqrt(3));

    // Table 6.3.1.5-1: single layer, two antenna ports.
    private static readonly string[] s_oneLayerTwoPorts = ["1 0", "0 1", "1 1", "1 -1", "1 j", "1 -j"];

    // Table 6.3.1.5-2: single layer, four antenna ports, transform precoding enabled.
    private static readonly string[] s_oneLayerFourPortsTransformPrecoding =
    [
        "1 0 0 0", "0 1 0 0", "0 0 1 0", "0 0 0 1", "1 0 1 0", "1 0 -1 0", "1 0 j 0", "1 0 -j 0",
        "0 1 0 1", "0 1 0 -1", "0 1 0 j", "0 1 0 -j", "1 1 1 -1", "1 1 j j", "1 1 -1 1", "1 1 -j -j",
        "1 j 1 j", "1 j j 1", "1 j -1 -j", "1 j -j -1", "1 -1 1 1", "1 -1 j -j", "1 -1 -1 -1", "1 -1 -j j",
        "1 -j 1 -j", "1 -j j -1", "1 -j -1 j", "1 -j -j 1",
    ];

    // Table 6.3.1.5-3: single layer, four antenna ports, transform precoding disabled.
    private static readonly string[] s_oneLayerFourPorts =
    [
        "1 0 0 0", "0 1 0 0", "0 0 1 0", "0 0 0 1", "1 0 1 0", "1 0 -1 0", "1 0 j 0", "1 0 -j 0",
        "0 1 0 1", "0 1 0 -1", "0 1 0 j", "0 1 0 -j", "1 1 1 1", "1 1 j j", "1 1 -1 -1", "1 1 -j -j",
        "1 j 1 j", "1 j j -1", "1 j -1 -j", "1 j -j 1", "1 -1 1 -1", "1 -1 j -j", "1 -1 -1 1", "1 -1 -j j",
        "1 -j 1 -j", "1 -j j 1", "1 -j -1 j", "1 -j -j -1",
    ];

    // Table 6.3.1.5-4: two layers, two antenna ports.
    private static readonly string[] s_twoLayersTwoPorts = ["1 0 | 0 1", "1 1 | 1 -1", "1 j | 1 -j"];

    // Table 6.3.1.5-5: two layers, four antenna ports.
    private static readonly string[] s_twoLayersFourPorts =
    [
        "1 0 0 0 | 0 1 0 0", "1 0 0 0 | 0 0 1 0", "1 0 0 0 | 0 0 0 1", "0 1 0 0 | 0 0 1 0",
        "0 1 0 0 | 0 0 0 1", "0 0 1 0 | 0 0 0 1", "1 0 1 0 | 0 1 0 -j", "1 0 1 0 | 0 1 0 j",
        "1 0 -j 0 | 0 1 0 1", "1 0 -j 0 | 0 1 0 -1", "1 0 -1 0 | 0 1 0 -j", "1 0 -1 0 | 0 1 0 j",
        "1 0 j 0 | 0 1 0 1", "1 0 j 0 | 0 1 0 -1", "1 1 1 1 | 1 1 -1 -1", "1 1 j j | 1 1 -j -j",
        "1 j 1 j | 1 j -1 -j", "1 j j -1 | 1 j -j 1", "1 -1 1 -1 | 1 -1 -1 1", "1 -1 j -j | 1 -1 -j j",
        "1 -j 1 -j | 1 -j -1 j", "1 -j j 1 | 1 -j -j -1",
    ];

    // Table 6.3.1.5-6: three layers, four antenna ports.
    private static readonly string[] s_threeLayersFourPorts =
    [
        "1 0 0 0 | 0 1 0 0 | 0 0 1 0", "1 0 1 0 | 0 1 0 0 | 0 0 0 1", "1 0 -1 0 | 0 1 0 0 | 0 0 0 1",
        "1 1 1 1 | 1 -1 1 -1 | 1 1 -1 -1", "1 1 j j | 1 -1 j -j | 1 1 -j -j", "1 -1 1 -1 | 1 1 1 1 | 1 -1 -1 1",
        "1 -1 j -j | 1 1 j j | 1 -1 -j j",
    ];

    // Table 6.3.1.5-7: four layers, four antenna ports.
    private static readonly string[] s_fourLayersFourPorts =
    [
        "1 0 0 0 | 0 1 0 0 | 0 0 1 0 | 0 0 0 1", "1 0 1 0 | 1 0 -1 0 | 0 1 0 1 | 0 1 0 -1",
        "1 0 j 0 | 1 0 -j 0 | 0 1 0 j | 0 1 0 -j", "1 1 1 1 | 1 -1 1 -1 | 1 1 -1 -1 | 1 -1 -1 1",
        "1 1 j j | 1 -1 j -j | 1 1 -j -j | 1 -1 -j j",
    ];

    /// <summary>Number of TPMI values for (layers, antenna ports), 0 when the combination has no table.</summary>
    public static int TpmiCount(int layers, int ports, bool transformPrecoding) => Entries(layers, ports, transformPrecoding)?.Length ?? 0;

    /// <summary>Writes W (ports × layers, row-major: W[p·layers + v]) for the given TPMI.</summary>
    public static void Matrix(int layers, int ports, bool transformPrecoding, int tpmi, Span<ComplexF32> destination)
    {
        string[] entries = Entries(layers, ports, transformPrecoding)
            ?? throw new ArgumentOutOfRangeException(nameof(layers), layers, $"no codebook for {layers} layer(s) on {ports} antenna port(s){(transformPrecoding ? " with transform precoding" : string.Empty)}.");
        ThrowHelper.ThrowIfOutside(tpmi, 0, entries.Length - 1);
        double scale = Normalisation(layers, ports, tpmi);
        string[] columns = entries[tpmi].Split('|', StringSplitOptions.TrimEntries);
        for (int v = 0; v < layers; v++)
        {
            string[] coefficients = columns[v].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int p = 0; p < ports; p++)
            {
                destination[(p * layers) + v] = coefficients[p] switch
                {
                    "0" => ComplexF32.Zero,
                    "1" => new ComplexF32((float)scale, 0f),
                    "-1" => new ComplexF32((float)-scale, 0f),
                    "j" => new ComplexF32(0f, (float)scale),
                    "-j" => new ComplexF32(0f, (float)-scale),
                    _ => throw new InvalidOperationException($"bad table entry '{coefficients[p]}'."),
                };
            }
        }
    }

    private static string[]? Entries(int layers, int ports, bool transformPrecoding) => (layers, ports) switch
    {
        (1, 2) => s_oneLayerTwoPorts,
        (1, 4) => transformPrecoding ? s_oneLayerFourPortsTransformPrecoding : s_oneLayerFourPorts,
        (2, 2) when !transformPrecoding => s_twoLayersTwoPorts,
        (2, 4) when !transformPrecoding => s_twoLayersFourPorts,
        (3, 4) when !transformPrecoding => s_threeLayersFourPorts,
        (4, 4) when !transformPrecoding => s_fourLayersFourPorts,
        _ => null,
    };

    private static double Normalisation(int layers, int ports, int tpmi) => (layers, ports) switch
    {
        (1, 2) => s_invSqrt2,
        (1, 4) => 0.5,
        (2, 2) => tpmi == 0 ? s_invSqrt2 : 0.5,
        (2, 4) => tpmi <= 13 ? 0.5 : s_inv2Sqrt2,
        (3, 4) => tpmi <= 2 ? 0.5 : s_inv2Sqrt3,
        _ => tpmi == 0 ? 0.5 : tpmi <= 2 ? s_inv2Sqrt2 : 0.25,
    };
}
