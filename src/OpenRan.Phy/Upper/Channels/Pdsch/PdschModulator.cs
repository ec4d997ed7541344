using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Upper.Channels.Pdsch;

/// <summary>
/// PDSCH physical-channel processing from codeword to resource grid (TS 38.211 §7.3.1): scrambling, modulation,
/// layer mapping, mapping to virtual/physical resource blocks (non-interleaved) around DM-RS, PT-RS and reserved
/// resources, plus the DM-RS (§7.4.1.1) and PT-RS (§7.4.1.2) of every layer. The grid has one port per layer
/// (DM-RS port 1000 + <c>Dmrs.Ports[v]</c> on grid port v).
/// </summary>
/// <remarks>Scratch is sized at construction for the largest slot; steady-state processing allocates nothing. Not thread-safe.</remarks>
public sealed class PdschModulator
{
    private readonly SharedChannelModulator _modulator;
    private readonly SharedChannelReferenceSignals _referenceSignals = new();
    private readonly LayoutCache _layouts = new();

    /// <summary>Creates a modulator for up to <paramref name="maxLayers"/> layers.</summary>
    public PdschModulator(int maxLayers = 4)
    {
        ThrowHelper.ThrowIfOutside(maxLayers, 1, 4);
        MaxLayers = maxLayers;
        _modulator = new SharedChannelModulator(maxLayers);
    }

    /// <summary>Largest number of layers.</summary>
    public int MaxLayers { get; }

    /// <summary>The layout of a configuration (validated and cached).</summary>
    public SharedChannelLayout Layout(PdschConfiguration configuration) => _layouts.Get(configuration);

    /// <summary>G, the number of coded bits the configuration carries (TS 38.212 §7.2.5 input length).</summary>
    public int CodewordLength(PdschConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Layout(configuration).DataResourceElementCount * configuration.LayerCount * configuration.Modulation.BitsPerSymbol();
    }

    /// <summary>Maps a rate-matched codeword of G bits onto <paramref name="grid"/>, which is reconfigured (and cleared) to the carrier.</summary>
    /// <param name="configuration">The PDSCH configuration.</param>
    /// <param name="codeword">The codeword bits (0/1), length <see cref="CodewordLength"/>.</param>
    /// <param name="slot">n_s,f^μ, the slot number within the frame.</param>
    /// <param name="grid">Receives the layers: ports = layers, symbols per slot, N_grid^size blocks starting at N_grid^start.</param>
    public void Modulate(PdschConfiguration configuration, ReadOnlySpan<byte> codeword, int slot, ResourceGrid grid)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(grid);
        SharedChannelLayout layout = _layouts.Get(configuration);
        ThrowHelper.ThrowIfOutside(slot, 0, configuration.SlotsPerFrame - 1);
        if (configuration.LayerCount > MaxLayers)
        {
            ThrowHelper.ThrowOutOfRange(nameof(configuration), configuration.LayerCount, $"at most {MaxLayers} layers for this modulator");
        }

        SharedChannelModulator.ThrowIfWrongLength(codeword.Length, layout, configuration.Modulation, configuration.LayerCount);
        grid.Configure(configuration.LayerCount, configuration.SymbolsPerSlot, configuration.NSizeGrid, configuration.NStartGrid);
        ReadOnlySpan<ComplexF32> layers = _modulator.Modulate(codeword, configuration.ScramblingCInit, configuration.Modulation, configuration.LayerCount);
        SharedChannelDataMapper.Map(layout, layers, configuration.LayerCount, grid);
        _referenceSignals.MapDmrs(grid, layout, slot, configuration.Dmrs.Beta);
        _referenceSignals.MapPtrs(grid, layout, slot);
    }
}
