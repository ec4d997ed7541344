namespace OpenRan.Phy.Upper.Equalization;

/// <summary>
/// ZF or MMSE equalization with the planar Vector512 kernels of <see cref="PlanarEqualizer"/> (16 elements per step; closed
/// form for one and two layers, LDLᴴ for more) and the scalar reference for the tail.
/// </summary>
public sealed class ChannelEqualizerAvx512 : IChannelEqualizer
{
    /// <summary>Creates the equalizer.</summary>
    /// <exception cref="System.PlatformNotSupportedException">The machine has no AVX-512F/BW/VL.</exception>
    public ChannelEqualizerAvx512(EqualizerAlgorithm algorithm)
    {
        if (!IsSupported)
        {
            throw new System.PlatformNotSupportedException("ChannelEqualizerAvx512 needs AVX-512F/BW/VL (hardware-accelerated Vector512).");
        }

        Algorithm = algorithm;
    }

    /// <summary>Whether this machine runs the Vector512 kernels.</summary>
    public static bool IsSupported => EqualizerLanes512.IsSupported;

    /// <inheritdoc />
    public string Name => ChannelEqualizerFactory.AlgorithmName(Algorithm);

    /// <inheritdoc />
    public EqualizerAlgorithm Algorithm { get; }

    /// <inheritdoc />
    public void Equalize(ChannelEqualizerInput input, ChannelEqualizerOutput output) =>
        ChannelEqualizer.EqualizeUpTo(
            ChannelEqualizer.VectorWidth.Bits512, Algorithm, input.ReceivedBuffer, input.ReceivedStride, input.ChannelBuffer, input.ChannelRxStride, input.ChannelLayerStride,
            input.RxPortCount, input.LayerCount, input.Length, input.NoiseVariance, output.SymbolBuffer, output.NoiseVarianceBuffer, output.LayerStride);
}
