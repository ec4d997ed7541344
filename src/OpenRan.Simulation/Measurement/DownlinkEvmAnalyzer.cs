using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.Channels.Downlink;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Simulation.Waveforms;

namespace OpenRan.Simulation.Measurement;

/// <summary>
/// A downlink transmitter-quality analyser for a known waveform (a TS 38.141-1 test model): frequency error and EVM per
/// TS 38.141-1 §6.6 with the procedure of Annex B (FR1), plus EVM per OFDM symbol and per resource block, channel power
/// and occupied bandwidth.
/// </summary>
/// <remarks>
/// <para>Procedure. (1) Symbol timing modulo half a subframe and a coarse frequency error (range ±Δf/2) from the
/// cyclic-prefix correlation x[n]·x*[n+N] folded over every half subframe of the recording. (2) The frame position: the
/// candidate half-subframe starts are tested by correlating the frequency-corrected recording with one period of the
/// reference waveform (regenerated with <see cref="DownlinkSlotComposer"/>), then refined to the sample. (3) The residual
/// frequency error from the phase advance of the slot-by-slot correlation with the reference. (4) Per whole slot, FFTs at
/// the two EVM window positions Δc̃ ∓ W/2 (<see cref="EvmWindow"/>). (5) Zero-forcing equalizer from the reference signal:
/// per subcarrier, the least-squares channel Y·X*/|X|² on the PDSCH DM-RS resource elements of the slot, averaged over
/// its DM-RS symbols and then over a moving window of 19 subcarriers. (6) EVM = √(Σ|Y/H − X|² / Σ|X|²) over the PDSCH data
/// resource elements, per modulation, for each window position; the larger is reported.</para>
/// <para>The PDSCH data and DM-RS positions come from each PDSCH's layout without the per-slot rate matching around
/// SS/PBCH blocks and CSI-RS (test models have neither). Not for the slot path: it allocates.</para>
/// </remarks>
public sealed class DownlinkEvmAnalyzer
{
    /// <summary>Subcarriers of the equalizer's frequency-domain moving average.</summary>
    public const int SmoothingSubcarriers = 19;

    /// <summary>Most constellation points kept per modulation.</summary>
    public const int MaxConstellationPoints = 4000;

    private readonly DownlinkWaveformConfiguration _reference;
    private readonly OfdmTiming _timing;
    private readonly int _k;
    private readonly int _periodSlots;
    private readonly int _periodSamples;
    private readonly int[] _slotStart;
    private readonly ComplexF32[] _referenceWave;
    private readonly ComplexF32[][] _referenceGrid;
    private readonly SlotResources[] _slots;
    private readonly int[] _bitsPerSymbol;
    private readonly int _bandwidthMhz;

    /// <summary>Regenerates one period of <paramref name="reference"/> at <paramref name="sampleRateHz"/> for the analysis.</summary>
    /// <param name="reference">The waveform the recording holds (its carrier frequency sets the §5.4 phase compensation).</param>
    /// <param name="sampleRateHz">The recording's sample rate (an integer multiple of the subcarrier spacing).</param>
    /// <param name="bandwidthMhz">The channel bandwidth for the EVM window (0: the bandwidth whose N_RB is the grid size).</param>
    /// <exception cref="ArgumentException">The sample rate does not fit the carrier, or the bandwidth is unknown.</exception>
    public DownlinkEvmAnalyzer(DownlinkWaveformConfiguration reference, double sampleRateHz, int bandwidthMhz = 0)
    {
        ArgumentNullException.ThrowIfNull(reference);
        DownlinkCarrier carrier = reference.Carrier with { SampleRateHz = sampleRateHz };
        _reference = reference with { Carrier = carrier };
        _timing = carrier.Timing();
        _k = carrier.SubcarrierCount;
        _bandwidthMhz = bandwidthMhz > 0 ? bandwidthMhz : BandwidthOf(carrier);
        _periodSlots = reference.PeriodSlots > 0 ? reference.PeriodSlots : carrier.SlotsPerFrame;
        _slotStart = new int[_periodSlots + 1];
        for (int s = 0; s < _periodSlots; s++)
        {
            _slotStart[s + 1] = _slotStart[s] + _timing.SlotSampleCount(s % carrier.SlotsPerFrame);
        }

        _periodSamples = _slotStart[_periodSlots];
        _referenceWave = new ComplexF32[_periodSamples];
        _referenceGrid = new ComplexF32[_periodSlots][];
        _slots = new SlotResources[_periodSlots];
        var composer = new DownlinkSlotComposer(_reference);
        var layouts = new SharedChannelLayout?[reference.Pdsch.Count];
        var bits = new List<int>();
        for (int s = 0; s < _periodSlots; s++)
        {
            composer.Compose(s);
            composer.Modulate(0, _referenceWave.AsSpan(_slotStart[s], _slotStart[s + 1] - _slotStart[s]));
            _referenceGrid[s] = composer.Grid.Port(0).ToArray();
            _slots[s] = Resources(composer.Annotations, _referenceGrid[s], layouts, bits);
        }

        _bitsPerSymbol = [.. bits];
    }

    /// <summary>The reference waveform (carrier at the analysis sample rate).</summary>
    public DownlinkWaveformConfiguration Reference => _reference;

    /// <summary>The analysis timing (FFT size, cyclic prefixes).</summary>
    public OfdmTiming Timing => _timing;

    /// <summary>Samples of one period of the reference.</summary>
    public int PeriodSamples => _periodSamples;

    /// <summary>Analyses <paramref name="samples"/> (one antenna port, any start; at least two slots).</summary>
    /// <exception cref="ArgumentException">The recording is too short.</exception>
    public DownlinkEvmResult Analyze(ReadOnlySpan<ComplexF32> samples)
    {
        int minimum = 2 * _timing.MaxSlotSampleCount;
        if (samples.Length < minimum)
        {
            throw new ArgumentException($"the recording holds {samples.Length} samples; at least {minimum} (two slots) are needed.", nameof(samples));
        }

        double fs = _timing.SampleRateHz;
        (int halfSubframeStart, double coarseHz) = CyclicPrefixSync(samples);
        var y = new ComplexF32[samples.Length];
        Derotate(samples, coarseHz, fs, y);
        int frameStart = FindFrame(y, halfSubframeStart);
        double residualHz = ResidualFrequency(y, frameStart);
        double frequencyErrorHz = coarseHz + residualHz;
        Derotate(samples, frequencyErrorHz, fs, y);

        (int early, int late) = EvmWindow.Offsets(_timing, _bandwidthMhz);
        var accumulators = new[] { new EvmAccumulator(this, early), new EvmAccumulator(this, late) };
        var subcarrierPower = new double[_k];
        double power = 0;
        long powerSamples = 0;
        int analyzed = 0;
        foreach ((int start, int slot) in WholeSlots(y.Length, frameStart))
        {
            if (_slots[slot].Data.Length == 0)
            {
                continue;
            }

            int n = _slotStart[slot + 1] - _slotStart[slot];
            ReadOnlySpan<ComplexF32> slotSamples = y.AsSpan(start, n);
            power += ComplexKernels.SumOfMagnitudesSquared(slotSamples);
            powerSamples += n;
            foreach (EvmAccumulator a in accumulators)
            {
                a.Add(slotSamples, slot, a == accumulators[0] ? subcarrierPower : null);
            }

            analyzed++;
        }

        if (analyzed == 0)
        {
            throw new ArgumentException("the recording holds no whole slot with PDSCH of the reference waveform.", nameof(samples));
        }

        EvmAccumulator worse = accumulators[0].Total >= accumulators[1].Total ? accumulators[0] : accumulators[1];
        var evm = new List<ModulationEvm>();
        for (int q = 0; q < _bitsPerSymbol.Length; q++)
        {
            double e = accumulators[0].Evm(q);
            double l = accumulators[1].Evm(q);
            evm.Add(new ModulationEvm(DownlinkSlotAnnotation.ModulationText(_bitsPerSymbol[q]), _bitsPerSymbol[q], 100 * Math.Max(e, l), 100 * e, 100 * l, accumulators[0].Count(q)));
        }

        double f0 = _reference.Carrier.CarrierFrequencyHz;
        return new DownlinkEvmResult
        {
            Waveform = _reference.Name,
            SampleRateHz = fs,
            FftSize = _timing.FftSize,
            FrameStartSample = frameStart,
            SlotsAnalyzed = analyzed,
            FrequencyErrorHz = frequencyErrorHz,
            FrequencyErrorPpm = f0 > 0 ? frequencyErrorHz / f0 * 1e6 : null,
            EvmWindowSamples = EvmWindow.Length(_timing, _bandwidthMhz),
            CyclicPrefixSamples = _timing.CyclicPrefixLength(1),
            Evm = evm,
            EvmPercent = 100 * Math.Max(accumulators[0].Total, accumulators[1].Total),
            EvmPerSymbolPercent = worse.PerSymbol(),
            EvmPerRbPercent = worse.PerRb(),
            ChannelPowerDbfs = 10 * Math.Log10(power / Math.Max(1, powerSamples)),
            OccupiedBandwidthHz = OccupiedBandwidth(subcarrierPower),
            Constellations = worse.Constellations(),
        };
    }

    /// <summary>The channel bandwidth whose N_RB (TS 38.104 Table 5.3.2-1) is the carrier's grid size.</summary>
    private static int BandwidthOf(DownlinkCarrier carrier)
    {
        for (int bw = 3; bw <= 100; bw++)
        {
            if (Ts38101Table5_3_2_1.TryGetMaxRbCount(FrequencyRange.Fr1, bw, carrier.SubcarrierSpacingKhz) == carrier.NSizeGrid)
            {
                return bw;
            }
        }

        throw new ArgumentException($"no FR1 channel bandwidth has N_RB = {carrier.NSizeGrid} at {carrier.SubcarrierSpacingKhz} kHz; give the bandwidth.", nameof(carrier));
    }

    /// <summary>The PDSCH data (with modulation and power) and DM-RS resource elements of a reference slot.</summary>
    private SlotResources Resources(ReadOnlySpan<DownlinkChannelAnnotation> channels, ComplexF32[] grid, SharedChannelLayout?[] layouts, List<int> bits)
    {
        var data = new List<DataElement>();
        var dmrs = new List<int>();
        foreach (DownlinkChannelAnnotation c in channels)
        {
            if (c.Kind != DownlinkChannelKind.Pdsch)
            {
                continue;
            }

            DownlinkPdsch pdsch = _reference.Pdsch[c.Index];
            SharedChannelLayout layout = layouts[c.Index] ??= pdsch.Configuration.BuildLayout();
            int qm = pdsch.Configuration.Modulation.BitsPerSymbol();
            int q = bits.IndexOf(qm);
            if (q < 0)
            {
                bits.Add(qm);
                q = bits.Count - 1;
            }

            float unscale = (float)Math.Pow(10, -pdsch.PowerDb / 20);
            for (int l = 0; l < NrConstants.SymbolsPerSlotNormalCp; l++)
            {
                ReadOnlySpan<ResourceElementKind> kinds = layout.Kinds(l);
                for (int j = 0; j < kinds.Length; j++)
                {
                    int index = (l * _k) + layout.GridSubcarrierOfBlock(j / NrConstants.SubcarriersPerRb) + (j % NrConstants.SubcarriersPerRb);
                    if (grid[index].Re == 0 && grid[index].Im == 0)
                    {
                        continue;
                    }

                    if (kinds[j] == ResourceElementKind.Data)
                    {
                        data.Add(new DataElement(index, (byte)q, unscale));
                    }
                    else if (kinds[j] == ResourceElementKind.Dmrs)
                    {
                        dmrs.Add(index);
                    }
                }
            }
        }

        return new SlotResources([.. data], [.. dmrs]);
    }

    /// <summary>
    /// The start of a half subframe modulo its length and the frequency error within ±Δf/2, from Σ x[n]·x*[n+N] over the
    /// cyclic prefixes (folded over every half subframe of the recording).
    /// </summary>
    private (int Start, double FrequencyHz) CyclicPrefixSync(ReadOnlySpan<ComplexF32> x)
    {
        int n = _timing.FftSize;
        int half = _timing.SamplesPerSubframe / 2;
        int symbols = _timing.SymbolsPerSubframe / 2;
        var fold = new Complex[half];
        for (int i = 0; i + n < x.Length; i++)
        {
            ComplexF32 p = x[i] * x[i + n].Conjugate;
            fold[i % half] += new Complex(p.Re, p.Im);
        }

        // Prefix sums over three half subframes, so every window θ + offset + [0, N_CP) is one difference.
        var prefix = new Complex[(3 * half) + 1];
        for (int i = 0; i < 3 * half; i++)
        {
            prefix[i + 1] = prefix[i] + fold[i % half];
        }

        Complex best = Complex.Zero;
        int bestStart = 0;
        for (int theta = 0; theta < half; theta++)
        {
            Complex m = Complex.Zero;
            for (int l = 0; l < symbols; l++)
            {
                int from = theta + _timing.SymbolOffset(l);
                m += prefix[from + _timing.CyclicPrefixLength(l)] - prefix[from];
            }

            if (m.Magnitude > best.Magnitude)
            {
                best = m;
                bestStart = theta;
            }
        }

        return (bestStart, -best.Phase / (2 * Math.PI) * _timing.Numerology.SubcarrierSpacingHz);
    }

    /// <summary>The sample where a reference period starts (mod the period): the best of the half-subframe candidates, refined.</summary>
    private int FindFrame(ComplexF32[] y, int halfSubframeStart)
    {
        int half = _timing.SamplesPerSubframe / 2;
        int span = Math.Min(y.Length, _periodSamples);
        int best = 0;
        double bestValue = -1;
        for (int f = halfSubframeStart; f < _periodSamples + halfSubframeStart; f += half)
        {
            Consider(f % _periodSamples);
        }

        int coarse = best;
        const int search = 4;
        for (int d = -search; d <= search; d++)
        {
            Consider((((coarse + d) % _periodSamples) + _periodSamples) % _periodSamples);
        }

        return best;

        void Consider(int frame)
        {
            double v = Correlate(y, frame, 0, span).Magnitude;
            if (v > bestValue)
            {
                bestValue = v;
                best = frame;
            }
        }
    }

    /// <summary>Σ y[n]·r*[(n − frame) mod period] for n in [from, from + count).</summary>
    private Complex Correlate(ComplexF32[] y, int frame, int from, int count)
    {
        double re = 0;
        double im = 0;
        int r = (((from - frame) % _periodSamples) + _periodSamples) % _periodSamples;
        for (int i = from; i < from + count; i++)
        {
            ComplexF32 p = y[i] * _referenceWave[r].Conjugate;
            re += p.Re;
            im += p.Im;
            if (++r == _periodSamples)
            {
                r = 0;
            }
        }

        return new Complex(re, im);
    }

    /// <summary>The frequency error left after the coarse correction: the mean phase advance between consecutive whole slots.</summary>
    private double ResidualFrequency(ComplexF32[] y, int frameStart)
    {
        Complex previous = Complex.Zero;
        int previousStart = int.MinValue;
        Complex sum = Complex.Zero;
        double distance = 0;
        double weight = 0;
        foreach ((int start, int slot) in WholeSlots(y.Length, frameStart))
        {
            int n = _slotStart[slot + 1] - _slotStart[slot];
            Complex z = Correlate(y, frameStart, start, n);
            if (previousStart != int.MinValue && start - previousStart <= _timing.MaxSlotSampleCount)
            {
                Complex step = z * Complex.Conjugate(previous);
                sum += step;
                distance += step.Magnitude * (start - previousStart);
                weight += step.Magnitude;
            }

            previous = z;
            previousStart = start;
        }

        return weight == 0 ? 0 : sum.Phase / (2 * Math.PI * (distance / weight) / _timing.SampleRateHz);
    }

    /// <summary>Every whole slot of a recording of <paramref name="length"/> samples: its first sample and its slot in the period.</summary>
    private IEnumerable<(int Start, int Slot)> WholeSlots(int length, int frameStart)
    {
        for (int period = frameStart - _periodSamples; period < length; period += _periodSamples)
        {
            for (int s = 0; s < _periodSlots; s++)
            {
                int start = period + _slotStart[s];
                if (start >= 0 && start + _slotStart[s + 1] - _slotStart[s] <= length)
                {
                    yield return (start, s);
                }
            }
        }
    }

    private static void Derotate(ReadOnlySpan<ComplexF32> x, double frequencyHz, double sampleRateHz, Span<ComplexF32> y)
    {
        double step = -2 * Math.PI * frequencyHz / sampleRateHz;
        for (int i = 0; i < x.Length; i++)
        {
            (double sin, double cos) = Math.SinCos(step * i);
            y[i] = x[i] * new ComplexF32((float)cos, (float)sin);
        }
    }

    private double OccupiedBandwidth(double[] power)
    {
        double total = power.Sum();
        if (total <= 0)
        {
            return 0;
        }

        double cumulative = 0;
        int low = 0;
        int high = power.Length - 1;
        for (int k = 0; k < power.Length; k++)
        {
            cumulative += power[k];
            if (cumulative < 0.005 * total)
            {
                low = k + 1;
            }

            if (cumulative <= 0.995 * total)
            {
                high = Math.Min(power.Length - 1, k + 1);
            }
        }

        return (high - low + 1) * _timing.Numerology.SubcarrierSpacingHz;
    }

    private readonly record struct DataElement(int Index, byte Modulation, float Unscale);

    private sealed record SlotResources(DataElement[] Data, int[] Dmrs);

    /// <summary>EVM sums for one FFT window position.</summary>
    private sealed class EvmAccumulator
    {
        private readonly DownlinkEvmAnalyzer _owner;
        private readonly OfdmDemodulator _demodulator;
        private readonly ResourceGrid _grid;
        private readonly Complex[] _h;
        private readonly double[] _hWeight;
        private readonly Complex[] _equalizer;
        private readonly double[] _error;
        private readonly double[] _reference;
        private readonly long[] _count;
        private readonly double[] _symbolError = new double[NrConstants.SymbolsPerSlotNormalCp];
        private readonly double[] _symbolReference = new double[NrConstants.SymbolsPerSlotNormalCp];
        private readonly double[] _rbError;
        private readonly double[] _rbReference;
        private readonly List<(float I, float Q)>[] _points;

        public EvmAccumulator(DownlinkEvmAnalyzer owner, int windowOffset)
        {
            _owner = owner;
            DownlinkCarrier carrier = owner._reference.Carrier;
            _demodulator = new OfdmDemodulator(new OfdmConfiguration
            {
                Timing = owner._timing, NSizeGrid = carrier.NSizeGrid, CarrierFrequencyHz = carrier.CarrierFrequencyHz, FftWindowOffsetSamples = windowOffset,
            });
            _grid = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, owner._k);
            _grid.Configure(1, NrConstants.SymbolsPerSlotNormalCp, carrier.NSizeGrid, carrier.NStartGrid);
            _h = new Complex[owner._k];
            _hWeight = new double[owner._k];
            _equalizer = new Complex[owner._k];
            int q = owner._bitsPerSymbol.Length;
            _error = new double[q];
            _reference = new double[q];
            _count = new long[q];
            _rbError = new double[carrier.NSizeGrid];
            _rbReference = new double[carrier.NSizeGrid];
            _points = [.. Enumerable.Range(0, q).Select(_ => new List<(float, float)>())];
        }

        public double Total => Math.Sqrt(_error.Sum() / Math.Max(double.Epsilon, _reference.Sum()));

        public double Evm(int q) => _reference[q] > 0 ? Math.Sqrt(_error[q] / _reference[q]) : double.NaN;

        public long Count(int q) => _count[q];

        public IReadOnlyList<double> PerSymbol() => [.. _symbolError.Select((e, l) => _symbolReference[l] > 0 ? 100 * Math.Sqrt(e / _symbolReference[l]) : double.NaN)];

        public IReadOnlyList<double> PerRb() => [.. _rbError.Select((e, rb) => _rbReference[rb] > 0 ? 100 * Math.Sqrt(e / _rbReference[rb]) : double.NaN)];

        public IReadOnlyList<ConstellationSample> Constellations() =>
            [.. _points.Select((p, q) => new ConstellationSample(DownlinkSlotAnnotation.ModulationText(_owner._bitsPerSymbol[q]), p))];

        public void Add(ReadOnlySpan<ComplexF32> samples, int slot, double[]? subcarrierPower)
        {
            int k = _owner._k;
            int slotsPerFrame = _owner._reference.Carrier.SlotsPerFrame;
            _demodulator.Demodulate(samples, slot % slotsPerFrame, _grid, 0);
            ReadOnlySpan<ComplexF32> y = _grid.Port(0);
            ComplexF32[] x = _owner._referenceGrid[slot];
            SlotResources resources = _owner._slots[slot];
            if (subcarrierPower is not null)
            {
                for (int i = 0; i < y.Length; i++)
                {
                    subcarrierPower[i % k] += (y[i].Re * y[i].Re) + (y[i].Im * y[i].Im);
                }
            }

            // Least squares on the DM-RS, averaged over the slot's DM-RS symbols, then a 19-subcarrier moving average.
            Array.Clear(_h);
            Array.Clear(_hWeight);
            foreach (int index in resources.Dmrs)
            {
                ComplexF32 p = y[index] * x[index].Conjugate;
                _h[index % k] += new Complex(p.Re, p.Im);
                _hWeight[index % k] += (x[index].Re * x[index].Re) + (x[index].Im * x[index].Im);
            }

            int halfWindow = SmoothingSubcarriers / 2;
            for (int sc = 0; sc < k; sc++)
            {
                Complex sum = Complex.Zero;
                int n = 0;
                for (int j = Math.Max(0, sc - halfWindow); j <= Math.Min(k - 1, sc + halfWindow); j++)
                {
                    if (_hWeight[j] > 0)
                    {
                        sum += _h[j] / _hWeight[j];
                        n++;
                    }
                }

                _equalizer[sc] = n > 0 ? sum / n : Complex.Zero;
            }

            foreach (DataElement e in resources.Data)
            {
                int sc = e.Index % k;
                Complex h = _equalizer[sc];
                if (h == Complex.Zero)
                {
                    continue;
                }

                Complex z = new Complex(y[e.Index].Re, y[e.Index].Im) / h;
                var reference = new Complex(x[e.Index].Re, x[e.Index].Im);
                double error = (z - reference).Magnitude * (z - reference).Magnitude;
                double power = reference.Magnitude * reference.Magnitude;
                _error[e.Modulation] += error;
                _reference[e.Modulation] += power;
                _count[e.Modulation]++;
                int l = e.Index / k;
                _symbolError[l] += error;
                _symbolReference[l] += power;
                _rbError[sc / NrConstants.SubcarriersPerRb] += error;
                _rbReference[sc / NrConstants.SubcarriersPerRb] += power;
                List<(float I, float Q)> points = _points[e.Modulation];
                if (points.Count < MaxConstellationPoints && (_count[e.Modulation] % 7) == 0)
                {
                    points.Add(((float)(z.Real * e.Unscale), (float)(z.Imaginary * e.Unscale)));
                }
            }
        }
    }
}
