using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Phy.Upper.ChannelEstimation;

/// <summary>
/// Per-port channel estimation from the PDSCH/PUSCH DM-RS: least squares on the DM-RS resource elements, OCC
/// despreading of the CDM group (w_f over k′ pairs, w_t over l′), timing-offset compensation, frequency interpolation
/// (smoothed linear or Wiener), time interpolation across DM-RS symbols, and noise-variance, SNR, timing-offset and
/// carrier-frequency-offset measurements.
/// </summary>
/// <remarks>
/// <para>Steps per receive port r, DM-RS occasion o (one symbol, or the two symbols of a double-symbol DM-RS) and CDM
/// group λ: z(m) = y(k_m, l)·r*(m)/β_DMRS for the group's elements m (the base sequence r of TS 38.211 §7.4.1.1.1 /
/// §6.4.1.1.1); the estimate of port p at pair n is ĥ_p(n) = (1/(2L′))·Σ_{l′,k′} w_t(l′)w_f(k′)·z_{l′}(2n + k′), located at
/// the pair centre (every 4 subcarriers for type 1, every 6 for type 2).</para>
/// <para>Timing offset: θ = arg Σ ĥ(n+1)ĥ*(n) / spacing is the phase slope per subcarrier, τ = −θ/(2πΔf). z is
/// de-rotated by e^{−jθk} before despreading, smoothing and interpolation, and the result re-rotated by e^{jθk}.</para>
/// <para>Noise: the residual z − Σ_p w_t w_f ĥ̄_p against 3-pilot moving averages ĥ̄ (centred, so a linear channel
/// variation cancels), each element divided by its bias
/// (1 − P/(c·D)) for P ports, c averaged pilots and D = 2L′ despread elements, gives σ²/β² (σ² of the data elements).</para>
/// <para>CFO: φ = arg Σ ĥ_{o+1}(n)ĥ_o*(n)/Δl between DM-RS positions Δl symbols apart (magnitude-weighted over the
/// neighbouring pairs), f = φ/(2π·T_symb) with T_symb
/// the mean symbol duration of the numerology.</para>
/// Buffers are sized at construction for 275 PRB, the given ports and layers, 4 DM-RS positions; estimation allocates
/// nothing (the Wiener option plans its filters on first use of each pilot pattern and SNR bin). Not thread-safe.
/// </remarks>
public sealed class DmrsChannelEstimator
{
    /// <summary>Largest number of DM-RS positions (occasions) in a slot.</summary>
    public const int MaxOccasions = 4;

    private const int MaxSequence = 6 * NrConstants.MaxPrb; // DM-RS elements of one CDM group in one symbol
    private const int MaxPairs = MaxSequence / 2;
    private const int MaxGroups = 3;
    private const int NoiseWindow = 3;

    private readonly int _maxRx;
    private readonly int _maxLayers;
    private readonly SharedChannelReferenceSignals _sequences = new();
    private readonly ComplexF32[] _reference = new ComplexF32[MaxOccasions * 2 * MaxGroups * MaxSequence];
    private readonly ComplexF32[] _z;
    private readonly ComplexF32[] _pilots;
    private readonly ComplexF32[] _smoothed = new ComplexF32[4 * MaxPairs];
    private readonly ComplexF32[] _occasionRows;
    private readonly ComplexF32[] _blockRotation = new ComplexF32[NrConstants.MaxPrb];
    private readonly ComplexF32[] _subcarrierRotation = new ComplexF32[NrConstants.SubcarriersPerRb];
    private readonly int[] _occasionSymbol = new int[MaxOccasions];
    private readonly float[] _noiseSum;
    private readonly WienerInterpolator _wiener = new();

    /// <summary>Creates an estimator for up to <paramref name="maxRxPorts"/> receive ports and <paramref name="maxLayers"/> layers.</summary>
    public DmrsChannelEstimator(int maxRxPorts = 4, int maxLayers = 4)
    {
        ThrowHelper.ThrowIfOutside(maxRxPorts, 1, 8);
        ThrowHelper.ThrowIfOutside(maxLayers, 1, 4);
        _maxRx = maxRxPorts;
        _maxLayers = maxLayers;
        _z = new ComplexF32[maxRxPorts * MaxOccasions * 2 * MaxGroups * MaxSequence];
        _pilots = new ComplexF32[maxRxPorts * maxLayers * MaxOccasions * MaxPairs];
        _occasionRows = new ComplexF32[maxRxPorts * maxLayers * MaxOccasions * NrConstants.MaxPrb * NrConstants.SubcarriersPerRb];
        _noiseSum = new float[maxRxPorts];
    }

    /// <summary>
    /// Estimates the channel of every (receive port, layer) pair from the DM-RS in <paramref name="received"/>.
    /// </summary>
    /// <param name="received">The received grid, one port per receive antenna, dimensioned like the transmission's carrier.</param>
    /// <param name="layout">The channel layout.</param>
    /// <param name="slot">n_s,f^μ.</param>
    /// <param name="subcarrierSpacingHz">Δf, for the timing and frequency offsets.</param>
    /// <param name="options">Estimation options.</param>
    /// <param name="transformPrecoding">The low-PAPR DM-RS parameters of a transform-precoded PUSCH, else null.</param>
    /// <param name="pi2Bpsk">With transform precoding: the π/2-BPSK (type-2 low-PAPR) DM-RS.</param>
    /// <param name="estimate">Receives the estimate.</param>
    public void Estimate(ResourceGrid received, SharedChannelLayout layout, int slot, double subcarrierSpacingHz, ChannelEstimatorOptions options, TransformPrecodingDmrs? transformPrecoding, bool pi2Bpsk, ChannelEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(estimate);
        int rxPorts = received.PortCount;
        DmrsConfiguration dmrs = layout.Dmrs;
        int layers = dmrs.Ports.Count;
        if (rxPorts > _maxRx || layers > _maxLayers)
        {
            ThrowHelper.ThrowArgument(nameof(received), $"{rxPorts} receive ports and {layers} layers exceed the estimator's {_maxRx} and {_maxLayers}.");
        }

        DmrsConfigurationType type = dmrs.ConfigurationType;
        int perPrb = DmrsPortTable.ResourceElementsPerPrb(type);
        int sequenceLength = perPrb * layout.PrbCount;
        int pairs = sequenceLength / 2;
        int pairsPerPrb = perPrb / 2;
        int pairSpacing = type == DmrsConfigurationType.Type1 ? 4 : 6;
        int lengthPrime = dmrs.Length;
        float beta = dmrs.Beta;
        int occasions = FindOccasions(layout);
        estimate.Reset(rxPorts, layers, layout.SubcarrierCount);

        // 1. Reference sequences of every occasion, symbol and CDM group in use.
        for (int o = 0; o < occasions; o++)
        {
            for (int lp = 0; lp < lengthPrime; lp++)
            {
                int l = _occasionSymbol[o] + lp;
                for (int g = 0; g < MaxGroups; g++)
                {
                    if (!GroupInUse(dmrs, g))
                    {
                        continue;
                    }

                    Span<ComplexF32> reference = ReferenceRow(o, lp, g, sequenceLength);
                    if (transformPrecoding is null)
                    {
                        _sequences.DmrsBaseSequence(layout, slot, l, g, reference);
                    }
                    else
                    {
                        _sequences.TransformPrecodingSequence(layout, slot, l, transformPrecoding, pi2Bpsk, reference);
                    }
                }
            }
        }

        // 2. Least squares z = y·r*/β on every DM-RS element, then despreading and the timing-offset correlation.
        float inverseBeta = 1f / beta;
        ComplexF32 timing = ComplexF32.Zero;
        for (int r = 0; r < rxPorts; r++)
        {
            for (int o = 0; o < occasions; o++)
            {
                for (int lp = 0; lp < lengthPrime; lp++)
                {
                    ReadOnlySpan<ComplexF32> row = received.Symbol(r, _occasionSymbol[o] + lp);
                    for (int g = 0; g < MaxGroups; g++)
                    {
                        if (!GroupInUse(dmrs, g))
                        {
                            continue;
                        }

                        ReadOnlySpan<ComplexF32> reference = ReferenceRow(o, lp, g, sequenceLength);
                        Span<ComplexF32> z = ZRow(r, o, lp, g, sequenceLength);
                        int delta = GroupOffset(type, g);
                        for (int b = 0; b < layout.PrbCount; b++)
                        {
                            int k0 = layout.GridSubcarrierOfBlock(b) + delta;
                            for (int j = 0; j < perPrb; j++)
                            {
                                int m = (b * perPrb) + j;
                                z[m] = ComplexF32.MultiplyConjugate(row[k0 + SharedChannelReferenceSignals.DmrsOffset(type, j)], reference[m]) * inverseBeta;
                            }
                        }
                    }
                }

                Despread(layout, r, o, pairs, lengthPrime);
                if (options.CompensateTimingOffset)
                {
                    for (int v = 0; v < layers; v++)
                    {
                        timing += PairCorrelation(layout, PilotRow(r, v, o, pairs), pairsPerPrb);
                    }
                }
            }
        }

        // 3. Timing offset: phase slope per subcarrier; de-rotate z and despread again.
        float theta = timing == ComplexF32.Zero ? 0f : timing.Phase / pairSpacing;
        estimate.TimingOffsetSeconds = -theta / (2 * Math.PI * subcarrierSpacingHz);
        if (theta != 0f)
        {
            PrepareRotation(layout, -theta);
            for (int r = 0; r < rxPorts; r++)
            {
                for (int o = 0; o < occasions; o++)
                {
                    for (int lp = 0; lp < lengthPrime; lp++)
                    {
                        for (int g = 0; g < MaxGroups; g++)
                        {
                            if (GroupInUse(dmrs, g))
                            {
                                Rotate(layout, ZRow(r, o, lp, g, sequenceLength), type, GroupOffset(type, g));
                            }
                        }
                    }

                    Despread(layout, r, o, pairs, lengthPrime);
                }
            }
        }

        // 4. Noise variance from the residual against 3-pilot moving averages.
        float noiseTotal = 0;
        for (int r = 0; r < rxPorts; r++)
        {
            float sum = 0;
            int count = 0;
            for (int o = 0; o < occasions; o++)
            {
                for (int g = 0; g < MaxGroups; g++)
                {
                    if (GroupInUse(dmrs, g))
                    {
                        (float s, int c) = GroupResidual(layout, r, o, g, pairs, pairsPerPrb, lengthPrime);
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

        // 5. Frequency interpolation of every occasion, re-rotated by e^{jθk}.
        if (theta != 0f)
        {
            PrepareRotation(layout, theta);
        }

        float pilotNoise = estimate.NoiseVariance / (beta * beta * 2 * lengthPrime);
        double power = 0;
        for (int r = 0; r < rxPorts; r++)
        {
            for (int v = 0; v < layers; v++)
            {
                int delta = DmrsPortTable.FrequencyOffset(type, dmrs.Ports[v]);
                for (int o = 0; o < occasions; o++)
                {
                    Span<ComplexF32> output = OccasionRow(r, v, o, layout.SubcarrierCount);
                    ReadOnlySpan<ComplexF32> pilots = PilotRow(r, v, o, pairs);
                    if (options.FrequencyInterpolation == FrequencyInterpolation.Wiener)
                    {
                        _wiener.Interpolate(layout, pilots, type, delta, pilotNoise, options.DelaySpreadSeconds, subcarrierSpacingHz, options.WienerTaps, output);
                    }
                    else
                    {
                        InterpolateLinear(layout, pilots, type, delta, options.SmoothingWindow, output);
                    }

                    if (theta != 0f)
                    {
                        RotateAllocation(layout, output);
                    }

                    power += ComplexKernels.SumOfMagnitudesSquared(output);
                }
            }
        }

        estimate.ChannelPower = (float)(power / ((double)rxPorts * layers * occasions * layout.SubcarrierCount));

        // 6. Carrier frequency offset between DM-RS positions.
        if (occasions > 1)
        {
            // Per neighbouring pair of DM-RS positions: the phase per symbol arg(Σ ĥ_{o+1}ĥ_o*)/Δl, weighted by |Σ|.
            double weighted = 0, weights = 0;
            for (int o = 0; o + 1 < occasions; o++)
            {
                ComplexF32 correlation = ComplexF32.Zero;
                for (int r = 0; r < rxPorts; r++)
                {
                    for (int v = 0; v < layers; v++)
                    {
                        correlation += ComplexKernels.DotConjugate(PilotRow(r, v, o + 1, pairs), PilotRow(r, v, o, pairs));
                    }
                }

                double magnitude = correlation.Magnitude;
                weighted += magnitude * correlation.Phase / (_occasionSymbol[o + 1] - _occasionSymbol[o]);
                weights += magnitude;
            }

            double symbolSeconds = 1e-3 * 15e3 / (subcarrierSpacingHz * layout.SymbolsPerSlot);
            estimate.CarrierFrequencyOffsetHz = weights > 0 ? weighted / weights / (2 * Math.PI * symbolSeconds) : 0;
            estimate.HasCarrierFrequencyOffset = true;
        }

        // 7. Time interpolation into the estimate's rows.
        Interpolate(layout, options.TimeInterpolation, rxPorts, layers, occasions, lengthPrime, estimate);
    }

    private int FindOccasions(SharedChannelLayout layout)
    {
        int count = 0;
        for (int l = 0; l < layout.SymbolsPerSlot; l++)
        {
            if (layout.DmrsLPrime(l) == 0)
            {
                _occasionSymbol[count++] = l;
            }
        }

        return count;
    }

    private static bool GroupInUse(DmrsConfiguration dmrs, int group) => PortsInGroup(dmrs, group) > 0;

    private static int PortsInGroup(DmrsConfiguration dmrs, int group)
    {
        int count = 0;
        for (int v = 0; v < dmrs.Ports.Count; v++)
        {
            count += DmrsPortTable.CdmGroup(dmrs.ConfigurationType, dmrs.Ports[v]) == group ? 1 : 0;
        }

        return count;
    }

    private static int GroupOffset(DmrsConfigurationType type, int group) => type == DmrsConfigurationType.Type1 ? group : 2 * group;

    private Span<ComplexF32> ReferenceRow(int occasion, int lPrime, int group, int length) =>
        _reference.AsSpan(((((occasion * 2) + lPrime) * MaxGroups) + group) * MaxSequence, length);

    private Span<ComplexF32> ZRow(int rx, int occasion, int lPrime, int group, int length) =>
        _z.AsSpan(((((((rx * MaxOccasions) + occasion) * 2) + lPrime) * MaxGroups) + group) * MaxSequence, length);

    private Span<ComplexF32> PilotRow(int rx, int layer, int occasion, int pairs) =>
        _pilots.AsSpan(((((rx * _maxLayers) + layer) * MaxOccasions) + occasion) * MaxPairs, pairs);

    private Span<ComplexF32> OccasionRow(int rx, int layer, int occasion, int width) =>
        _occasionRows.AsSpan(((((rx * _maxLayers) + layer) * MaxOccasions) + occasion) * NrConstants.MaxPrb * NrConstants.SubcarriersPerRb, width);

    /// <summary>ĥ_p(n) = (1/(2L′))·Σ_{l′,k′} w_t(l′)·w_f(k′)·z_{l′}(2n + k′) for every layer of receive port r at occasion o.</summary>
    private void Despread(SharedChannelLayout layout, int r, int o, int pairs, int lengthPrime)
    {
        DmrsConfiguration dmrs = layout.Dmrs;
        float scale = 1f / (2 * lengthPrime);
        for (int v = 0; v < dmrs.Ports.Count; v++)
        {
            int port = dmrs.Ports[v];
            int g = DmrsPortTable.CdmGroup(dmrs.ConfigurationType, port);
            float oddSign = DmrsPortTable.FrequencyCover(dmrs.ConfigurationType, port, 1);
            Span<ComplexF32> pilots = PilotRow(r, v, o, pairs);
            pilots.Clear();
            for (int lp = 0; lp < lengthPrime; lp++)
            {
                float time = DmrsPortTable.TimeCover(dmrs.ConfigurationType, port, lp) * scale;
                ReadOnlySpan<ComplexF32> z = ZRow(r, o, lp, g, 2 * pairs);
                for (int n = 0; n < pairs; n++)
                {
                    pilots[n] += (z[2 * n] + (z[(2 * n) + 1] * oddSign)) * time;
                }
            }
        }
    }

    /// <summary>Σ ĥ(n+1)·ĥ*(n) over neighbouring pairs of the same cluster of contiguous blocks.</summary>
    private static ComplexF32 PairCorrelation(SharedChannelLayout layout, ReadOnlySpan<ComplexF32> pilots, int pairsPerPrb)
    {
        ComplexF32 sum = ComplexF32.Zero;
        foreach ((int first, int count) in layout.Clusters)
        {
            ReadOnlySpan<ComplexF32> cluster = pilots.Slice(first * pairsPerPrb, count * pairsPerPrb);
            sum += ComplexKernels.DotConjugate(cluster[1..], cluster[..^1]);
        }

        return sum;
    }

    /// <summary>Tables for e^{jφk}: k = block start + offset, φ the given slope per subcarrier.</summary>
    private void PrepareRotation(SharedChannelLayout layout, float slope)
    {
        for (int b = 0; b < layout.PrbCount; b++)
        {
            _blockRotation[b] = ComplexF32.FromPolar(1, (double)slope * layout.GridSubcarrierOfBlock(b));
        }

        for (int k = 0; k < NrConstants.SubcarriersPerRb; k++)
        {
            _subcarrierRotation[k] = ComplexF32.FromPolar(1, (double)slope * k);
        }
    }

    /// <summary>z(m) ·= e^{jφk_m} for the DM-RS elements of one CDM group.</summary>
    private void Rotate(SharedChannelLayout layout, Span<ComplexF32> z, DmrsConfigurationType type, int delta)
    {
        int perPrb = DmrsPortTable.ResourceElementsPerPrb(type);
        for (int b = 0; b < layout.PrbCount; b++)
        {
            for (int j = 0; j < perPrb; j++)
            {
                z[(b * perPrb) + j] *= _blockRotation[b] * _subcarrierRotation[delta + SharedChannelReferenceSignals.DmrsOffset(type, j)];
            }
        }
    }

    /// <summary>row(a) ·= e^{jφk_a} over the allocation.</summary>
    private void RotateAllocation(SharedChannelLayout layout, Span<ComplexF32> row)
    {
        for (int b = 0; b < layout.PrbCount; b++)
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
    private (float Sum, int Count) GroupResidual(SharedChannelLayout layout, int r, int o, int g, int pairs, int pairsPerPrb, int lengthPrime)
    {
        DmrsConfiguration dmrs = layout.Dmrs;
        int portsInGroup = PortsInGroup(dmrs, g);
        int d = 2 * lengthPrime;
        float sum = 0;
        int count = 0;
        Span<float> covers = stackalloc float[4 * 4]; // [port in group][l′·2 + k′]
        Span<int> layers = stackalloc int[4];
        int members = 0;
        for (int v = 0; v < dmrs.Ports.Count; v++)
        {
            int port = dmrs.Ports[v];
            if (DmrsPortTable.CdmGroup(dmrs.ConfigurationType, port) != g)
            {
                continue;
            }

            for (int lp = 0; lp < lengthPrime; lp++)
            {
                for (int kp = 0; kp < 2; kp++)
                {
                    covers[(members * 4) + (lp * 2) + kp] = DmrsPortTable.FrequencyCover(dmrs.ConfigurationType, port, kp) * DmrsPortTable.TimeCover(dmrs.ConfigurationType, port, lp);
                }
            }

            layers[members++] = v;
        }

        foreach ((int first, int clusterBlocks) in layout.Clusters)
        {
            int start = first * pairsPerPrb;
            int length = clusterBlocks * pairsPerPrb;
            for (int q = 0; q < members; q++)
            {
                MovingAverage(PilotRow(r, layers[q], o, pairs).Slice(start, length), NoiseWindow, SmoothedRow(q, length));
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

    private Span<ComplexF32> SmoothedRow(int index, int length) => _smoothed.AsSpan(index * MaxPairs, length);

    /// <summary>Moving average of <paramref name="window"/> pilots, then linear interpolation to every allocated subcarrier, flat beyond the outer pilots of each cluster.</summary>
    private void InterpolateLinear(SharedChannelLayout layout, ReadOnlySpan<ComplexF32> pilots, DmrsConfigurationType type, int delta, int window, Span<ComplexF32> output)
    {
        int pairsPerPrb = DmrsPortTable.ResourceElementsPerPrb(type) / 2;
        float spacing = type == DmrsConfigurationType.Type1 ? 4f : 6f;
        float firstOffset = delta + (type == DmrsConfigurationType.Type1 ? 1f : 0.5f);
        foreach ((int first, int blocks) in layout.Clusters)
        {
            int count = blocks * pairsPerPrb;
            ReadOnlySpan<ComplexF32> cluster = pilots.Slice(first * pairsPerPrb, count);
            Span<ComplexF32> smoothed = _smoothed.AsSpan(0, count);
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

    private void Interpolate(SharedChannelLayout layout, TimeInterpolation mode, int rxPorts, int layers, int occasions, int lengthPrime, ChannelEstimate estimate)
    {
        int width = layout.SubcarrierCount;
        int firstSymbol = layout.StartSymbol;
        int lastSymbol = layout.StartSymbol + layout.SymbolCount - 1;
        if (mode == TimeInterpolation.Average || occasions == 1)
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
        float half = (lengthPrime - 1) / 2f;
        for (int l = firstSymbol; l <= lastSymbol; l++)
        {
            int o1 = 0;
            while (o1 < occasions && _occasionSymbol[o1] + half < l)
            {
                o1++;
            }

            int a = Math.Clamp(o1 - 1, 0, occasions - 1);
            int b = Math.Clamp(o1, 0, occasions - 1);
            float ta = _occasionSymbol[a] + half;
            float tb = _occasionSymbol[b] + half;
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
