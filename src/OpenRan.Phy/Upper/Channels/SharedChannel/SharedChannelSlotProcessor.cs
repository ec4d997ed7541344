using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// What every PDSCH/PUSCH slot processor shares: the validated, cached layout of each configuration it sees, the
/// codeword length G, and the per-slot argument checks.
/// </summary>
/// <typeparam name="TConfiguration">The channel's configuration type.</typeparam>
public abstract class SharedChannelSlotProcessor<TConfiguration>
    where TConfiguration : SharedChannelConfiguration
{
    private readonly LayoutCache _layouts = new();

    /// <summary>Creates the processor for up to <paramref name="maxLayers"/> layers (1..4).</summary>
    protected SharedChannelSlotProcessor(int maxLayers)
    {
        ThrowHelper.ThrowIfOutside(maxLayers, 1, 4);
        MaxLayers = maxLayers;
    }

    /// <summary>
    /// The largest G of <paramref name="maxLayers"/> layers: every resource element of 275 PRBs × 14 symbols carrying
    /// 1024-QAM (10 bits) on each layer; the size of the codeword and LLR buffers of the chain processors.
    /// </summary>
    public static int MaxCodewordLength(int maxLayers) => maxLayers * NrConstants.MaxPrb * NrConstants.SubcarriersPerRb * NrConstants.SymbolsPerSlotNormalCp * 10;

    /// <summary>Largest number of layers.</summary>
    public int MaxLayers { get; }

    /// <summary>The layout of a configuration (validated on first use, then cached).</summary>
    public SharedChannelLayout Layout(TConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return _layouts.Get(configuration);
    }

    /// <summary>G, the number of coded bits (or LLRs) the configuration carries in a slot: M_symb^layer·υ·Q_m.</summary>
    public int CodewordLength(TConfiguration configuration) => configuration.CodewordLength(Layout(configuration));

    /// <summary>The transport-block coding parameters of a configuration (TBS, base graph, segmentation; TS 38.212 §7.2, §6.2).</summary>
    public SharedChannelCodingParameters CodingParameters(TConfiguration configuration) => configuration.CodingParameters(Layout(configuration));

    /// <summary>The layout of <paramref name="configuration"/> after checking the slot number and the layer count.</summary>
    protected SharedChannelLayout Prepare(TConfiguration configuration, int slot)
    {
        SharedChannelLayout layout = Layout(configuration);
        ThrowHelper.ThrowIfOutside(slot, 0, configuration.SlotsPerFrame - 1);
        if (configuration.LayerCount > MaxLayers)
        {
            ThrowHelper.ThrowOutOfRange(nameof(configuration), configuration.LayerCount, $"at most {MaxLayers} layers for this processor");
        }

        return layout;
    }
}
