using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Mimo;

/// <summary>
/// Layer mapping of one codeword onto 1 to 4 layers (TS 38.211 §7.3.1.3 Table 7.3.1.3-1, §6.3.1.3 Table 6.3.1.3-1):
/// x^(v)(i) = d(υ·i + v), i = 0..M_symb^layer − 1, with M_symb^layer = M_symb / υ.
/// </summary>
/// <remarks>Layers are laid out layer-major: layer v occupies [v·M_symb^layer, (v + 1)·M_symb^layer). Stateless.</remarks>
public static class LayerMapper
{
    /// <summary>Largest number of layers of one codeword (TS 38.211 Table 7.3.1.3-1).</summary>
    public const int MaxLayers = 4;

    /// <summary>Maps codeword symbols to layers: layers[v·M + i] = symbols[υ·i + v].</summary>
    /// <param name="symbols">The modulated codeword d, length a multiple of <paramref name="layerCount"/>.</param>
    /// <param name="layerCount">υ, 1..4.</param>
    /// <param name="layers">Receives symbols.Length values, layer-major; must not overlap <paramref name="symbols"/>.</param>
    public static void Map<T>(ReadOnlySpan<T> symbols, int layerCount, Span<T> layers)
    {
        int perLayer = Validate(symbols.Length, layerCount, layers.Length);
        for (int v = 0; v < layerCount; v++)
        {
            Span<T> layer = layers.Slice(v * perLayer, perLayer);
            for (int i = 0; i < perLayer; i++)
            {
                layer[i] = symbols[(layerCount * i) + v];
            }
        }
    }

    /// <summary>The inverse of <see cref="Map{T}"/>: symbols[υ·i + v] = layers[v·M + i] (symbols, noise variances, …).</summary>
    public static void Demap<T>(ReadOnlySpan<T> layers, int layerCount, Span<T> symbols)
    {
        int perLayer = Validate(layers.Length, layerCount, symbols.Length);
        for (int v = 0; v < layerCount; v++)
        {
            ReadOnlySpan<T> layer = layers.Slice(v * perLayer, perLayer);
            for (int i = 0; i < perLayer; i++)
            {
                symbols[(layerCount * i) + v] = layer[i];
            }
        }
    }

    private static int Validate(int length, int layerCount, int destinationLength)
    {
        ThrowHelper.ThrowIfOutside(layerCount, 1, MaxLayers);
        if (length % layerCount != 0)
        {
            ThrowHelper.ThrowArgument("symbols", $"{length} symbols cannot be split evenly over {layerCount} layers.");
        }

        ThrowHelper.ThrowIfLengthDiffers(destinationLength, length, "destination");
        return length / layerCount;
    }
}
