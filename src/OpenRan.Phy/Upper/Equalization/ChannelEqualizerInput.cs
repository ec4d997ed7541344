using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Equalization;

/// <summary>
/// What an equalizer sees for one OFDM symbol: y (received, one row per receive port) and H (estimated channel, one row
/// per receive port and layer) over <see cref="Length"/> resource elements, and the noise variance σ². Buffers are read
/// in place through strides (the layout of <see cref="ChannelEstimation.ChannelEstimate.SymbolBlock"/>).
/// </summary>
/// <remarks>Model: y = H·x + n with E|x_v|² = 1 and white noise of variance σ² per receive port and element.</remarks>
public readonly ref struct ChannelEqualizerInput
{
    /// <summary>Describes the buffers.</summary>
    /// <param name="received">y: receive port r is received[r·receivedStride ..][..length].</param>
    /// <param name="receivedStride">Distance between receive ports in <paramref name="received"/>.</param>
    /// <param name="channel">H: link (r, v) is channel[r·channelRxStride + v·channelLayerStride ..][..length].</param>
    /// <param name="channelRxStride">Distance between receive ports in <paramref name="channel"/>.</param>
    /// <param name="channelLayerStride">Distance between layers in <paramref name="channel"/>.</param>
    /// <param name="rxPortCount">Receive ports R, 1..8.</param>
    /// <param name="layerCount">Layers υ, 1..min(4, R).</param>
    /// <param name="length">Resource elements to equalize.</param>
    /// <param name="noiseVariance">σ² per receive port and element, ≥ 0.</param>
    public ChannelEqualizerInput(
        ReadOnlySpan<ComplexF32> received, int receivedStride, ReadOnlySpan<ComplexF32> channel, int channelRxStride, int channelLayerStride,
        int rxPortCount, int layerCount, int length, float noiseVariance)
    {
        ReceivedBuffer = received;
        ReceivedStride = receivedStride;
        ChannelBuffer = channel;
        ChannelRxStride = channelRxStride;
        ChannelLayerStride = channelLayerStride;
        RxPortCount = rxPortCount;
        LayerCount = layerCount;
        Length = length;
        NoiseVariance = noiseVariance;
    }

    /// <summary>The received buffer (all receive ports).</summary>
    public ReadOnlySpan<ComplexF32> ReceivedBuffer { get; }

    /// <summary>Distance between receive ports in <see cref="ReceivedBuffer"/>.</summary>
    public int ReceivedStride { get; }

    /// <summary>The channel buffer (all links).</summary>
    public ReadOnlySpan<ComplexF32> ChannelBuffer { get; }

    /// <summary>Distance between receive ports in <see cref="ChannelBuffer"/>.</summary>
    public int ChannelRxStride { get; }

    /// <summary>Distance between layers in <see cref="ChannelBuffer"/>.</summary>
    public int ChannelLayerStride { get; }

    /// <summary>Receive ports R.</summary>
    public int RxPortCount { get; }

    /// <summary>Layers υ.</summary>
    public int LayerCount { get; }

    /// <summary>Resource elements to equalize.</summary>
    public int Length { get; }

    /// <summary>σ², the noise variance per receive port and element.</summary>
    public float NoiseVariance { get; }

    /// <summary>y of receive port <paramref name="rxPort"/>: <see cref="Length"/> values.</summary>
    public ReadOnlySpan<ComplexF32> Received(int rxPort) => ReceivedBuffer.Slice(rxPort * ReceivedStride, Length);

    /// <summary>H[r, v], the channel from layer <paramref name="layer"/> to receive port <paramref name="rxPort"/>: <see cref="Length"/> values.</summary>
    public ReadOnlySpan<ComplexF32> Channel(int rxPort, int layer) => ChannelBuffer.Slice((rxPort * ChannelRxStride) + (layer * ChannelLayerStride), Length);
}
