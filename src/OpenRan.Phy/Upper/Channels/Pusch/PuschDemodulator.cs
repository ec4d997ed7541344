using System;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelEstimation;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>
/// PUSCH reception from resource grid to codeword LLRs: DM-RS channel estimation of the effective (precoded) channel of
/// every layer, MIMO equalization, PT-RS phase correction, inverse transform precoding, layer demapping, soft demapping
/// and descrambling (TS 38.211 §6.3.1 inverted). The LLRs feed the UL-SCH rate dematcher (TS 38.212 §6.2.5).
/// </summary>
/// <remarks>Buffers sized at construction; steady-state demodulation allocates nothing. Not thread-safe.</remarks>
public sealed class PuschDemodulator : SharedChannelSlotProcessor<PuschConfiguration>
{
    private readonly SharedChannelDemodulator _core;

    /// <summary>Creates a demodulator for up to <paramref name="maxRxPorts"/> receive ports (1..8) and <paramref name="maxLayers"/> layers.</summary>
    public PuschDemodulator(int maxRxPorts = 4, int maxLayers = 4, SharedChannelReceiverOptions? options = null)
        : base(maxLayers) => _core = new SharedChannelDemodulator(maxRxPorts, maxLayers, options ?? new SharedChannelReceiverOptions());

    /// <summary>The channel estimate of the last demodulated slot.</summary>
    public ChannelEstimate ChannelEstimate => _core.Estimate;

    /// <summary>The soft demapper in use.</summary>
    public IDemodulationMapper Demapper => _core.Demapper;

    /// <summary>Demodulates one slot.</summary>
    /// <param name="configuration">The PUSCH configuration.</param>
    /// <param name="received">The received grid: one port per receive antenna, the carrier's dimensions.</param>
    /// <param name="slot">n_s,f^μ.</param>
    /// <param name="llrs">Receives the G descrambled codeword LLRs (int8, positive favours 0).</param>
    /// <param name="channelKnown">True to skip the DM-RS estimation and use <see cref="ChannelEstimate"/> as filled by the caller (perfect channel knowledge).</param>
    public SharedChannelMeasurements Demodulate(PuschConfiguration configuration, ResourceGrid received, int slot, Span<sbyte> llrs, bool channelKnown = false)
    {
        ArgumentNullException.ThrowIfNull(received);
        SharedChannelLayout layout = Prepare(configuration, slot);
        return _core.Demodulate(received, configuration, layout, slot, configuration.ScramblingCInit, configuration.TransformPrecoding, configuration.TransformPrecodingDmrs, configuration.Pi2BpskDmrs, llrs, channelKnown);
    }
}
