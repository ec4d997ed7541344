using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.ChannelEstimation;

/// <summary>
/// Per-port channel estimation from DM-RS: least squares on the DM-RS resource elements, OCC despreading of the CDM group
/// (w_f over k′ pairs, w_t over l′), timing-offset compensation, frequency interpolation (smoothed linear or Wiener),
/// time interpolation across DM-RS symbols, and noise-variance, SNR, timing-offset and carrier-frequency-offset
/// measurements. Works on any <see cref="DmrsPattern"/> (PDSCH, PUSCH, with or without transform precoding).
/// </summary>
/// <remarks>
/// <para>The steps, each a method of its own: <see cref="LeastSquares"/> z(m) = y(k_m, l)·r*(m)/β for the group's elements m;
/// <see cref="Despread"/> ĥ_p(n) = (1/(2L′))·Σ_{l′,k′} w_t(l′)w_f(k′)·z_{l′}(2n + k′), located at the pair centre (every 4
/// subcarriers for type 1, every 6 for type 2); <see cref="PairCorrelation"/> for the timing offset: θ = arg Σ ĥ(n+1)ĥ*(n) /
/// spacing is the phase slope per subcarrier, τ = −θ/(2πΔf), and z is de-rotated by e^{−jθk} before despreading,
/// smoothing and interpolation, the result re-rotated by e^{jθk}; <see cref="GroupResidual"/> for the noise: the residual
/// z − Σ_p w_t w_f ĥ̄_p against 3-pilot moving averages ĥ̄ (centred, so a linear channel variation cancels), each element
/// divided by its bias (1 − P/(c·D)) for P ports, c averaged pilots and D = 2L′ despread elements, gives σ²/β² (σ² of the
/// data elements); <see cref="InterpolateLinear"/> or the Wiener filter across frequency; <see cref="FrequencyOffsetPhase"/>
/// φ = arg Σ ĥ_{o+1}(n)ĥ_o*(n)/Δl between DM-RS positions Δl symbols apart (magnitude-weighted over the neighbouring
/// pairs), f = φ/(2π·T_symb) with T_symb the mean symbol duration of the numerology; <see cref="InterpolateTime"/>.</para>
/// <para>Buffers are sized at construction for 275 PRB, the given ports and layers, 4 DM-RS positions; estimation
/// allocates nothing (the Wiener option plans its filters on first use of each pilot pattern and SNR bin). Not thread-safe.</para>
/// </remarks>
public sealed class DmrsChannelEstimator : IChannelEstimator
{
    /// <summary>The name of least squares with smoothed linear frequency interpolation.</summary>
    public const string LinearName = "ls-linear";

    /// <summary>The name of least squares with Wiener frequency interpolation.</summary>
    public const string WienerName = "wiener";

    private const int MaxOccasions = DmrsPattern.MaxOccasions;
    private const int MaxSequence = 6 * NrConstants.MaxPrb; // DM-RS elements of one CDM group in one symbol
    private const int MaxPairs = MaxSequence / 2;
    private const int MaxGroups = DmrsPattern.MaxCdmGroups;
    private const int NoiseWindow = 3;

    private readonly int _maxRx;
    private readonly int _maxLayers;
    private readonly ComplexF32[] _z;
    private readonly ComplexF32[] _pilots;
    private readonly ComplexF32[] _smoothed = new ComplexF32[4 * MaxPairs];
    private readonly ComplexF32[] _occasionRows;
    private readonly ComplexF32[] _blockRotation = new ComplexF32[NrConstants.MaxPrb];
    private readonly ComplexF32[] _subcarrierRotation = new ComplexF32[NrConstants.SubcarriersPerRb];
    private readonly WienerInterpolator _wiener = new();

    /// <summary>Creates an estimator for up to <paramref name="maxRxPorts"/> receive ports and <paramref name="maxLayers"/> layers.</summary>
    /// <param name="maxRxPorts">Receive ports, 1..8.</param>
    /// <param name="maxLayers">Layers, 1..4.</param>
    /// <param name="options">Interpolation and compensation options (validated here).</param>
    public DmrsChannelEstimator(int maxRxPorts = 4, int maxLayers = 4, ChannelEstimatorOptions? options = null)
    {
        ThrowHelper.ThrowIfOutside(maxRxPorts, 1, 8);
        ThrowHelper.ThrowIfOutside(maxLayers, 1, 4);
        Options = options ?? new ChannelEstimatorOptions();
        var problems = Options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid channel estimator options: {string.Join("; ", problems)}.", nameof(options));
        }

        _maxRx = maxRxPorts;
        _maxLayers = maxLayers;
        _z = new ComplexF32[maxRxPorts * MaxOccasions * 2 * MaxGroups * MaxSequence];
        _pilots = new ComplexF32[maxRxPorts * maxLayers * MaxOccasions * MaxPairs];
        _occasionRows = new ComplexF32[maxRxPorts * maxLayers * MaxOccasions * NrConstants.MaxPrb * NrConstants.SubcarriersPerRb];
    }

    /// <summary>The estimation options.</summary>
    public ChannelEstimatorOptions Options { get; }

    /// <inheritdoc />
    public string Name => Options.FrequencyInterpolation == FrequencyInterpolation.Wiener ? WienerName : LinearName;

    /// <inheritdoc />
    public void Estimate(ResourceGrid received, DmrsPattern pattern, DmrsPilots pilots, ChannelEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(pilots);
        ArgumentNullException.ThrowIfNull(estimate);
        int rxPorts = received.PortCount;
        int layers = pattern.LayerCount;
        if (rxPorts > _maxRx || layers > _maxLayers)
        {
            ThrowHelper.ThrowArgument(nameof(received), $"{rxPorts} receive ports and {layers} layers exceed the estimator's {_maxRx} and {_maxLayers}.");
        }

        estimate.Reset(rxPorts, layers, pattern.SubcarrierCount);
        ComplexF32 timing = DespreadAll(received, pattern, pilots);
        float theta = timing == ComplexF32.Zero ? 0f : timing.Phase / pattern.PilotSpacing;
        estimate.TimingOffsetSeconds = -theta / (2 * Math.PI * pattern.SubcarrierSpacingHz);
        if (theta != 0f)
        {
            CompensateTimingOffset(pattern, rxPorts, theta);
        }

        EstimateNoise(pattern, rxPorts, estimate);
        InterpolateFrequency(pattern, rxPorts, theta, estimate);
        if (pattern.OccasionCount > 1)
        {
            estimate.CarrierFrequencyOffsetHz = FrequencyOffsetHz(pattern, rxPorts);
            estimate.HasCarrierFrequencyOffset = true;
        }

        InterpolateTime(pattern, rxPorts, estimate);
    }

    /// <summary>
    /// Least squares on one CDM group of one symbol: z(m) = y(k_m)·r*(m)/β for the group's elements m in allocation order,
    /// k_m = block start + Δ_λ + <see cref="DmrsPattern.ResourceElementOffset(int)"/>(m mod P).
    /// </summary>
    /// <param name="row">The received symbol (grid subcarriers).</param>
    /// <param name="pattern">The pattern.</param>
    /// <param name="group">λ.</param>
    /// <param name="reference">r: P values per block.</param>
    /// <param name="z">Receives P values per block.</param>
    internal static void LeastSquares(ReadOnlySpan<ComplexF32> row, DmrsPattern pattern, int group, ReadOnlySpan<ComplexF32> reference, Span<ComplexF32> z)
    {
        int perBlock = pattern.ResourceElementsPerBlock;
        float inverseBeta = 1f / pattern.Amplitude;
        int delta = pattern.GroupShift(group);
        for (int b = 0; b < pattern.BlockCount; b++)
        {
            int k0 = pattern.BlockFirstSubcarrier(b) + delta;
            for (int j = 0; j < perBlock; j++)
            {
                int m = (b * perBlock) + j;
                z[m] = ComplexF32.MultiplyConjugate(row[k0 + pattern.ResourceElementOffset(j)], reference[m]) * inverseBeta;
            }
        }
    }

    /// <summary>
    /// OCC despreading for one layer: ĥ(n) = (1/(2L′))·Σ_{l′} w_t(l′)·(z_{l′}(2n) + w_f(1)·z_{l′}(2n + 1)) over the pairs n.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="layer">v.</param>
    /// <param name="z0">z of the layer's CDM group in the occasion's first symbol (2 per pair).</param>
    /// <param name="z1">z in the second symbol (double-symbol DM-RS), else empty.</param>
    /// <param name="pilots">Receives one value per pair.</param>
    internal static void Despread(DmrsPattern pattern, int layer, ReadOnlySpan<ComplexF32> z0, ReadOnlySpan<ComplexF32> z1, Span<ComplexF32> pilots)
    {
        int lengthPrime = pattern.OccasionLength;
        float scale = 1f / (2 * lengthPrime);
        float oddSign = pattern.FrequencyCover(layer, 1);
        pilots.Clear();
        for (int lp = 0; lp < lengthPrime; lp++)
        {
            float time = pattern.TimeCover(layer, lp) * scale;
            ReadOnlySpan<ComplexF32> z = lp == 0 ? z0 : z1;
            for (int n = 0; n < pilots.Length; n++)
            {
                pilots[n] += (z[2 * n] + (z[(2 * n) + 1] * oddSign)) * time;
            }
        }
    }

    /// <summary>Σ ĥ(n+1)·ĥ*(n) over neighbouring pairs of the same cluster of contiguous blocks (the timing-offset correlation).</summary>
    internal static ComplexF32 PairCorrelation(DmrsPattern pattern, ReadOnlySpan<ComplexF32> pilots)
    {
        int pairsPerBlock = pattern.PilotsPerBlock;
        ComplexF32 sum = ComplexF32.Zero;
        foreach ((int first, int count) in pattern.Clusters)
        {
            ReadOnlySpan<ComplexF32> cluster = pilots.Slice(first * pairsPerBlock, count * pairsPerBlock);
            sum += ComplexKernels.DotConjugate(cluster[1..], cluster[..^1]);
        }

        return sum;
    }

    /// <summary>
    /// Moving average of <paramref name="window"/> pilots, then linear interpolation to every allocated subcarrier, flat
    /// beyond the outer pilots of each cluster.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="pilots">One value per pair of the layer's CDM group.</param>
    /// <param name="group">λ, which places the pairs.</param>
    /// <param name="window">Odd moving-average length, 1 = none.</param>
    /// <param name="scratch">At least the pairs of the largest cluster.</param>
    /// <param name="output">Receives one value per allocated subcarrier.</param>
    internal static void InterpolateLinear(DmrsPattern pattern, ReadOnlySpan<ComplexF32> pilots, int group, int window, Span<ComplexF32> scratch, Span<ComplexF32> output)
    {
        int pairsPerBlock = pattern.PilotsPerBlock;
        float spacing = pattern.PilotSpacing;
        float firstOffset = pattern.FirstPilotSubcarrier(group);
        foreach ((int first, int blocks) in pattern.Clusters)
        {
            int count = blocks * pairsPerBlock;
            ReadOnlySpan<ComplexF32> cluster = pilots.Slice(first * pairsPerBlock, count);
            Span<ComplexF32> smoothed = scratch[..count];
            MovingAverage(cluster, window, smoothed);
            Span<ComplexF32> rowPart = output.Slice(first * NrConstants.SubcarriersPerRb, blocks * NrConstants.SubcarriersPerRb);
            for (int x = 0; x < rowPart.Length; x++)
            {
                float f = (x - firstOffset) / spacing;
                if (count == 1 || f <= 0)
                {
                    rowPart[x] = smoothed[0];
                    continue;
                }

                if (f >= count - 1)
                {
                    rowPart[x] = smoothed[count - 1];
                    continue;
                }

                int i = (int)f;
                float w = f - i;
                rowPart[x] = (smoothed[i] * (1 - w)) + (smoothed[i + 1] * w);
            }
        }
    }

    /// <summary>destination[n] = mean of source over the window centred on n, shortened at the ends (running sum).</summary>
    internal static void MovingAverage(ReadOnlySpan<ComplexF32> source, int window, Span<ComplexF32> destination)
    {
        int half = window / 2;
        int length = source.Length;
        if (half == 0 || length <= 1)
        {
            source.CopyTo(destination);
            return;
        }

        // Sum of source[lo..hi], updated as the window slides (a handful of terms, so rounding does not build up).
        ComplexF32 sum = ComplexF32.Zero;
        int lo = 0, hi = -1;
        for (int n = 0; n < length; n++)
        {
            int newLo = Math.Max(0, n - half);
            int newHi = Math.Min(length - 1, n + half);
            while (hi < newHi)
            {
                sum += source[++hi];
            }

            while (lo < newLo)
            {
                sum -= source[lo++];
            }

            destination[n] = sum * (1f / (newHi - newLo + 1));
        }
    }

    /// <summary>
    /// The phase change per symbol between neighbouring DM-RS positions, arg(Σ ĥ_{o+1}ĥ_o*)/Δl, weighted by |Σ| over the
    /// pairs of positions; returns (Σ weight·phase, Σ weight).
    /// </summary>
    /// <param name="correlations">Σ over links of ĥ_{o+1}·ĥ_o* for every pair of neighbouring occasions o, o + 1.</param>
    /// <param name="occasionSymbols">The symbol of every occasion.</param>
    internal static double FrequencyOffsetPhase(ReadOnlySpan<ComplexF32> correlations, ReadOnlySpan<int> occasionSymbols)
    {
        double weighted = 0, weights = 0;
        for (int o = 0; o < correlations.Length; o++)
        {
            ComplexF32 correlation = correlations[o];
            double magnitude = correlation.Magnitude;
            weighted += magnitude * correlation.Phase / (occasionSymbols[o + 1] - occasionSymbols[o]);
            weights += magnitude;
        }

        return weights > 0 ? weighted / weights : 0;
    }

    /// <summary>Least squares on every DM-RS element, despreading of every layer, and the timing-offset correlation (when enabled).</summary>
    private ComplexF32 DespreadAll(ResourceGrid received, DmrsPattern pattern, DmrsPilots reference)
    {
        int sequenceLength = pattern.ResourceElementsPerBlock * pattern.BlockCount;
        ComplexF32 timing = ComplexF32.Zero;
        for (int r = 0; r < received.PortCount; r++)
        {
            for (int o = 0; o < pattern.OccasionCount; o++)
            {
                for (int lp = 0; lp < pattern.OccasionLength; lp++)
                {
                    ReadOnlySpan<ComplexF32> row = received.Symbol(r, pattern.OccasionSymbols[o] + lp);
                    for (int g = 0; g < MaxGroups; g++)
                    {
                        if (pattern.GroupInUse(g))
                        {
                            LeastSquares(row, pattern, g, reference.Values(o, lp, g, sequenceLength), ZRow(r, o, lp, g, sequenceLength));
                        }
                    }
                }

                DespreadOccasion(pattern, r, o);
                if (Options.CompensateTimingOffset)
                {
                    for (int v = 0; v < pattern.LayerCount; v++)
                    {
                        timing += PairCorrelation(pattern, PilotRow(r, v, o, PairCount(pattern)));
                    }
                }
            }
        }

        return timing;
    }

    /// <summary>De-rotates z by e^{−jθk} and despreads again.</summary>
    private void CompensateTimingOffset(DmrsPattern pattern, int rxPorts, float theta)
    {
        int sequenceLength = pattern.ResourceElementsPerBlock * pattern.BlockCount;
        PrepareRotation(pattern, -theta);
        for (int r = 0; r < rxPorts; r++)
        {
            for (int o = 0; o < pattern.OccasionCount; o++)
            {
                for (int lp = 0; lp < pattern.OccasionLength; lp++)
                {
                    for (int g = 0; g < MaxGroups; g++)
                    {
                        if (pattern.GroupInUse(g))
                        {
                            Rotate(pattern, ZRow(r, o, lp, g, sequenceLength), pattern.GroupShift(g));
                        }
                    }
                }

                DespreadOccasion(pattern, r, o);
            }
        }
    }

    /// <summary>Noise variance per receive port and mean, from the residual against the smoothed pilots.</summary>
    private void EstimateNoise(DmrsPattern pattern, int rxPorts, ChannelEstimate estimate)
    {
        float beta = pattern.Amplitude;
        float noiseTotal = 0;
        for (int r = 0; r < rxPorts; r++)
        {
            float sum = 0;
            int count = 0;
            for (int o = 0; o < pattern.OccasionCount; o++)
            {
                for (int g = 0; g < MaxGroups; g++)
                {
                    if (pattern.GroupInUse(g))
                    {
                        (float s, int c) = GroupResidual(pattern, r, o, g);
                        sum += s;
                        count += c;
                    }
                }
            }

            float noise = count > 0 ? sum / count * beta * beta : 0f;
            estimate.SetNoise(r, noise);
            noiseTotal += noise;
        }

        estimate.NoiseVariance = noiseTotal / rxPorts;
    }

    /// <summary>Frequency interpolation of every occasion of every link (re-rotated by e^{jθk}), and the mean channel power.</summary>
    private void InterpolateFrequency(DmrsPattern pattern, int rxPorts, float theta, ChannelEstimate estimate)
    {
        if (theta != 0f)
        {
            PrepareRotation(pattern, theta);
        }

        float beta = pattern.Amplitude;
        int layers = pattern.LayerCount;
        int occasions = pattern.OccasionCount;
        int width = pattern.SubcarrierCount;
        float pilotNoise = estimate.NoiseVariance / (beta * beta * 2 * pattern.OccasionLength);
        double power = 0;
        for (int r = 0; r < rxPorts; r++)
        {
            for (int v = 0; v < layers; v++)
            {
                int group = pattern.CdmGroup(v);
                for (int o = 0; o < occasions; o++)
                {
                    Span<ComplexF32> output = OccasionRow(r, v, o, width);
                    ReadOnlySpan<ComplexF32> pilots = PilotRow(r, v, o, PairCount(pattern));
                    if (Options.FrequencyInterpolation == FrequencyInterpolation.Wiener)
                    {
                        _wiener.Interpolate(pattern, pilots, group, pilotNoise, Options.DelaySpreadSeconds, Options.WienerTaps, output);
                    }
                    else
                    {
                        InterpolateLinear(pattern, pilots, group, Options.SmoothingWindow, _smoothed, output);
                    }

                    if (theta != 0f)
                    {
                        RotateAllocation(pattern, output);
                    }

                    power += ComplexKernels.SumOfMagnitudesSquared(output);
                }
            }
        }

        estimate.ChannelPower = (float)(power / ((double)rxPorts * layers * occasions * width));
    }

    /// <summary>The carrier frequency offset from the phase change between neighbouring DM-RS positions, in Hz.</summary>
    private double FrequencyOffsetHz(DmrsPattern pattern, int rxPorts)
    {
        Span<ComplexF32> correlations = stackalloc ComplexF32[MaxOccasions - 1];
        int pairs = PairCount(pattern);
        for (int o = 0; o + 1 < pattern.OccasionCount; o++)
        {
            ComplexF32 correlation = ComplexF32.Zero;
            for (int r = 0; r < rxPorts; r++)
            {
                for (int v = 0; v < pattern.LayerCount; v++)
                {
                    correlation += ComplexKernels.DotConjugate(PilotRow(r, v, o + 1, pairs), PilotRow(r, v, o, pairs));
                }
            }

            correlations[o] = correlation;
        }

        double phasePerSymbol = FrequencyOffsetPhase(correlations[..(pattern.OccasionCount - 1)], pattern.OccasionSymbols);
        double symbolSeconds = 1e-3 * 15e3 / (pattern.SubcarrierSpacingHz * pattern.SymbolsPerSlot);
        return phasePerSymbol / (2 * Math.PI * symbolSeconds);
    }

    private static int PairCount(DmrsPattern pattern) => pattern.PilotsPerBlock * pattern.BlockCount;

    private Span<ComplexF32> ZRow(int rx, int occasion, int lPrime, int group, int length) =>
        _z.AsSpan(((((((rx * MaxOccasions) + occasion) * 2) + lPrime) * MaxGroups) + group) * MaxSequence, length);

    private Span<ComplexF32> PilotRow(int rx, int layer, int occasion, int pairs) =>
        _pilots.AsSpan(((((rx * _maxLayers) + layer) * MaxOccasions) + occasion) * MaxPairs, pairs);

    private Span<ComplexF32> OccasionRow(int rx, int layer, int occasion, int width) =>
        _occasionRows.AsSpan(((((rx * _maxLayers) + layer) * MaxOccasions) + occasion) * NrConstants.MaxPrb * NrConstants.SubcarriersPerRb, width);

    /// <summary>Despreads every layer of receive port r at occasion o.</summary>
    private void DespreadOccasion(DmrsPattern pattern, int r, int o)
    {
        int pairs = PairCount(pattern);
        for (int v = 0; v < pattern.LayerCount; v++)
        {
            int g = pattern.CdmGroup(v);
            ReadOnlySpan<ComplexF32> z1 = pattern.OccasionLength == 2 ? ZRow(r, o, 1, g, 2 * pairs) : default;
            Despread(pattern, v, ZRow(r, o, 0, g, 2 * pairs), z1, PilotRow(r, v, o, pairs));
        }
    }

    /// <summary>Tables for e^{jφk}: k = block start + offset, φ the given slope per subcarrier.</summary>
    private void PrepareRotation(DmrsPattern pattern, float slope)
    {
        for (int b = 0; b < pattern.BlockCount; b++)
        {
            _blockRotation[b] = ComplexF32.FromPolar(1, (double)slope * pattern.BlockFirstSubcarrier(b));
        }

        for (int k = 0; k < NrConstants.SubcarriersPerRb; k++)
        {
            _subcarrierRotation[k] = ComplexF32.FromPolar(1, (double)slope * k);
        }
    }

    /// <summary>z(m) ·= e^{jφk_m} for the DM-RS elements of one CDM group.</summary>
    private void Rotate(DmrsPattern pattern, Span<ComplexF32> z, int delta)
    {
        int perBlock = pattern.ResourceElementsPerBlock;
        for (int b = 0; b < pattern.BlockCount; b++)
        {
            for (int j = 0; j < perBlock; j++)
            {
                z[(b * perBlock) + j] *= _blockRotation[b] * _subcarrierRotation[delta + pattern.ResourceElementOffset(j)];
            }
        }
    }

    /// <summary>row(a) ·= e^{jφk_a} over the allocation.</summary>
    private void RotateAllocation(DmrsPattern pattern, Span<ComplexF32> row)
    {
        for (int b = 0; b < pattern.BlockCount; b++)
        {
            ComplexF32 block = _blockRotation[b];
            int offset = b * NrConstants.SubcarriersPerRb;
            for (int k = 0; k < NrConstants.SubcarriersPerRb; k++)
            {
                row[offset + k] *= block * _subcarrierRotation[k];
            }
        }
    }

    /// <summary>Residual energy (bias-corrected) and element count of one CDM group at one occasion.</summary>
    private (float Sum, int Count) GroupResidual(DmrsPattern pattern, int r, int o, int g)
    {
        int pairs = PairCount(pattern);
        int pairsPerBlock = pattern.PilotsPerBlock;
        int lengthPrime = pattern.OccasionLength;
        int portsInGroup = pattern.PortsInGroup(g);
        int d = 2 * lengthPrime;
        float sum = 0;
        int count = 0;
        Span<float> covers = stackalloc float[4 * 4]; // [port in group][l′·2 + k′]
        Span<int> layers = stackalloc int[4];
        int members = 0;
        for (int v = 0; v < pattern.LayerCount; v++)
        {
            if (pattern.CdmGroup(v) != g)
            {
                continue;
            }

            for (int lp = 0; lp < lengthPrime; lp++)
            {
                for (int kp = 0; kp < 2; kp++)
                {
                    covers[(members * 4) + (lp * 2) + kp] = pattern.FrequencyCover(v, kp) * pattern.TimeCover(v, lp);
                }
            }

            layers[members++] = v;
        }

        foreach ((int first, int clusterBlocks) in pattern.Clusters)
        {
            int start = first * pairsPerBlock;
            int length = clusterBlocks * pairsPerBlock;
            for (int q = 0; q < members; q++)
            {
                MovingAverage(PilotRow(r, layers[q], o, pairs).Slice(start, length), NoiseWindow, _smoothed.AsSpan(q * MaxPairs, length));
            }

            for (int n = 0; n < length; n++)
            {
                int averaged = Math.Min(length - 1, n + (NoiseWindow / 2)) - Math.Max(0, n - (NoiseWindow / 2)) + 1;
                float bias = 1f - (portsInGroup / (float)(averaged * d));
                if (bias < 0.2f)
                {
                    continue;
                }

                float inverseBias = 1f / bias;
                for (int lp = 0; lp < lengthPrime; lp++)
                {
                    ReadOnlySpan<ComplexF32> z = ZRow(r, o, lp, g, 2 * pairs);
                    for (int kp = 0; kp < 2; kp++)
                    {
                        ComplexF32 model = ComplexF32.Zero;
                        for (int q = 0; q < members; q++)
                        {
                            model += _smoothed[(q * MaxPairs) + n] * covers[(q * 4) + (lp * 2) + kp];
                        }

                        sum += (z[(2 * (start + n)) + kp] - model).MagnitudeSquared * inverseBias;
                        count++;
                    }
                }
            }
        }

        return (sum, count);
    }

    /// <summary>Time interpolation from the occasion rows into the estimate's rows (average, or linear between occasions).</summary>
    private void InterpolateTime(DmrsPattern pattern, int rxPorts, ChannelEstimate estimate)
    {
        int width = pattern.SubcarrierCount;
        int layers = pattern.LayerCount;
        int occasions = pattern.OccasionCount;
        ReadOnlySpan<int> occasionSymbols = pattern.OccasionSymbols;
        int firstSymbol = pattern.FirstSymbol;
        int lastSymbol = pattern.FirstSymbol + pattern.SymbolCount - 1;
        if (Options.TimeInterpolation == TimeInterpolation.Average || occasions == 1)
        {
            float scale = 1f / occasions;
            for (int r = 0; r < rxPorts; r++)
            {
                for (int v = 0; v < layers; v++)
                {
                    Span<ComplexF32> row = estimate.Row(r, v, 0);
                    OccasionRow(r, v, 0, width).CopyTo(row);
                    for (int o = 1; o < occasions; o++)
                    {
                        ComplexKernels.Add(row, OccasionRow(r, v, o, width), row);
                    }

                    if (occasions > 1)
                    {
                        ComplexKernels.Scale(row, scale, row);
                    }
                }
            }

            for (int l = firstSymbol; l <= lastSymbol; l++)
            {
                estimate.MapSymbol(l, 0);
            }

            return;
        }

        // Linear: occasion o sits at its (mean) symbol time; each symbol interpolates its two neighbours.
        float half = (pattern.OccasionLength - 1) / 2f;
        for (int l = firstSymbol; l <= lastSymbol; l++)
        {
            int o1 = 0;
            while (o1 < occasions && occasionSymbols[o1] + half < l)
            {
                o1++;
            }

            int a = Math.Clamp(o1 - 1, 0, occasions - 1);
            int b = Math.Clamp(o1, 0, occasions - 1);
            float ta = occasionSymbols[a] + half;
            float tb = occasionSymbols[b] + half;
            float w = a == b ? 0f : Math.Clamp((l - ta) / (tb - ta), 0f, 1f);
            for (int r = 0; r < rxPorts; r++)
            {
                for (int v = 0; v < layers; v++)
                {
                    Span<ComplexF32> row = estimate.Row(r, v, l);
                    ComplexKernels.Scale(OccasionRow(r, v, a, width), 1 - w, row);
                    if (w != 0f)
                    {
                        ReadOnlySpan<ComplexF32> next = OccasionRow(r, v, b, width);
                        for (int x = 0; x < width; x++)
                        {
                            row[x] += next[x] * w;
                        }
                    }
                }
            }

            estimate.MapSymbol(l, l);
        }
    }
}
