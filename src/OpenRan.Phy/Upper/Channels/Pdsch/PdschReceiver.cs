using System;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Phy.Upper.Channels.Pdsch;

/// <summary>
/// PDSCH receive chain, resource grid to transport block: <see cref="PdschDemodulator"/> (DM-RS channel estimation, ZF or
/// MMSE equalization, PT-RS phase correction, soft demapping, descrambling) and DL-SCH decoding with HARQ combining
/// (TS 38.212 §7.2 inverted).
/// </summary>
/// <remarks>Allocates nothing per slot once a configuration has been seen. Not thread-safe.</remarks>
public sealed class PdschReceiver : SharedChannelReceiver<PdschConfiguration>
{
    private readonly PdschDemodulator _demodulator;

    /// <summary>Creates the chain for up to <paramref name="maxRxPorts"/> receive ports (1..8) and <paramref name="maxLayers"/> layers (1..4).</summary>
    public PdschReceiver(int maxRxPorts = 4, int maxLayers = 4, SharedChannelReceiverOptions? options = null)
        : this(options ?? new SharedChannelReceiverOptions(), maxRxPorts, maxLayers)
    {
    }

    private PdschReceiver(SharedChannelReceiverOptions options, int maxRxPorts, int maxLayers)
        : this(new PdschDemodulator(maxRxPorts, maxLayers, options), options)
    {
    }

    private PdschReceiver(PdschDemodulator demodulator, SharedChannelReceiverOptions options)
        : base(demodulator, options) => _demodulator = demodulator;

    /// <summary>The demodulator (grid to codeword LLRs), with the last channel estimate.</summary>
    public PdschDemodulator Demodulator => _demodulator;

    /// <inheritdoc />
    private protected override SharedChannelMeasurements DemodulateCore(PdschConfiguration configuration, ResourceGrid received, int slot, Span<sbyte> llrs) =>
        _demodulator.Demodulate(configuration, received, slot, llrs);
}
