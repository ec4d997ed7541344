using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.ChannelEstimation;

/// <summary>
/// A channel estimator for one slot: from the received grid, a channel-agnostic DM-RS <see cref="DmrsPattern"/> and the
/// slot's <see cref="DmrsPilots"/> to a <see cref="ChannelEstimate"/> (H per receive port, layer, allocated symbol and
/// subcarrier; noise variance; channel power; timing and frequency offsets). The seam where a researcher plugs in an
/// estimator (<see cref="DmrsChannelEstimator"/> is built in); it knows nothing of PDSCH or PUSCH.
/// </summary>
/// <remarks>
/// Contract: call <see cref="ChannelEstimate.Reset"/> with (receive ports, layers, <see cref="DmrsPattern.SubcarrierCount"/>),
/// fill a row for every symbol FirstSymbol..FirstSymbol + SymbolCount − 1 and map it with
/// <see cref="ChannelEstimate.MapSymbol"/>, and set the noise variance (per port and mean) and the channel power.
/// Called on the slot path: allocate nothing (after a warm-up) and throw nothing for expected inputs.
/// </remarks>
public interface IChannelEstimator
{
    /// <summary>A short name for logs and results, for example <c>ls-linear</c>.</summary>
    string Name { get; }

    /// <summary>Estimates the channel of every (receive port, layer) pair of one slot.</summary>
    /// <param name="received">The received grid: one port per receive antenna.</param>
    /// <param name="pattern">Where the DM-RS is and how the layers share it.</param>
    /// <param name="pilots">The DM-RS base-sequence values of this slot.</param>
    /// <param name="estimate">Receives the estimate.</param>
    void Estimate(ResourceGrid received, DmrsPattern pattern, DmrsPilots pilots, ChannelEstimate estimate);
}
