using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Phy.Upper.Channels.Pdsch;

/// <summary>
/// PDSCH physical-channel processing from codeword to resource grid (TS 38.211 §7.3.1): scrambling, modulation,
/// layer mapping, mapping to virtual/physical resource blocks (non-interleaved) around DM-RS, PT-RS and reserved
/// resources, plus the DM-RS (§7.4.1.1) and PT-RS (§7.4.1.2) of every layer. The grid has one port per layer
/// (DM-RS port 1000 + <c>Dmrs.Ports[v]</c> on grid port v).
/// </summary>
/// <remarks>Scratch is sized at construction for the largest slot; steady-state processing allocates nothing. Not thread-safe.</remarks>
public sealed class PdschModulator : SharedChannelSlotProcessor<PdschConfiguration>
{
    private readonly SharedChannelModulator _modulator;
    private readonly SharedChannelReferenceSignals _referenceSignals = new();

    /// <summary>Creates a modulator for up to <paramref name="maxLayers"/> layers.</summary>
    public PdschModulator(int maxLayers = 4)
        : base(maxLayers) => _modulator = new SharedChannelModulator(maxLayers);

    /// <summary>Maps a rate-matched codeword of G bits onto <paramref name="grid"/>, which is reconfigured (and cleared) to the carrier.</summary>
    /// <param name="configuration">The PDSCH configuration.</param>
    /// <param name="codeword">The codeword bits (0/1), length <see cref="SharedChannelSlotProcessor{T}.CodewordLength"/>.</param>
    /// <param name="slot">n_s,f^μ, the slot number within the frame.</param>
    /// <param name="grid">Receives the layers: ports = layers, symbols per slot, N_grid^size blocks starting at N_grid^start.</param>
    public void Modulate(PdschConfiguration configuration, ReadOnlySpan<byte> codeword, int slot, ResourceGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        SharedChannelLayout layout = Prepare(configuration, slot);
        SharedChannelModulator.ThrowIfWrongLength(codeword.Length, layout, configuration.Modulation, configuration.LayerCount);
        grid.Configure(configuration.LayerCount, configuration.SymbolsPerSlot, configuration.NSizeGrid, configuration.NStartGrid);
        ReadOnlySpan<ComplexF32> layers = _modulator.Modulate(codeword, configuration.ScramblingCInit, configuration.Modulation, configuration.LayerCount);
        SharedChannelDataMapper.Map(layout, layers, configuration.LayerCount, grid);
        _referenceSignals.MapDmrs(grid, layout, slot, configuration.Dmrs.Beta);
        _referenceSignals.MapPtrs(grid, layout, slot);
    }
}
