using System;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Channels.Dci;

namespace OpenRan.Phy.Upper.Mimo;

/// <summary>
/// An immutable precoding matrix W (antenna ports × layers) applied as z(i) = W·y(i) (TS 38.211 §6.3.1.5).
/// </summary>
public sealed class PrecodingMatrix
{
    private static readonly PrecodingMatrix[] s_identities = [.. System.Linq.Enumerable.Range(1, LayerMapper.MaxLayers).Select(CreateIdentity)];

    // Every codebook matrix, built once: [transform precoding][layers − 1][ports == 4][tpmi].
    private static readonly PrecodingMatrix[][][][] s_codebooks = BuildCodebooks();

    private readonly ComplexF32[] _coefficients;

    private PrecodingMatrix(int ports, int layers, ComplexF32[] coefficients)
    {
        PortCount = ports;
        LayerCount = layers;
        _coefficients = coefficients;
    }

    /// <summary>Number of antenna ports ρ (rows).</summary>
    public int PortCount { get; }

    /// <summary>Number of layers υ (columns).</summary>
    public int LayerCount { get; }

    /// <summary>W[port, layer].</summary>
    public ComplexF32 this[int port, int layer] => _coefficients[(port * LayerCount) + layer];

    /// <summary>Whether W is the identity (one layer per port, unit gain).</summary>
    public bool IsIdentity
    {
        get
        {
            if (PortCount != LayerCount)
            {
                return false;
            }

            for (int p = 0; p < PortCount; p++)
            {
                for (int v = 0; v < LayerCount; v++)
                {
                    if (this[p, v] != (p == v ? ComplexF32.One : ComplexF32.Zero))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }

    /// <summary>The identity for <paramref name="layers"/> layers (non-codebook transmission, PDSCH); a shared instance.</summary>
    public static PrecodingMatrix Identity(int layers)
    {
        ThrowHelper.ThrowIfOutside(layers, 1, LayerMapper.MaxLayers);
        return s_identities[layers - 1];
    }

    private static PrecodingMatrix CreateIdentity(int layers)
    {
        var w = new ComplexF32[layers * layers];
        for (int v = 0; v < layers; v++)
        {
            w[(v * layers) + v] = ComplexF32.One;
        }

        return new PrecodingMatrix(layers, layers, w);
    }

    /// <summary>
    /// The PUSCH precoding matrix (TS 38.211 §6.3.1.5): identity for non-codebook transmission or a single antenna
    /// port, otherwise Tables 6.3.1.5-1 to -7 for (layers, ports, transform precoding) at <paramref name="tpmi"/>.
    /// </summary>
    /// <param name="scheme">Codebook or non-codebook.</param>
    /// <param name="layers">υ, 1..4.</param>
    /// <param name="ports">Antenna ports ρ: 1, 2 or 4 (codebook); equal to <paramref name="layers"/> (non-codebook).</param>
    /// <param name="tpmi">TPMI, 0..(table size − 1); ignored for non-codebook and single-port transmission.</param>
    /// <param name="transformPrecoding">Whether transform precoding is enabled (selects Table 6.3.1.5-2 over -3).</param>
    public static PrecodingMatrix ForPusch(PuschTransmissionScheme scheme, int layers, int ports, int tpmi, bool transformPrecoding)
    {
        ThrowHelper.ThrowIfOutside(layers, 1, LayerMapper.MaxLayers);
        if (scheme != PuschTransmissionScheme.Codebook || ports == 1)
        {
            if (ports != layers)
            {
                ThrowHelper.ThrowOutOfRange(nameof(ports), ports, $"{layers} (non-codebook and single-port transmission map each layer to its own port)");
            }

            return Identity(layers);
        }

        if (ports != 2 && ports != 4)
        {
            ThrowHelper.ThrowOutOfRange(nameof(ports), ports, "1, 2 or 4 for codebook transmission (TS 38.211 §6.3.1.5)");
        }

        int count = Ts38211Table6_3_1_5.TpmiCount(layers, ports, transformPrecoding);
        if (count == 0)
        {
            ThrowHelper.ThrowArgument(nameof(layers), $"no codebook for {layers} layer(s) on {ports} antenna ports{(transformPrecoding ? " with transform precoding (single layer only)" : string.Empty)}; layers ≤ ports.");
        }

        ThrowHelper.ThrowIfOutside(tpmi, 0, count - 1);
        return s_codebooks[transformPrecoding ? 1 : 0][layers - 1][ports == 4 ? 1 : 0][tpmi];
    }

    private static PrecodingMatrix[][][][] BuildCodebooks()
    {
        var all = new PrecodingMatrix[2][][][];
        for (int tp = 0; tp < 2; tp++)
        {
            all[tp] = new PrecodingMatrix[LayerMapper.MaxLayers][][];
            for (int layers = 1; layers <= LayerMapper.MaxLayers; layers++)
            {
                all[tp][layers - 1] = new PrecodingMatrix[2][];
                for (int p = 0; p < 2; p++)
                {
                    int ports = p == 0 ? 2 : 4;
                    int count = Ts38211Table6_3_1_5.TpmiCount(layers, ports, tp == 1);
                    var matrices = new PrecodingMatrix[count];
                    for (int tpmi = 0; tpmi < count; tpmi++)
                    {
                        var w = new ComplexF32[ports * layers];
                        Ts38211Table6_3_1_5.Matrix(layers, ports, tp == 1, tpmi, w);
                        matrices[tpmi] = new PrecodingMatrix(ports, layers, w);
                    }

                    all[tp][layers - 1][p] = matrices;
                }
            }
        }

        return all;
    }

    /// <summary>Number of TPMI values of the codebook for (layers, ports, transform precoding); 0 when none exists.</summary>
    public static int CodebookSize(int layers, int ports, bool transformPrecoding) => Ts38211Table6_3_1_5.TpmiCount(layers, ports, transformPrecoding);

    /// <summary>
    /// Precodes blocks of resource elements: ports[p][i] = Σ_v W[p, v]·layers[v][i], for every i of the blocks.
    /// </summary>
    /// <param name="layers">Layer-major input: layer v is layers[v·n .. (v+1)·n).</param>
    /// <param name="ports">Port-major output: port p is ports[p·n .. (p+1)·n); must not overlap the input.</param>
    public void Apply(ReadOnlySpan<ComplexF32> layers, Span<ComplexF32> ports)
    {
        if (layers.Length % LayerCount != 0)
        {
            ThrowHelper.ThrowArgument(nameof(layers), $"length {layers.Length} is not a multiple of the {LayerCount} layers.");
        }

        int n = layers.Length / LayerCount;
        ThrowHelper.ThrowIfLengthDiffers(ports.Length, n * PortCount, nameof(ports));
        for (int p = 0; p < PortCount; p++)
        {
            Span<ComplexF32> output = ports.Slice(p * n, n);
            output.Clear();
            for (int v = 0; v < LayerCount; v++)
            {
                ComplexF32 w = this[p, v];
                if (w == ComplexF32.Zero)
                {
                    continue;
                }

                ReadOnlySpan<ComplexF32> input = layers.Slice(v * n, n);
                for (int i = 0; i < n; i++)
                {
                    output[i] += w * input[i];
                }
            }
        }
    }
}
