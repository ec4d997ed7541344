using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Mimo;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.Scrambling;
using OpenRan.Phy.Upper.TransformPrecoding;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// PDSCH or PUSCH physical-channel processing from codeword to antenna-port grid, in spec order: scrambling (TS 38.211
/// §7.3.1.1, §6.3.1.1), modulation (§5.1), layer mapping (§7.3.1.3, §6.3.1.3), transform precoding when configured
/// (§6.3.1.4), mapping to the data resource elements around DM-RS, PT-RS and reserved resources (§7.3.1.5, §6.3.1.6),
/// the DM-RS (§7.4.1.1, §6.4.1.1) and PT-RS (§7.4.1.2, §6.4.1.2) of every layer, and precoding onto the antenna ports
/// when configured (§6.3.1.5; the reference signals are precoded with the data).
/// </summary>
/// <remarks>
/// The channels differ only by configuration values (<see cref="SharedChannelConfiguration.ScramblingCInit"/>,
/// <see cref="SharedChannelConfiguration.IsTransformPrecoded"/>, <see cref="SharedChannelConfiguration.DmrsSequence"/>,
/// <see cref="SharedChannelConfiguration.PortPrecoding"/>, …). Scratch is sized at construction for the largest slot;
/// steady-state processing allocates nothing. Not thread-safe.
/// </remarks>
public sealed class SharedChannelModulator
{
    private readonly SharedChannelLayoutCache _layouts;
    private readonly Scrambler _scrambler = new();
    private readonly SharedChannelReferenceSignals _referenceSignals = new();
    private readonly TransformPrecoder _transformPrecoder = new();
    private readonly ResourceGrid _layerGrid;
    private readonly byte[] _bits;
    private readonly ComplexF32[] _symbols;
    private readonly ComplexF32[] _layers;
    private readonly ComplexF32[] _precoded;

    /// <summary>Creates a modulator for up to <paramref name="maxLayers"/> layers (1..4).</summary>
    public SharedChannelModulator(int maxLayers = 4)
    {
        _layouts = new SharedChannelLayoutCache(maxLayers);
        int maxSymbols = maxLayers * SharedChannelDataMapper.MaxResourceElementsPerLayer;
        _bits = new byte[maxSymbols * ModulationScheme.Qam1024.BitsPerSymbol()];
        _symbols = new ComplexF32[maxSymbols];
        _layers = new ComplexF32[maxSymbols];
        _precoded = new ComplexF32[SharedChannelDataMapper.MaxResourceElementsPerLayer];
        _layerGrid = new ResourceGrid(maxLayers, NrConstants.SymbolsPerSlotNormalCp, NrConstants.MaxPrb * NrConstants.SubcarriersPerRb);
    }

    /// <summary>Largest number of layers.</summary>
    public int MaxLayers => _layouts.MaxLayers;

    /// <summary>The layout of a configuration (validated on first use, then cached).</summary>
    public SharedChannelLayout Layout(SharedChannelConfiguration configuration) => _layouts.Get(configuration);

    /// <summary>G, the number of coded bits the configuration carries in a slot: M_symb^layer·υ·Q_m.</summary>
    public int CodewordLength(SharedChannelConfiguration configuration) => configuration.CodewordLength(Layout(configuration));

    /// <summary>The transport-block coding parameters of a configuration (TBS, base graph, segmentation; TS 38.212 §7.2, §6.2).</summary>
    public SharedChannelCodingParameters CodingParameters(SharedChannelConfiguration configuration) => configuration.CodingParameters(Layout(configuration));

    /// <summary>Maps a codeword of G bits onto <paramref name="grid"/>, which is reconfigured (and cleared) to the transmit ports and carrier.</summary>
    /// <param name="configuration">The PDSCH or PUSCH configuration.</param>
    /// <param name="codeword">The codeword bits (0/1), length <see cref="CodewordLength"/>.</param>
    /// <param name="slot">n_s,f^μ, the slot number within the frame.</param>
    /// <param name="grid">Receives <see cref="SharedChannelConfiguration.TransmitPortCount"/> ports, symbols per slot, N_grid^size blocks from N_grid^start.</param>
    public void Modulate(SharedChannelConfiguration configuration, ReadOnlySpan<byte> codeword, int slot, ResourceGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        SharedChannelLayout layout = _layouts.Prepare(configuration, slot);
        int layers = configuration.LayerCount;
        ThrowHelper.ThrowIfLengthDiffers(codeword.Length, configuration.CodewordLength(layout), nameof(codeword));
        grid.Configure(configuration.TransmitPortCount, configuration.SymbolsPerSlot, configuration.NSizeGrid, configuration.NStartGrid);
        PrecodingMatrix? precoding = configuration.PortPrecoding;
        ResourceGrid layerGrid = grid;
        if (precoding is not null)
        {
            _layerGrid.Configure(layers, configuration.SymbolsPerSlot, configuration.NSizeGrid, configuration.NStartGrid);
            layerGrid = _layerGrid;
        }

        ReadOnlySpan<ComplexF32> symbols = ModulateLayers(codeword, configuration.ScramblingCInit, configuration.Modulation, layers, configuration.CodewordHasPlaceholders);
        if (configuration.IsTransformPrecoded)
        {
            Span<ComplexF32> precoded = _precoded.AsSpan(0, symbols.Length);
            _transformPrecoder.Precode(symbols, layout.PrbCount, precoded);
            symbols = precoded;
        }

        SharedChannelDataMapper.Map(layout, symbols, layers, layerGrid);
        _referenceSignals.MapDmrs(layerGrid, layout, slot, configuration.Dmrs.Beta, configuration.DmrsSequence, configuration.LowPaprDmrs);
        _referenceSignals.MapPtrs(layerGrid, layout, slot);
        if (precoding is not null)
        {
            SharedChannelDataMapper.Precode(layout, precoding, layerGrid, grid);
        }
    }

    /// <summary>Scrambles the codeword with c_init (resolving UCI placeholders when the configuration may hold them), modulates it and maps it onto the layers; returns the layer-major symbols (M_symb^layer per layer).</summary>
    private ReadOnlySpan<ComplexF32> ModulateLayers(ReadOnlySpan<byte> codeword, uint cInit, ModulationScheme scheme, int layerCount, bool placeholders)
    {
        int count = codeword.Length / scheme.BitsPerSymbol();
        Span<byte> scrambled = _bits.AsSpan(0, codeword.Length);
        _scrambler.Scramble(cInit, codeword, scrambled);
        if (placeholders)
        {
            Scrambler.ResolvePlaceholders(codeword, scrambled);
        }

        Span<ComplexF32> symbols = _symbols.AsSpan(0, count);
        ModulationMapper.Map(scrambled, scheme, symbols);
        Span<ComplexF32> layers = _layers.AsSpan(0, count);
        LayerMapper.Map<ComplexF32>(symbols, layerCount, layers);
        return layers;
    }
}
