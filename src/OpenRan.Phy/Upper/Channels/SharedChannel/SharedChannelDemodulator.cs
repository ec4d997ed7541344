using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.ChannelEstimation;
using OpenRan.Phy.Upper.Detection;
using OpenRan.Phy.Upper.Equalization;
using OpenRan.Phy.Upper.Mimo;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.Scrambling;
using OpenRan.Phy.Upper.TransformPrecoding;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// PDSCH or PUSCH reception from resource grid to descrambled codeword LLRs, composed from the parts handed to it
/// (<see cref="SharedChannelReceiverComponents"/>), in spec order inverted: the slot's DM-RS pilots, channel estimation
/// (<see cref="IChannelEstimator"/>), MIMO equalization with post-equalization noise variance (<see cref="IChannelEqualizer"/>),
/// PT-RS common-phase-error correction, inverse transform precoding when configured, layer demapping, soft demapping
/// (<see cref="IDemodulationMapper"/>) and descrambling (TS 38.211 §7.3.1/§6.3.1 inverted). The LLRs feed the DL-SCH/UL-SCH
/// rate dematcher (TS 38.212 §7.2.6, §6.2.5).
/// </summary>
/// <remarks>
/// <para>The channels differ only by configuration values (scrambling c_init, DM-RS sequence kind, transform precoding).
/// Buffers are sized at construction for 275 PRB, 14 symbols and the given ports and layers; steady-state demodulation
/// allocates nothing. Not thread-safe.</para>
/// <para>Integrity (issue 13): before any part reads the slot, the allocation's REs (every allocated symbol and block of
/// every receive port) are copied and screened by <see cref="ComplexErasure"/>: a RE with a NaN or infinite part, or a part
/// larger in magnitude than <see cref="MaxResourceElementMagnitude"/> (1e10), is erased (set to 0: it carries no
/// information, its LLRs come out near 0) and counted in <see cref="SharedChannelMeasurements.ErasedResourceElements"/>;
/// subnormal parts are flushed to 0. The estimator, the equalizer and the demapper then only meet finite values, so no grid
/// content makes demodulation throw. Discontinuous transmission is tested on the screened DM-RS (<see cref="DtxDetector"/>):
/// the least-squares estimates y·r*/β of each receive port, DM-RS symbol, CDM group in use and resource block form one group
/// (6 REs with configuration type 1, 4 with type 2; erased REs left out; orthogonal covers of other layers cancel in the
/// group sum), and C/E, distributed Beta(G, D) under noise alone whatever its level, is compared with the threshold for
/// the false-alarm probability <see cref="DtxFalseAlarmProbability"/> (default 1e-3, <see cref="DefaultDtxFalseAlarmProbability"/>).
/// The decision is reported in <see cref="SharedChannelMeasurements.SignalDetected"/>. A slot with nothing to equalize
/// (no channel or noise energy left after screening: silence, subnormal or fully corrupt input) yields all-zero LLRs.</para>
/// </remarks>
public sealed class SharedChannelDemodulator
{
    private readonly SharedChannelLayoutCache _layouts;
    private readonly int _maxRx;
    private readonly IChannelEstimator _estimator;
    private readonly IChannelEqualizer _equalizer;
    private readonly IDemodulationMapper _demapper;
    private readonly bool _compensateCommonPhaseError;
    private readonly bool _measureEvm;
    private readonly SharedChannelReferenceSignals _referenceSignals = new();
    private readonly Scrambler _descrambler = new();
    private readonly TransformPrecoder _transformPrecoder = new();
    private readonly ComplexF32[] _received;        // [rx][W]
    private readonly ComplexF32[] _equalized;       // [layer][symbol][W]
    private readonly float[] _postNoise;            // [layer][symbol][W]
    private readonly ComplexF32[] _layerSymbols;    // [layer][M]
    private readonly float[] _layerNoise;           // [layer][M]
    private readonly ComplexF32[] _codewordSymbols; // [υ·M]
    private readonly float[] _codewordNoise;
    private readonly ComplexF32[] _block = new ComplexF32[NrConstants.MaxPrb * NrConstants.SubcarriersPerRb];
    private readonly ComplexF32[] _dmrsLeastSquares = new ComplexF32[6 * NrConstants.MaxPrb];
    private readonly ResourceGrid _screened;
    private readonly DtxDetector _dtx;
    private readonly ComplexF32[] _ptrs = new ComplexF32[NrConstants.MaxPrb];
    private readonly float[] _phase = new float[NrConstants.SymbolsPerSlotNormalCp];

    /// <summary>Creates a demodulator with the built-in parts named by <paramref name="options"/>.</summary>
    /// <param name="maxRxPorts">Receive ports, 1..8.</param>
    /// <param name="maxLayers">Layers, 1..4.</param>
    /// <param name="options">The built-in choices (default: DM-RS estimation with smoothed linear interpolation, MMSE, fastest demapper).</param>
    public SharedChannelDemodulator(int maxRxPorts = 4, int maxLayers = 4, SharedChannelReceiverOptions? options = null)
        : this(SharedChannelReceiverComponents.Create(options, maxRxPorts, maxLayers), maxRxPorts, maxLayers)
    {
    }

    /// <summary>Creates a demodulator from the given parts.</summary>
    /// <param name="components">The estimator, equalizer and demapper (the LDPC decoder is not used here).</param>
    /// <param name="maxRxPorts">Receive ports, 1..8.</param>
    /// <param name="maxLayers">Layers, 1..4.</param>
    public SharedChannelDemodulator(SharedChannelReceiverComponents components, int maxRxPorts = 4, int maxLayers = 4)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(components.Estimator, nameof(components));
        ArgumentNullException.ThrowIfNull(components.Equalizer, nameof(components));
        ArgumentNullException.ThrowIfNull(components.Demapper, nameof(components));
        ThrowHelper.ThrowIfOutside(maxRxPorts, 1, 8);
        _layouts = new SharedChannelLayoutCache(maxLayers);
        _maxRx = maxRxPorts;
        _estimator = components.Estimator;
        _equalizer = components.Equalizer;
        _demapper = components.Demapper;
        _compensateCommonPhaseError = components.CompensateCommonPhaseError;
        _measureEvm = components.MeasureEvm;
        _dtx = new DtxDetector(components.DtxFalseAlarmProbability);
        ChannelEstimate = new ChannelEstimate(maxRxPorts, maxLayers);
        Pilots = new DmrsPilots();
        const int width = NrConstants.MaxPrb * NrConstants.SubcarriersPerRb;
        const int perLayer = SharedChannelDataMapper.MaxResourceElementsPerLayer;
        _received = new ComplexF32[maxRxPorts * width];
        _screened = new ResourceGrid(maxRxPorts, NrConstants.SymbolsPerSlotNormalCp, width);
        _equalized = new ComplexF32[maxLayers * NrConstants.SymbolsPerSlotNormalCp * width];
        _postNoise = new float[maxLayers * NrConstants.SymbolsPerSlotNormalCp * width];
        _layerSymbols = new ComplexF32[maxLayers * perLayer];
        _layerNoise = new float[maxLayers * perLayer];
        _codewordSymbols = new ComplexF32[maxLayers * perLayer];
        _codewordNoise = new float[maxLayers * perLayer];
    }

    /// <summary>The default false-alarm probability of the DTX test per slot: noise alone is reported as a signal this often.</summary>
    public const double DefaultDtxFalseAlarmProbability = 1e-3;

    /// <summary>
    /// The largest |Re| and |Im| of a received RE (<see cref="ComplexErasure.DefaultMaxMagnitude"/>, 1e10: far above any
    /// unscaled DFT output of 16-bit samples); REs beyond it, or not finite, are erasures.
    /// </summary>
    public const float MaxResourceElementMagnitude = ComplexErasure.DefaultMaxMagnitude;

    /// <summary>Largest number of receive ports.</summary>
    public int MaxRxPorts => _maxRx;

    /// <summary>The probability that noise alone passes the DTX test (per slot).</summary>
    public double DtxFalseAlarmProbability => _dtx.FalseAlarmProbability;

    /// <summary>Largest number of layers.</summary>
    public int MaxLayers => _layouts.MaxLayers;

    /// <summary>The channel estimator in use.</summary>
    public IChannelEstimator Estimator => _estimator;

    /// <summary>The equalizer in use.</summary>
    public IChannelEqualizer Equalizer => _equalizer;

    /// <summary>The soft demapper in use.</summary>
    public IDemodulationMapper Demapper => _demapper;

    /// <summary>The channel estimate of the last demodulated slot.</summary>
    public ChannelEstimate ChannelEstimate { get; }

    /// <summary>The DM-RS pilot values of the last demodulated slot.</summary>
    public DmrsPilots Pilots { get; }

    /// <summary>The layout of a configuration (validated on first use, then cached).</summary>
    public SharedChannelLayout Layout(SharedChannelConfiguration configuration) => _layouts.Get(configuration);

    /// <summary>G, the number of LLRs the configuration carries in a slot: M_symb^layer·υ·Q_m.</summary>
    public int CodewordLength(SharedChannelConfiguration configuration) => configuration.CodewordLength(Layout(configuration));

    /// <summary>The transport-block coding parameters of a configuration.</summary>
    public SharedChannelCodingParameters CodingParameters(SharedChannelConfiguration configuration) => configuration.CodingParameters(Layout(configuration));

    /// <summary>Demodulates one slot into its G descrambled codeword LLRs.</summary>
    /// <param name="configuration">The PDSCH or PUSCH configuration.</param>
    /// <param name="received">The received grid: one port per receive antenna, the carrier's dimensions.</param>
    /// <param name="slot">n_s,f^μ.</param>
    /// <param name="llrs">Receives the G descrambled codeword LLRs (int8, positive favours 0).</param>
    public SharedChannelMeasurements Demodulate(SharedChannelConfiguration configuration, ResourceGrid received, int slot, Span<sbyte> llrs)
    {
        ArgumentNullException.ThrowIfNull(received);
        SharedChannelLayout layout = _layouts.Prepare(configuration, slot);
        CheckReceivedGrid(configuration, received);
        int rxPorts = received.PortCount;
        int layers = configuration.LayerCount;
        int m = layout.DataResourceElementCount;
        ThrowHelper.ThrowIfLengthDiffers(llrs.Length, m * layers * configuration.Modulation.BitsPerSymbol(), nameof(llrs));

        // Every part reads the screened copy of the allocation: non-finite and absurd REs erased, subnormal parts flushed.
        int erased = Screen(configuration, received, layout);
        ResourceGrid screened = _screened;
        _referenceSignals.FillPilots(layout, slot, configuration.DmrsSequence, configuration.LowPaprDmrs, Pilots);
        _estimator.Estimate(screened, layout.DmrsPattern, Pilots, ChannelEstimate);
        DtxDecision dtx = DetectTransmission(layout.DmrsPattern, rxPorts);
        ChannelEstimate estimate = ChannelEstimate;
        float noiseVariance = MathF.Max(estimate.NoiseVariance, estimate.ChannelPower / MaxSnr);
        if (!(noiseVariance > 0 && float.IsFinite(noiseVariance) && estimate.ChannelPower > 0 && float.IsFinite(estimate.ChannelPower)))
        {
            // Nothing to equalize (silence, subnormal or wholly corrupt input, or a custom estimator's non-finite output): no information.
            llrs.Clear();
            return new SharedChannelMeasurements(
                estimate.NoiseVariance, estimate.SnrDb, double.NegativeInfinity, double.NaN, estimate.TimingOffsetSeconds, estimate.CarrierFrequencyOffsetHz, erased, dtx.SignalPresent, dtx.Metric, dtx.Threshold);
        }

        EqualizeSymbols(screened, layout, layers, rxPorts, noiseVariance);
        if (_compensateCommonPhaseError && layout.Ptrs is not null)
        {
            CorrectCommonPhase(layout, slot, layers);
        }

        GatherLayers(layout, layers, m);
        if (configuration.IsTransformPrecoded)
        {
            Deprecode(layout, m);
        }

        // One layer is its own codeword order: no layer demapping copy.
        Span<ComplexF32> symbols = layers == 1 ? _layerSymbols.AsSpan(0, m) : _codewordSymbols.AsSpan(0, m * layers);
        Span<float> noise = layers == 1 ? _layerNoise.AsSpan(0, m) : _codewordNoise.AsSpan(0, m * layers);
        if (layers > 1)
        {
            LayerMapper.Demap<ComplexF32>(_layerSymbols.AsSpan(0, m * layers), layers, symbols);
            LayerMapper.Demap<float>(_layerNoise.AsSpan(0, m * layers), layers, noise);
        }

        double sinrDb = PostEqualizationSinrDb(noise);
        double evm = double.NaN;
        if (_measureEvm)
        {
            double sum = ConstellationError.SumOfSquares(symbols, noise, configuration.Modulation, 0, out int count);
            evm = count > 0 ? 100 * Math.Sqrt(sum / count) : double.NaN;
        }

        _demapper.Demodulate(symbols, noise, configuration.Modulation, llrs);
        _descrambler.Descramble(configuration.ScramblingCInit, llrs, llrs);
        return new SharedChannelMeasurements(
            estimate.NoiseVariance, estimate.SnrDb, sinrDb, evm, estimate.TimingOffsetSeconds, estimate.CarrierFrequencyOffsetHz, erased, dtx.SignalPresent, dtx.Metric, dtx.Threshold);
    }

    /// <summary>
    /// Copies the allocation (allocated symbols × allocated blocks of every receive port) of <paramref name="received"/> into
    /// the screened grid and erases its non-finite and absurd REs; returns how many were erased.
    /// </summary>
    private int Screen(SharedChannelConfiguration configuration, ResourceGrid received, SharedChannelLayout layout)
    {
        int rxPorts = received.PortCount;
        ResourceGrid screened = _screened;
        if (screened.PortCount != rxPorts || screened.SymbolCount != configuration.SymbolsPerSlot || screened.SubcarrierCount != received.SubcarrierCount || screened.NStartGrid != received.NStartGrid)
        {
            screened.Configure(rxPorts, configuration.SymbolsPerSlot, received.NSizeGrid, received.NStartGrid);
        }

        int erased = 0;
        for (int r = 0; r < rxPorts; r++)
        {
            for (int l = layout.StartSymbol; l < layout.StartSymbol + layout.SymbolCount; l++)
            {
                ReadOnlySpan<ComplexF32> source = received.Symbol(r, l);
                Span<ComplexF32> destination = screened.Symbol(r, l);
                foreach ((int first, int count) in layout.Clusters)
                {
                    int k0 = layout.GridSubcarrierOfBlock(first);
                    int length = count * NrConstants.SubcarriersPerRb;
                    erased += ComplexErasure.Erase(source.Slice(k0, length), destination.Slice(k0, length), MaxResourceElementMagnitude);
                }
            }
        }

        return erased;
    }

    /// <summary>
    /// The DTX test on the screened DM-RS: one <see cref="DtxDetector"/> group per receive port, DM-RS symbol, CDM group in
    /// use and resource block, of the least-squares estimates y·r*/β (see the remarks).
    /// </summary>
    private DtxDecision DetectTransmission(DmrsPattern pattern, int rxPorts)
    {
        int perBlock = pattern.ResourceElementsPerBlock;
        int sequenceLength = perBlock * pattern.BlockCount;
        Span<ComplexF32> z = _dmrsLeastSquares.AsSpan(0, sequenceLength);
        _dtx.Reset();
        for (int r = 0; r < rxPorts; r++)
        {
            for (int o = 0; o < pattern.OccasionCount; o++)
            {
                for (int lp = 0; lp < pattern.OccasionLength; lp++)
                {
                    ReadOnlySpan<ComplexF32> row = _screened.Symbol(r, pattern.OccasionSymbols[o] + lp);
                    for (int g = 0; g < DmrsPattern.MaxCdmGroups; g++)
                    {
                        if (!pattern.GroupInUse(g))
                        {
                            continue;
                        }

                        DmrsChannelEstimator.LeastSquares(row, pattern, g, Pilots.Values(o, lp, g, sequenceLength), z);
                        for (int b = 0; b < pattern.BlockCount; b++)
                        {
                            _dtx.AddGroup(z.Slice(b * perBlock, perBlock));
                        }
                    }
                }
            }
        }

        return _dtx.Decide();
    }

    /// <summary>Checks the received grid against this demodulator and the configuration's carrier.</summary>
    private void CheckReceivedGrid(SharedChannelConfiguration configuration, ResourceGrid received)
    {
        int rxPorts = received.PortCount;
        int layers = configuration.LayerCount;
        if (rxPorts > _maxRx)
        {
            ThrowHelper.ThrowArgument(nameof(received), $"{rxPorts} receive ports exceed this receiver's {_maxRx}.");
        }

        if (layers > rxPorts)
        {
            ThrowHelper.ThrowArgument(nameof(received), $"{layers} layers cannot be separated with {rxPorts} receive port(s).");
        }

        if (received.SubcarrierCount != configuration.NSizeGrid * NrConstants.SubcarriersPerRb || received.NStartGrid != configuration.NStartGrid || received.SymbolCount < configuration.SymbolsPerSlot)
        {
            ThrowHelper.ThrowArgument(nameof(received), $"the grid ({received.NSizeGrid} blocks from CRB {received.NStartGrid}, {received.SymbolCount} symbols) does not match the carrier ({configuration.NSizeGrid} blocks from CRB {configuration.NStartGrid}, {configuration.SymbolsPerSlot} symbols).");
        }
    }

    /// <summary>Largest SNR (linear, 60 dB) the equalizer and demapper assume.</summary>
    private const float MaxSnr = 1e6f;

    private int Width => NrConstants.MaxPrb * NrConstants.SubcarriersPerRb;

    private Span<ComplexF32> EqualizedRow(int layer, int symbol, int length) => _equalized.AsSpan(((layer * NrConstants.SymbolsPerSlotNormalCp) + symbol) * Width, length);

    private Span<float> NoiseRow(int layer, int symbol, int length) => _postNoise.AsSpan(((layer * NrConstants.SymbolsPerSlotNormalCp) + symbol) * Width, length);

    /// <summary>
    /// Equalizes every allocated symbol that carries data or PT-RS over the whole allocation width. The caller floors the
    /// noise variance at <see cref="MaxSnr"/> below the channel power, so a noiseless grid still yields finite, saturated LLRs.
    /// </summary>
    private void EqualizeSymbols(ResourceGrid received, SharedChannelLayout layout, int layers, int rxPorts, float noiseVariance)
    {
        int w = layout.SubcarrierCount;
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

            ReadOnlySpan<ComplexF32> channel = ChannelEstimate.SymbolBlock(l, out int rxStride, out int layerStride);
            int offset = l * Width;
            _equalizer.Equalize(
                new ChannelEqualizerInput(_received, Width, channel, rxStride, layerStride, rxPorts, layers, w, noiseVariance),
                new ChannelEqualizerOutput(_equalized.AsSpan(offset), _postNoise.AsSpan(offset), outputStride, w));
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
        bool mmse = _equalizer.Algorithm == EqualizerAlgorithm.Mmse;
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
                if (mmse)
                {
                    x[k] *= gain;
                }
            }

            meanGain /= width;
            meanNoise /= width;
            _transformPrecoder.Deprecode(x, layout.PrbCount, block);
            float outputNoise;
            if (mmse)
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

    /// <summary>
    /// −10·log10 of the mean finite post-equalization noise variance (+∞ without one), bit for bit the sequential double sum
    /// of <see cref="PostEqualizationSinrDbScalar"/>.
    /// </summary>
    /// <remarks>
    /// The vector path sums in four double lanes and also finds the smallest and largest float exponent of the finite
    /// non-zero values. Every float is a multiple of the smallest one's ulp, 2^(e_min − 150), and every partial sum (in any
    /// order) is below n·2^(e_max − 126); when that span fits the 53-bit double mantissa, every addition is exact in both
    /// orders and the sums agree bit for bit. Otherwise the scalar loop decides.
    /// </remarks>
    internal static double PostEqualizationSinrDb(ReadOnlySpan<float> noise)
    {
        if (!Vector256.IsHardwareAccelerated || noise.Length < 2 * Vector256<float>.Count)
        {
            return PostEqualizationSinrDbScalar(noise);
        }

        ref float origin = ref MemoryMarshal.GetReference(noise);
        Vector256<int> exponentMask = Vector256.Create(0x7F80_0000);
        Vector256<int> magnitudeMask = Vector256.Create(int.MaxValue);
        Vector256<double> sumLow = Vector256<double>.Zero;
        Vector256<double> sumHigh = Vector256<double>.Zero;
        Vector256<int> minExponent = Vector256.Create(255);
        Vector256<int> maxExponent = Vector256<int>.Zero;
        Vector256<int> finiteCount = Vector256<int>.Zero;
        int i = 0;
        for (; i <= noise.Length - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            Vector256<float> value = Vector256.LoadUnsafe(ref origin, (nuint)i);
            Vector256<int> bits = value.AsInt32();
            Vector256<int> finite = ~Vector256.Equals(bits & exponentMask, exponentMask);
            Vector256<int> nonZero = ~Vector256.Equals(bits & magnitudeMask, Vector256<int>.Zero);
            Vector256<int> counted = finite & nonZero;

            // Subnormals have the ulp of exponent field 1.
            Vector256<int> exponent = Vector256.Max(Vector256.ShiftRightLogical(bits & exponentMask, 23), Vector256<int>.One);
            minExponent = Vector256.Min(minExponent, Vector256.ConditionalSelect(counted, exponent, Vector256.Create(255)));
            maxExponent = Vector256.Max(maxExponent, exponent & counted);
            finiteCount -= finite;
            Vector256<float> kept = (value.AsInt32() & finite).AsSingle();
            (Vector256<double> low, Vector256<double> high) = Vector256.Widen(kept);
            sumLow += low;
            sumHigh += high;
        }

        int low0 = 255, high0 = 0, count = Vector256.Sum(finiteCount);
        for (int lane = 0; lane < Vector256<int>.Count; lane++)
        {
            low0 = Math.Min(low0, minExponent[lane]);
            high0 = Math.Max(high0, maxExponent[lane]);
        }

        double sum = Vector256.Sum(sumLow + sumHigh);
        for (; i < noise.Length; i++)
        {
            float e = noise[i];
            if (float.IsFinite(e))
            {
                int bits = BitConverter.SingleToInt32Bits(e) & int.MaxValue;
                if (bits != 0)
                {
                    int exponent = Math.Max(bits >> 23, 1);
                    low0 = Math.Min(low0, exponent);
                    high0 = Math.Max(high0, exponent);
                }

                sum += e;
                count++;
            }
        }

        // Bits the exact sum can need: from the smallest ulp 2^(low0 − 150) up to n·2^(high0 − 126).
        int span = high0 < low0 ? 0 : high0 - low0 + 24 + (32 - System.Numerics.BitOperations.LeadingZeroCount((uint)noise.Length));
        if (span > 53)
        {
            return PostEqualizationSinrDbScalar(noise);
        }

        return count == 0 || sum <= 0 ? double.PositiveInfinity : -10 * Math.Log10(sum / count);
    }

    /// <summary>The scalar reference of <see cref="PostEqualizationSinrDb"/>: finite values summed in order in double.</summary>
    internal static double PostEqualizationSinrDbScalar(ReadOnlySpan<float> noise)
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
