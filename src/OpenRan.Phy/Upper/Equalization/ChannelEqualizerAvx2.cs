namespace OpenRan.Phy.Upper.Equalization;

/// <summary>
/// ZF or MMSE equalization with the planar Vector256 kernels of <see cref="PlanarEqualizer"/> (8 elements per step; closed
/// form for one and two layers, LDLᴴ for more) and the scalar reference for the tail.
/// </summary>
public sealed class ChannelEqualizerAvx2 : IChannelEqualizer
{
    /// <summary>Creates the equalizer.</summary>
    /// <exception cref="System.PlatformNotSupportedException">The machine has no AVX2.</exception>
    public ChannelEqualizerAvx2(EqualizerAlgorithm algorithm)
    {
        if (!IsSupported)
        {
            throw new System.PlatformNotSupportedException("ChannelEqualizerAvx2 needs hardware-accelerated Vector256 (AVX2).");
        }

        Algorithm = algorithm;
    }

    /// <summary>Whether this machine runs the Vector256 kernels.</summary>
    public static bool IsSupported => EqualizerLanes256.IsSupported;

    /// <inheritdoc />
    public string Name => ChannelEqualizerFactory.AlgorithmName(Algorithm);

    /// <inheritdoc />
    public EqualizerAlgorithm Algorithm { get; }

    /// <inheritdoc />
    public void Equalize(ChannelEqualizerInput input, ChannelEqualizerOutput output) =>
        ChannelEqualizer.EqualizeUpTo(
            ChannelEqualizer.VectorWidth.Bits256, Algorithm, input.ReceivedBuffer, input.ReceivedStride, input.ChannelBuffer, input.ChannelRxStride, input.ChannelLayerStride,
            input.RxPortCount, input.LayerCount, input.Length, input.NoiseVariance, output.SymbolBuffer, output.NoiseVarianceBuffer, output.LayerStride);
}
