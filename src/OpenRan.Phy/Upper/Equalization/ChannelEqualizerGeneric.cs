namespace OpenRan.Phy.Upper.Equalization;

/// <summary>ZF or MMSE equalization with the scalar reference of <see cref="ChannelEqualizer"/> (the oracle of the vector implementations).</summary>
public sealed class ChannelEqualizerGeneric : IChannelEqualizer
{
    /// <summary>Creates the equalizer.</summary>
    public ChannelEqualizerGeneric(EqualizerAlgorithm algorithm) => Algorithm = algorithm;

    /// <inheritdoc />
    public string Name => ChannelEqualizerFactory.AlgorithmName(Algorithm);

    /// <inheritdoc />
    public EqualizerAlgorithm Algorithm { get; }

    /// <inheritdoc />
    public void Equalize(ChannelEqualizerInput input, ChannelEqualizerOutput output) =>
        ChannelEqualizer.EqualizeScalar(
            Algorithm, input.ReceivedBuffer, input.ReceivedStride, input.ChannelBuffer, input.ChannelRxStride, input.ChannelLayerStride,
            input.RxPortCount, input.LayerCount, input.Length, input.NoiseVariance, output.SymbolBuffer, output.NoiseVarianceBuffer, output.LayerStride);
}
