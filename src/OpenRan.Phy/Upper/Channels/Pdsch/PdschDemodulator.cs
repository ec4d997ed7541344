using System;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelEstimation;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Upper.Channels.Pdsch;

/// <summary>
/// PDSCH reception from resource grid to codeword LLRs: DM-RS channel estimation, MIMO equalization (ZF or MMSE, up to
/// 4 layers on up to 8 receive ports), PT-RS phase correction, layer demapping, soft demapping and descrambling
/// (TS 38.211 §7.3.1 inverted). The LLRs feed the DL-SCH rate dematcher (TS 38.212 §7.2.6).
/// </summary>
/// <remarks>Buffers sized at construction; steady-state demodulation allocates nothing. Not thread-safe.</remarks>
public sealed class PdschDemodulator : SharedChannelSlotProcessor<PdschConfiguration>
{
    private readonly SharedChannelDemodulator _core;

    /// <summary>Creates a demodulator for up to <paramref name="maxRxPorts"/> receive ports (1..8) and <paramref name="maxLayers"/> layers.</summary>
    public PdschDemodulator(int maxRxPorts = 4, int maxLayers = 4, SharedChannelReceiverOptions? options = null)
        : base(maxLayers) => _core = new SharedChannelDemodulator(maxRxPorts, maxLayers, options ?? new SharedChannelReceiverOptions());

    /// <summary>The channel estimate of the last demodulated slot.</summary>
    public ChannelEstimate ChannelEstimate => _core.Estimate;

    /// <summary>The soft demapper in use.</summary>
    public IDemodulationMapper Demapper => _core.Demapper;

    /// <summary>Demodulates one slot.</summary>
    /// <param name="configuration">The PDSCH configuration.</param>
    /// <param name="received">The received grid: one port per receive antenna, the carrier's dimensions.</param>
    /// <param name="slot">n_s,f^μ.</param>
    /// <param name="llrs">Receives the G descrambled codeword LLRs (int8, positive favours 0).</param>
    /// <param name="channelKnown">True to skip the DM-RS estimation and use <see cref="ChannelEstimate"/> as filled by the caller (perfect channel knowledge).</param>
    public SharedChannelMeasurements Demodulate(PdschConfiguration configuration, ResourceGrid received, int slot, Span<sbyte> llrs, bool channelKnown = false)
    {
        ArgumentNullException.ThrowIfNull(received);
        SharedChannelLayout layout = Prepare(configuration, slot);
        return _core.Demodulate(received, configuration, layout, slot, configuration.ScramblingCInit, false, null, false, llrs, channelKnown);
    }
}
