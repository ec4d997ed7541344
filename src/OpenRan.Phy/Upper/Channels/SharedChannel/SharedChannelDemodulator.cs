using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelEstimation;
using OpenRan.Phy.Upper.Equalization;
using OpenRan.Phy.Upper.Mimo;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.Sequences;
using OpenRan.Phy.Upper.TransformPrecoding;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// The receive path shared by PDSCH and PUSCH from resource grid to descrambled codeword LLRs: DM-RS channel
/// estimation, MIMO equalization with post-equalization noise variance, PT-RS common-phase-error correction, inverse
/// transform precoding, layer demapping, soft demapping and descrambling (TS 38.211 §7.3.1/§6.3.1 inverted).
/// </summary>
/// <remarks>Buffers are sized at construction for 275 PRB, 14 symbols and the given ports and layers. Not thread-safe.</remarks>
internal sealed class SharedChannelDemodulator
{
    private readonly int _maxRx;
    private readonly int _maxLayers;
    private readonly DmrsChannelEstimator _estimator;
    private readonly IDemodulationMapper _demapper;
    private readonly SharedChannelReceiverOptions _options;
    private readonly SharedChannelReferenceSignals _referenceSignals = new();
    private readonly PseudoRandomSequence _descrambler = new();
    private readonly TransformPrecoder _transformPrecoder = new();
    private readonly ComplexF32[] _received;        // [rx][W]
    private readonly ComplexF32[] _equalized;       // [layer][symbol][W]
    private readonly float[] _postNoise;            // [layer][symbol][W]
    private readonly ComplexF32[] _layerSymbols;    // [layer][M]
    private readonly float[] _layerNoise;           // [layer][M]
    private readonly ComplexF32[] _codewordSymbols; // [υ·M]
    private readonly float[] _codewordNoise;
    private readonly ComplexF32[] _block = new ComplexF32[NrConstants.MaxPrb * NrConstants.SubcarriersPerRb];
    private readonly ComplexF32[] _ptrs = new ComplexF32[NrConstants.MaxPrb];
    private readonly float[] _phase = new float[NrConstants.SymbolsPerSlotNormalCp];

    public SharedChannelDemodulator(int maxRxPorts, int maxLayers, SharedChannelReceiverOptions options)
    {
        ThrowHelper.ThrowIfOutside(maxRxPorts, 1, 8);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid receiver options: {string.Join("; ", problems)}.", nameof(options));
        }

        _maxRx = maxRxPorts;
        _maxLayers = maxLayers;
        _options = options;
        _estimator = new DmrsChannelEstimator(maxRxPorts, maxLayers);
        _demapper = DemodulationMapperFactory.Create(options.DemapperImplementation, options.LlrScale);
        Estimate = new ChannelEstimate(maxRxPorts, maxLayers);
        const int width = NrConstants.MaxPrb * NrConstants.SubcarriersPerRb;
        const int perLayer = SharedChannelDataMapper.MaxResourceElementsPerLayer;
        _received = new ComplexF32[maxRxPorts * width];
        _equalized = new ComplexF32[maxLayers * NrConstants.SymbolsPerSlotNormalCp * width];
        _postNoise = new float[maxLayers * NrConstants.SymbolsPerSlotNormalCp * width];
        _layerSymbols = new ComplexF32[maxLayers * perLayer];
        _layerNoise = new float[maxLayers * perLayer];
        _codewordSymbols = new ComplexF32[maxLayers * perLayer];
        _codewordNoise = new float[maxLayers * perLayer];
    }

    /// <summary>The channel estimate of the last slot.</summary>
    public ChannelEstimate Estimate { get; }

    /// <summary>The soft demapper in use.</summary>
    public IDemodulationMapper Demapper => _demapper;

    /// <summary>
    /// Demodulates one slot into <paramref name="llrs"/> (G values, descrambled with <paramref name="scramblingCInit"/>).
    /// With <paramref name="channelKnown"/> the DM-RS estimation is skipped and <see cref="Estimate"/>, filled by the
    /// caller, is used as it is (perfect channel knowledge).
    /// </summary>
    public SharedChannelMeasurements Demodulate(
        ResourceGrid received, SharedChannelConfiguration configuration, SharedChannelLayout layout, int slot,
        uint scramblingCInit, bool transformPrecoding, TransformPrecodingDmrs? transformPrecodingDmrs, bool pi2Bpsk, Span<sbyte> llrs, bool channelKnown = false)
    {
        int rxPorts = received.PortCount;
        int layers = configuration.LayerCount;
        if (rxPorts > _maxRx || layers > _maxLayers)
        {
            ThrowHelper.ThrowArgument(nameof(received), $"{rxPorts} receive ports and {layers} layers exceed this receiver's {_maxRx} and {_maxLayers}.");
        }

        if (layers > rxPorts)
        {
            ThrowHelper.ThrowArgument(nameof(received), $"{layers} layers cannot be separated with {rxPorts} receive port(s).");
        }

        if (received.SubcarrierCount != configuration.NSizeGrid * NrConstants.SubcarriersPerRb || received.NStartGrid != configuration.NStartGrid || received.SymbolCount < configuration.SymbolsPerSlot)
        {
            ThrowHelper.ThrowArgument(nameof(received), $"the grid ({received.NSizeGrid} blocks from CRB {received.NStartGrid}, {received.SymbolCount} symbols) does not match the carrier ({configuration.NSizeGrid} blocks from CRB {configuration.NStartGrid}, {configuration.SymbolsPerSlot} symbols).");
        }

        int m = layout.DataResourceElementCount;
        int qm = configuration.Modulation.BitsPerSymbol();
        ThrowHelper.ThrowIfLengthDiffers(llrs.Length, m * layers * qm, nameof(llrs));

        if (!channelKnown)
        {
            _estimator.Estimate(received, layout, slot, configuration.SubcarrierSpacingHz, _options.ChannelEstimator, transformPrecoding ? transformPrecodingDmrs : null, pi2Bpsk, Estimate);
        }
        EqualizeSymbols(received, layout, layers, rxPorts);
        if (_options.CompensateCommonPhaseError && layout.Ptrs is not null)
        {
            CorrectCommonPhase(layout, slot, layers);
        }

        GatherLayers(layout, layers, m);
        if (transformPrecoding)
        {
            Deprecode(layout, m);
        }

        Span<ComplexF32> symbols = _codewordSymbols.AsSpan(0, m * layers);
        Span<float> noise = _codewordNoise.AsSpan(0, m * layers);
        LayerMapper.Demap<ComplexF32>(_layerSymbols.AsSpan(0, m * layers), layers, symbols);
        LayerMapper.Demap<float>(_layerNoise.AsSpan(0, m * layers), layers, noise);

        double sinrDb = PostEqualizationSinrDb(noise);
        double evm = double.NaN;
        if (_options.MeasureEvm)
        {
            double sum = ConstellationError.SumOfSquares(symbols, noise, configuration.Modulation, 0, out int count);
            evm = count > 0 ? 100 * Math.Sqrt(sum / count) : double.NaN;
        }

        _demapper.Demodulate(symbols, noise, configuration.Modulation, llrs);
        _descrambler.Initialize(scramblingCInit);
        _descrambler.ApplySigns(llrs, llrs);
        return new SharedChannelMeasurements(Estimate.NoiseVariance, Estimate.SnrDb, sinrDb, evm, Estimate.TimingOffsetSeconds, Estimate.CarrierFrequencyOffsetHz);
    }

    /// <summary>Largest SNR (linear, 60 dB) the equalizer and demapper assume.</summary>
    private const float MaxSnr = 1e6f;

    private int Width => NrConstants.MaxPrb * NrConstants.SubcarriersPerRb;

    private Span<ComplexF32> EqualizedRow(int layer, int symbol, int length) => _equalized.AsSpan(((layer * NrConstants.SymbolsPerSlotNormalCp) + symbol) * Width, length);

    private Span<float> NoiseRow(int layer, int symbol, int length) => _postNoise.AsSpan(((layer * NrConstants.SymbolsPerSlotNormalCp) + symbol) * Width, length);

    /// <summary>
    /// Equalizes every allocated symbol that carries data or PT-RS over the whole allocation width. The noise variance is
    /// floored at <see cref="MaxSnr"/> below the channel power, so a noiseless grid still yields finite, saturated LLRs.
    /// </summary>
    private void EqualizeSymbols(ResourceGrid received, SharedChannelLayout layout, int layers, int rxPorts)
    {
        int w = layout.SubcarrierCount;
        float noiseVariance = Math.Max(Estimate.NoiseVariance, Estimate.ChannelPower / MaxSnr);
        int outputStride = NrConstants.SymbolsPerSlotNormalCp * Width;
        for (int l = layout.StartSymbol; l < layout.StartSymbol + layout.SymbolCount; l++)
        {
            if (layout.DataRuns(l).Length == 0 && ((layout.PtrsSymbolMask >> l) & 1) == 0)
            {
                continue;
            }

            for (int r = 0; r < rxPorts; r++)
            {
                SharedChannelDataMapper.ExtractAllocation(layout, received.Symbol(r, l), _received.AsSpan(r * Width, w));
            }

            ReadOnlySpan<ComplexF32> channel = Estimate.SymbolBlock(l, out int rxStride, out int layerStride);
            int offset = l * Width;
            ChannelEqualizer.Equalize(
                _options.Equalizer, _received, Width, channel, rxStride, layerStride, rxPorts, layers, w, noiseVariance,
                _equalized.AsSpan(offset), _postNoise.AsSpan(offset), outputStride);
        }
    }

    /// <summary>
    /// Common phase error per PT-RS symbol, φ_l = arg Σ x̂(k, l)·r_k* over the PT-RS elements of the associated layer,
    /// interpolated linearly across the allocated symbols (DM-RS symbols anchor φ = 0) and removed from every layer.
    /// </summary>
    private void CorrectCommonPhase(SharedChannelLayout layout, int slot, int layers)
    {
        int w = layout.SubcarrierCount;
        ReadOnlySpan<int> positions = layout.PtrsSubcarriers;
        Span<ComplexF32> reference = _ptrs.AsSpan(0, positions.Length);
        _referenceSignals.PtrsSequence(layout, slot, reference);
        int layer = layout.Ptrs!.AssociatedLayer;
        Span<int> anchors = stackalloc int[NrConstants.SymbolsPerSlotNormalCp];
        int anchorCount = 0;
        for (int l = layout.StartSymbol; l < layout.StartSymbol + layout.SymbolCount; l++)
        {
            if (((layout.PtrsSymbolMask >> l) & 1) != 0)
            {
                ReadOnlySpan<ComplexF32> row = EqualizedRow(layer, l, w);
                ReadOnlySpan<ResourceElementKind> kinds = layout.Kinds(l);
                ComplexF32 sum = ComplexF32.Zero;
                for (int i = 0; i < positions.Length; i++)
                {
                    if (kinds[positions[i]] == ResourceElementKind.Ptrs)
                    {
                        sum += ComplexF32.MultiplyConjugate(row[positions[i]], reference[i]);
                    }
                }

                _phase[l] = sum == ComplexF32.Zero ? 0f : sum.Phase;
                anchors[anchorCount++] = l;
            }
            else if (layout.DmrsLPrime(l) >= 0)
            {
                _phase[l] = 0f;
                anchors[anchorCount++] = l;
            }
        }

        for (int l = layout.StartSymbol; l < layout.StartSymbol + layout.SymbolCount; l++)
        {
            if (layout.DataRuns(l).Length == 0)
            {
                continue;
            }

            float phase = InterpolatePhase(anchors[..anchorCount], l);
            if (phase == 0f)
            {
                continue;
            }

            ComplexF32 rotation = ComplexF32.FromPolar(1, -phase);
            for (int v = 0; v < layers; v++)
            {
                Span<ComplexF32> row = EqualizedRow(v, l, w);
                ComplexKernels.Scale(row, rotation, row);
            }
        }
    }

    private float InterpolatePhase(ReadOnlySpan<int> anchors, int symbol)
    {
        if (anchors.Length == 0)
        {
            return 0f;
        }

        int after = 0;
        while (after < anchors.Length && anchors[after] < symbol)
        {
            after++;
        }

        if (after < anchors.Length && anchors[after] == symbol)
        {
            return _phase[symbol];
        }

        if (after == 0)
        {
            return _phase[anchors[0]];
        }

        if (after == anchors.Length)
        {
            return _phase[anchors[^1]];
        }

        int a = anchors[after - 1];
        int b = anchors[after];
        float w = (symbol - a) / (float)(b - a);
        // Interpolate the shortest way round.
        float delta = MathF.IEEERemainder(_phase[b] - _phase[a], 2 * MathF.PI);
        return _phase[a] + (w * delta);
    }

    /// <summary>Gathers the data elements of every symbol in mapping order into per-layer streams.</summary>
    private void GatherLayers(SharedChannelLayout layout, int layers, int m)
    {
        int w = layout.SubcarrierCount;
        for (int v = 0; v < layers; v++)
        {
            Span<ComplexF32> symbols = _layerSymbols.AsSpan(v * m, m);
            Span<float> noise = _layerNoise.AsSpan(v * m, m);
            int i = 0;
            for (int l = 0; l < layout.SymbolsPerSlot; l++)
            {
                if (layout.DataRuns(l).Length == 0)
                {
                    continue;
                }

                SharedChannelDataMapper.GatherSymbol<ComplexF32>(layout, l, EqualizedRow(v, l, w), symbols[i..]);
                i += SharedChannelDataMapper.GatherSymbol<float>(layout, l, NoiseRow(v, l, w), noise[i..]);
            }
        }
    }

    /// <summary>
    /// Inverse transform precoding per data symbol (one layer): with MMSE the unbiased estimates are re-biased by
    /// μ_k = 1/(1 + σ²_k), transformed, and unbiased by the mean gain μ̄ (noise 1/μ̄ − 1); with ZF the noise is the mean σ²_k.
    /// </summary>
    private void Deprecode(SharedChannelLayout layout, int m)
    {
        int width = layout.SubcarrierCount;
        Span<ComplexF32> symbols = _layerSymbols.AsSpan(0, m);
        Span<float> noise = _layerNoise.AsSpan(0, m);
        Span<ComplexF32> block = _block.AsSpan(0, width);
        for (int offset = 0; offset < m; offset += width)
        {
            Span<ComplexF32> x = symbols.Slice(offset, width);
            Span<float> e = noise.Slice(offset, width);
            float meanNoise = 0;
            float meanGain = 0;
            for (int k = 0; k < width; k++)
            {
                float gain = float.IsFinite(e[k]) ? 1f / (1f + e[k]) : 0f;
                meanGain += gain;
                meanNoise += float.IsFinite(e[k]) ? e[k] : 0f;
                if (_options.Equalizer == EqualizerAlgorithm.Mmse)
                {
                    x[k] *= gain;
                }
            }

            meanGain /= width;
            meanNoise /= width;
            _transformPrecoder.Deprecode(x, layout.PrbCount, block);
            float outputNoise;
            if (_options.Equalizer == EqualizerAlgorithm.Mmse)
            {
                outputNoise = meanGain > 1e-6f ? (1f / meanGain) - 1f : float.PositiveInfinity;
                ComplexKernels.Scale(block, meanGain > 1e-6f ? 1f / meanGain : 0f, x);
            }
            else
            {
                outputNoise = meanNoise;
                block.CopyTo(x);
            }

            e.Fill(outputNoise);
        }
    }

    private static double PostEqualizationSinrDb(ReadOnlySpan<float> noise)
    {
        double sum = 0;
        int count = 0;
        foreach (float e in noise)
        {
            if (float.IsFinite(e))
            {
                sum += e;
                count++;
            }
        }

        return count == 0 || sum <= 0 ? double.PositiveInfinity : -10 * Math.Log10(sum / count);
    }
}
