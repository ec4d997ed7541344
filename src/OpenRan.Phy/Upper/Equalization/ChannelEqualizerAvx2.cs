using System.Runtime.Intrinsics;

namespace OpenRan.Phy.Upper.Equalization;

/// <summary>
/// ZF or MMSE equalization with the Vector256 kernels of <see cref="ChannelEqualizer"/> (4 elements per step; closed form
/// for one and two layers, LDLᴴ for more) and the scalar reference for the tail.
/// </summary>
public sealed class ChannelEqualizerAvx2 : IChannelEqualizer
{
    /// <summary>Creates the equalizer.</summary>
    /// <exception cref="System.PlatformNotSupportedException">Vector256 is not hardware accelerated here.</exception>
    public ChannelEqualizerAvx2(EqualizerAlgorithm algorithm)
    {
        if (!IsSupported)
        {
            throw new System.PlatformNotSupportedException("ChannelEqualizerAvx2 needs hardware-accelerated Vector256 (AVX2).");
        }

        Algorithm = algorithm;
    }

    /// <summary>Whether this machine runs the Vector256 kernels.</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <inheritdoc />
    public string Name => ChannelEqualizerFactory.AlgorithmName(Algorithm);

    /// <inheritdoc />
    public EqualizerAlgorithm Algorithm { get; }

    /// <inheritdoc />
    public void Equalize(ChannelEqualizerInput input, ChannelEqualizerOutput output) =>
        ChannelEqualizer.Equalize(
            Algorithm, input.ReceivedBuffer, input.ReceivedStride, input.ChannelBuffer, input.ChannelRxStride, input.ChannelLayerStride,
            input.RxPortCount, input.LayerCount, input.Length, input.NoiseVariance, output.SymbolBuffer, output.NoiseVarianceBuffer, output.LayerStride);
}
