using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Equalization;

/// <summary>
/// Where an equalizer writes one OFDM symbol: the unbiased layer estimates x̂ and their post-equalization noise variance
/// σ²_post (the demapper's σ²; +∞ erases an element), one row per layer.
/// </summary>
public readonly ref struct ChannelEqualizerOutput
{
    /// <summary>Describes the buffers.</summary>
    /// <param name="symbols">x̂: layer v is symbols[v·layerStride ..][..length].</param>
    /// <param name="noiseVariances">σ²_post: layer v is noiseVariances[v·layerStride ..][..length].</param>
    /// <param name="layerStride">Distance between layers in both buffers.</param>
    /// <param name="length">Resource elements per layer.</param>
    public ChannelEqualizerOutput(Span<ComplexF32> symbols, Span<float> noiseVariances, int layerStride, int length)
    {
        SymbolBuffer = symbols;
        NoiseVarianceBuffer = noiseVariances;
        LayerStride = layerStride;
        Length = length;
    }

    /// <summary>The symbol buffer (all layers).</summary>
    public Span<ComplexF32> SymbolBuffer { get; }

    /// <summary>The noise-variance buffer (all layers).</summary>
    public Span<float> NoiseVarianceBuffer { get; }

    /// <summary>Distance between layers in both buffers.</summary>
    public int LayerStride { get; }

    /// <summary>Resource elements per layer.</summary>
    public int Length { get; }

    /// <summary>x̂ of layer <paramref name="layer"/>: <see cref="Length"/> values.</summary>
    public Span<ComplexF32> Symbols(int layer) => SymbolBuffer.Slice(layer * LayerStride, Length);

    /// <summary>σ²_post of layer <paramref name="layer"/>: <see cref="Length"/> values.</summary>
    public Span<float> NoiseVariances(int layer) => NoiseVarianceBuffer.Slice(layer * LayerStride, Length);
}
