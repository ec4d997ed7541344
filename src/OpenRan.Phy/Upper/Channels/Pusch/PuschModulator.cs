using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Mimo;
using OpenRan.Phy.Upper.TransformPrecoding;

namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>
/// PUSCH physical-channel processing from codeword to antenna-port grid (TS 38.211 §6.3.1): scrambling, modulation,
/// layer mapping, transform precoding (§6.3.1.4), precoding (§6.3.1.5) and mapping to physical resources (§6.3.1.6)
/// around DM-RS (§6.4.1.1), PT-RS (§6.4.1.2) and reserved resources; the DM-RS and PT-RS are precoded with the data.
/// </summary>
/// <remarks>Scratch is sized at construction for the largest slot; steady-state processing allocates nothing. Not thread-safe.</remarks>
public sealed class PuschModulator : SharedChannelSlotProcessor<PuschConfiguration>
{
    private readonly SharedChannelModulator _modulator;
    private readonly SharedChannelReferenceSignals _referenceSignals = new();
    private readonly TransformPrecoder _transformPrecoder = new();
    private readonly ResourceGrid _layerGrid;
    private readonly ComplexF32[] _precoded;

    /// <summary>Creates a modulator for up to <paramref name="maxLayers"/> layers.</summary>
    public PuschModulator(int maxLayers = 4)
        : base(maxLayers)
    {
        _modulator = new SharedChannelModulator(maxLayers);
        _layerGrid = new ResourceGrid(maxLayers, NrConstants.SymbolsPerSlotNormalCp, NrConstants.MaxPrb * NrConstants.SubcarriersPerRb);
        _precoded = new ComplexF32[SharedChannelDataMapper.MaxResourceElementsPerLayer];
    }

    /// <summary>Maps a codeword of G bits onto <paramref name="grid"/>, reconfigured (and cleared) to the antenna ports and carrier.</summary>
    /// <param name="configuration">The PUSCH configuration.</param>
    /// <param name="codeword">The codeword bits (0/1), length <see cref="SharedChannelSlotProcessor{T}.CodewordLength"/>.</param>
    /// <param name="slot">n_s,f^μ, the slot number within the frame.</param>
    /// <param name="grid">Receives the antenna ports: <see cref="PuschConfiguration.AntennaPortCount"/> ports.</param>
    public void Modulate(PuschConfiguration configuration, ReadOnlySpan<byte> codeword, int slot, ResourceGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        SharedChannelLayout layout = Prepare(configuration, slot);
        SharedChannelModulator.ThrowIfWrongLength(codeword.Length, layout, configuration.Modulation, configuration.LayerCount);
        PrecodingMatrix precoding = configuration.Precoding;
        int layers = configuration.LayerCount;
        grid.Configure(configuration.AntennaPortCount, configuration.SymbolsPerSlot, configuration.NSizeGrid, configuration.NStartGrid);
        ResourceGrid layerGrid = grid;
        if (!precoding.IsIdentity)
        {
            _layerGrid.Configure(layers, configuration.SymbolsPerSlot, configuration.NSizeGrid, configuration.NStartGrid);
            layerGrid = _layerGrid;
        }

        ReadOnlySpan<ComplexF32> symbols = _modulator.Modulate(codeword, configuration.ScramblingCInit, configuration.Modulation, layers);
        if (configuration.TransformPrecoding)
        {
            Span<ComplexF32> precoded = _precoded.AsSpan(0, symbols.Length);
            _transformPrecoder.Precode(symbols, layout.PrbCount, precoded);
            symbols = precoded;
        }

        SharedChannelDataMapper.Map(layout, symbols, layers, layerGrid);
        _referenceSignals.MapDmrs(layerGrid, layout, slot, configuration.Dmrs.Beta, configuration.TransformPrecoding ? configuration.TransformPrecodingDmrs : null, configuration.Pi2BpskDmrs);
        _referenceSignals.MapPtrs(layerGrid, layout, slot);
        if (!precoding.IsIdentity)
        {
            SharedChannelDataMapper.Precode(layout, precoding, layerGrid, grid);
        }
    }
}
