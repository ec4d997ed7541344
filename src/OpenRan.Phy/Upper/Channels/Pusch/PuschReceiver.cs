using System;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>
/// PUSCH receive chain, resource grid to transport block: <see cref="PuschDemodulator"/> (DM-RS channel estimation, ZF or
/// MMSE equalization, PT-RS phase correction, inverse transform precoding, soft demapping, descrambling) and UL-SCH
/// decoding with HARQ combining (TS 38.212 §6.2 inverted).
/// </summary>
/// <remarks>Allocates nothing per slot once a configuration has been seen. Not thread-safe.</remarks>
public sealed class PuschReceiver : SharedChannelReceiver<PuschConfiguration>
{
    private readonly PuschDemodulator _demodulator;

    /// <summary>Creates the chain for up to <paramref name="maxRxPorts"/> receive ports (1..8) and <paramref name="maxLayers"/> layers (1..4).</summary>
    public PuschReceiver(int maxRxPorts = 4, int maxLayers = 4, SharedChannelReceiverOptions? options = null)
        : this(options ?? new SharedChannelReceiverOptions(), maxRxPorts, maxLayers)
    {
    }

    private PuschReceiver(SharedChannelReceiverOptions options, int maxRxPorts, int maxLayers)
        : this(new PuschDemodulator(maxRxPorts, maxLayers, options), options)
    {
    }

    private PuschReceiver(PuschDemodulator demodulator, SharedChannelReceiverOptions options)
        : base(demodulator, options) => _demodulator = demodulator;

    /// <summary>The demodulator (grid to codeword LLRs), with the last channel estimate.</summary>
    public PuschDemodulator Demodulator => _demodulator;

    /// <inheritdoc />
    private protected override SharedChannelMeasurements DemodulateCore(PuschConfiguration configuration, ResourceGrid received, int slot, Span<sbyte> llrs) =>
        _demodulator.Demodulate(configuration, received, slot, llrs);
}
