using System;
using System.Numerics;
using System.Numerics.Tensors;
using OpenRan.Dsp;
using OpenRan.Dsp.Fft;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// Detects PRACH preambles in one occasion from time-domain samples of every receive antenna (the gNB side of TS 38.211
/// §5.3.2/§6.3.3): per antenna and group of repetitions, the N_RA-sample windows after the cyclic prefix are summed and
/// transformed (N_RA-point FFT), the L_RA PRACH subcarriers extracted, multiplied by each root's conj(y_u) and transformed
/// again (M-point, zero-padded, M ≥ 3.5·L_RA) into an oversampled power-delay profile; the profiles, each normalised by its
/// group's in-band energy, are combined non-coherently over antennas and groups. A preamble v is detected when the peak
/// of its zero-correlation zone [C_v, C_v + N_CS) reaches the threshold; the peak's position (refined by a parabola)
/// gives the timing advance.
/// </summary>
/// <remarks>
/// Robust by construction: non-finite samples are erasures (read as 0), each antenna is scaled by its largest sample
/// before any arithmetic, an antenna with no energy is left out of the combination, and an occasion with no energy at all
/// reports nothing. Restricted sets are detected in their main zone only (the ±d_u Doppler aliases are not combined).
/// Plans, tables and buffers are made once; <see cref="Detect"/> allocates nothing. Not thread-safe.
/// </remarks>
public sealed class PrachDetector
{
    /// <summary>The longest span of repetitions summed coherently when <see cref="PrachDetectorConfiguration.CoherentRepetitions"/> is 0.</summary>
    public const double MaxCoherentSeconds = 0.4e-3;

    private const double TcSeconds = 1.0 / (480e3 * 4096);
    private const int MaxTimingAdvanceCommand = 3846;

    private readonly PrachTiming _timing;
    private readonly PrachDetectorConfiguration _options;
    private readonly int _length;
    private readonly int _correlationSize;
    private readonly IFft _sequenceFft;
    private readonly IFft _correlationFft;
    private readonly ComplexF32[] _window;
    private readonly ComplexF32[] _spectrum;
    private readonly ComplexF32[] _bins;
    private readonly ComplexF32[] _correlationInput;
    private readonly ComplexF32[] _correlation;
    private readonly ComplexF32[][] _conjugateRoots;
    private readonly float[][] _profiles;
    private readonly double[] _thresholds;
    private readonly int[] _zoneStartCell;
    private readonly double[] _zoneStartExact;
    private readonly int[] _zoneCells;
    private readonly double _timingAdvanceUnitSeconds;

    /// <summary>Plans a detector for <paramref name="timing"/>.</summary>
    public PrachDetector(PrachTiming timing, PrachDetectorConfiguration? options = null)
    {
        ArgumentNullException.ThrowIfNull(timing);
        options ??= new PrachDetectorConfiguration();
        options.Validate();
        _timing = timing;
        _options = options;
        PrachConfiguration configuration = timing.Configuration;
        _length = configuration.SequenceLength;
        _correlationSize = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Ceiling(3.5 * _length));
        int n = timing.RepetitionSamples;
        _sequenceFft = FftFactory.Create(n, options.FftImplementation, FftScaling.None);
        _correlationFft = FftFactory.Create(_correlationSize, options.FftImplementation, FftScaling.None);
        _window = new ComplexF32[n];
        _spectrum = new ComplexF32[n];
        _bins = new ComplexF32[_length];
        _correlationInput = new ComplexF32[_correlationSize];
        _correlation = new ComplexF32[_correlationSize];

        PrachPreambleSet preambles = configuration.Preambles;
        _conjugateRoots = new ComplexF32[preambles.Roots.Count][];
        _profiles = new float[preambles.Roots.Count][];
        var root = new Complex[_length];
        for (int r = 0; r < _conjugateRoots.Length; r++)
        {
            PrachSequence.FrequencyDomain(preambles.Roots[r], _length, root);
            _conjugateRoots[r] = Array.ConvertAll(root, c => new ComplexF32((float)c.Real, (float)-c.Imaginary));
            _profiles[r] = new float[_correlationSize];
        }

        // Zone of preamble v on the M-point grid: the peak of cyclic shift C_v with delay τ sits at (τ − C_v) mod L (see
        // AccumulateProfile), so the zone is cells round(c·M/L) … round((c + W)·M/L) − 1 with c = (L − C_v) mod L.
        double cellsPerSample = (double)_correlationSize / _length;
        int zone = preambles.ZoneLength;
        _zoneCells = new int[PrachPreambleSet.PreambleCount];
        _zoneStartCell = new int[PrachPreambleSet.PreambleCount];
        _zoneStartExact = new double[PrachPreambleSet.PreambleCount];
        for (int p = 0; p < PrachPreambleSet.PreambleCount; p++)
        {
            int shift = (_length - preambles[p].CyclicShift) % _length;
            _zoneStartExact[p] = shift * cellsPerSample;
            _zoneStartCell[p] = (int)Math.Round(_zoneStartExact[p]);
            // Both ends rounded the same way, so adjacent zones (C_v + N_CS = C_v+1) share no cell.
            _zoneCells[p] = (int)Math.Round((shift + zone) * cellsPerSample) - _zoneStartCell[p];
        }

        // Independent cells searched: 64 zones of W samples (the L-point grid), counted twice for the oversampled search.
        double cells = 2.0 * PrachPreambleSet.PreambleCount * Math.Min(zone, _length);
        int maxComponents = options.ReceiveAntennaCount * 12;
        _thresholds = new double[maxComponents + 1];
        for (int c = 1; c <= maxComponents; c++)
        {
            _thresholds[c] = options.Threshold ?? PrachDetectionThreshold.ForFalseAlarm(c, cells, options.FalseAlarmProbability);
        }

        int taMu = options.TimingAdvanceNumerology ?? configuration.Parameters.PuschNumerology.Mu;
        _timingAdvanceUnitSeconds = 16 * 64 * TcSeconds / (1 << taMu);
    }

    /// <summary>The timing this detector was planned for.</summary>
    public PrachTiming Timing => _timing;

    /// <summary>The options.</summary>
    public PrachDetectorConfiguration Options => _options;

    /// <summary>M, the correlation (power-delay profile) size.</summary>
    public int CorrelationSize => _correlationSize;

    /// <summary>The threshold on <see cref="PrachDetection.Metric"/> with one component per antenna (a single coherent repetition group).</summary>
    public double Threshold => _thresholds[_options.ReceiveAntennaCount];

    /// <summary>
    /// The non-coherent components of <paramref name="occasion"/> when every antenna has signal: antennas × repetition
    /// groups (see <see cref="PrachDetectorConfiguration.CoherentRepetitions"/>).
    /// </summary>
    public int ComponentsFor(in PrachOccasion occasion)
    {
        int repetitions = _timing.UsefulSamples(occasion) / _timing.RepetitionSamples;
        int group = GroupSize(repetitions);
        return _options.ReceiveAntennaCount * ((repetitions + group - 1) / group);
    }

    /// <summary>The threshold for <paramref name="components"/> non-coherent components (antennas × repetition groups).</summary>
    public double ThresholdFor(int components) => _thresholds[Math.Clamp(components, 1, _thresholds.Length - 1)];

    /// <summary>
    /// Detects the preambles of occasion <paramref name="occasion"/> in frequency occasion <paramref name="frequencyIndex"/>
    /// and writes them to <paramref name="detections"/> in preamble order; returns how many.
    /// </summary>
    /// <param name="samples">
    /// Antenna-major samples: antenna a's occasion starts at <c>a·antennaStride</c>, where index 0 is t_start^RA (N_TA = 0);
    /// at least N_CP,l^RA + N_u samples per antenna (<see cref="PrachTiming.OccasionSamples"/>). Any values, NaN and ±∞
    /// included (treated as erased samples).
    /// </param>
    /// <param name="antennaStride">Samples between antennas, ≥ the occasion length.</param>
    /// <param name="occasion">The occasion.</param>
    /// <param name="frequencyIndex">n_RA, 0..msg1-FDM − 1.</param>
    /// <param name="detections">Room for up to 64 detections; extra detections beyond its length are dropped.</param>
    public int Detect(ReadOnlySpan<ComplexF32> samples, int antennaStride, in PrachOccasion occasion, int frequencyIndex, Span<PrachDetection> detections)
    {
        int antennas = _options.ReceiveAntennaCount;
        int cp = _timing.CyclicPrefixSamples(occasion);
        int useful = _timing.UsefulSamples(occasion);
        int occasionLength = cp + useful;
        if (antennaStride < occasionLength)
        {
            ThrowHelper.ThrowOutOfRange(nameof(antennaStride), antennaStride, $"≥ {occasionLength} (N_CP + N_u samples)");
        }

        long needed = ((long)(antennas - 1) * antennaStride) + occasionLength;
        if (samples.Length < needed)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(samples), samples.Length, (int)Math.Min(needed, int.MaxValue));
        }

        long firstSubcarrier = _timing.Configuration.FirstSubcarrierOffset(frequencyIndex);
        int n = _timing.RepetitionSamples;
        int repetitions = useful / n;
        int groupSize = GroupSize(repetitions);
        foreach (float[] profile in _profiles)
        {
            Array.Clear(profile);
        }

        int components = 0;
        double powerSum = 0;
        for (int a = 0; a < antennas; a++)
        {
            ReadOnlySpan<ComplexF32> antenna = samples.Slice(a * antennaStride, occasionLength);
            float scale = InverseLargestMagnitude(antenna.Slice(cp));
            if (scale == 0)
            {
                continue;
            }

            for (int first = 0; first < repetitions; first += groupSize)
            {
                int count = Math.Min(groupSize, repetitions - first);
                SumWindows(antenna, cp + (first * n), count, scale);
                _sequenceFft.Transform(_window, _spectrum, FftDirection.Forward);
                double energy = ExtractBins(firstSubcarrier);
                if (!(energy > 0) || !double.IsFinite(energy))
                {
                    continue;
                }

                components++;
                // In-band power per sample of this group, in input units: E/(N_RA²·G²)/scale².
                powerSum += energy / ((double)n * n * count * count * scale * scale);
                float weight = (float)(1.0 / (_length * energy));
                for (int r = 0; r < _conjugateRoots.Length; r++)
                {
                    AccumulateProfile(_conjugateRoots[r], weight, _profiles[r]);
                }
            }
        }

        if (components == 0)
        {
            return 0;
        }

        double inBandPower = powerSum / components;
        double threshold = ThresholdFor(components);
        return FindPeaks(components, threshold, inBandPower, groupSize, detections);
    }

    private int GroupSize(int repetitions) => _options.CoherentRepetitions == 0
        ? Math.Clamp((int)(MaxCoherentSeconds * _timing.Configuration.SubcarrierSpacingHz), 1, repetitions)
        : Math.Min(_options.CoherentRepetitions, repetitions);

    private static float InverseLargestMagnitude(ReadOnlySpan<ComplexF32> samples)
    {
        // Fast path: the largest |Re|, |Im| is finite, so every sample is (NaN would propagate, ±∞ would be the largest).
        float largest = samples.IsEmpty ? 0 : TensorPrimitives.MaxMagnitude(ComplexF32.AsFloats(samples));
        if (float.IsFinite(largest))
        {
            largest = Math.Abs(largest);
            return largest > 0 ? 1f / largest : 0f;
        }

        largest = 0;
        foreach (ComplexF32 s in samples)
        {
            float m = Math.Max(Math.Abs(s.Re), Math.Abs(s.Im));
            if (m > largest && float.IsFinite(m))
            {
                largest = m;
            }
        }

        return largest > 0 ? 1f / largest : 0f;
    }

    private void SumWindows(ReadOnlySpan<ComplexF32> antenna, int start, int count, float scale)
    {
        // _window[i] = scale·Σ_r x[start + r·N_RA + i] with non-finite samples read as 0.
        int n = _window.Length;
        Span<ComplexF32> window = _window;
        window.Clear();
        Span<float> sum = ComplexF32.AsFloats(window);
        for (int r = 0; r < count; r++)
        {
            ReadOnlySpan<ComplexF32> block = antenna.Slice(start + (r * n), n);
            ReadOnlySpan<float> values = ComplexF32.AsFloats(block);

            // Fast path (vectorised): the block's sum is finite only when every sample is finite (NaN propagates, ±∞
            // stays infinite or turns into NaN); an overflowing sum of finite values just takes the slow path.
            if (float.IsFinite(TensorPrimitives.Sum(values)))
            {
                TensorPrimitives.MultiplyAdd(values, scale, sum, sum);
                continue;
            }

            for (int i = 0; i < n; i++)
            {
                ComplexF32 s = block[i];
                if (float.IsFinite(s.Re) && float.IsFinite(s.Im))
                {
                    window[i] += s * scale;
                }
            }
        }
    }

    private double ExtractBins(long firstSubcarrier)
    {
        int n = _spectrum.Length;
        int bin = (int)(((firstSubcarrier % n) + n) % n);
        double energy = 0;
        for (int k = 0; k < _length; k++)
        {
            ComplexF32 value = _spectrum[bin];
            _bins[k] = value;
            energy += ((double)value.Re * value.Re) + ((double)value.Im * value.Im);
            bin = bin + 1 == n ? 0 : bin + 1;
        }

        return energy;
    }

    private void AccumulateProfile(ComplexF32[] conjugateRoot, float weight, float[] profile)
    {
        // z(m) = Σ_k Y(k)·conj(y_u(k))·e^(+j2πkm/M) (an unscaled inverse transform): Y(k) = y_u(k)·e^(j2πC_v·k/L)·e^(−j2πτk/L)
        // for cyclic shift C_v and delay τ (in samples of the L-point sequence), so the peak is at m = (τ − C_v)·M/L mod M.
        Span<ComplexF32> input = _correlationInput;
        ComplexKernels.Multiply(_bins, conjugateRoot, input.Slice(0, _length));
        input.Slice(_length).Clear();
        _correlationFft.Transform(_correlationInput, _correlation, FftDirection.Inverse);
        // profile[m] += |z(m)|²·weight, vectorised: the power goes to the (now free) input buffer's float view first.
        Span<float> power = ComplexF32.AsFloats(input).Slice(0, profile.Length);
        ComplexKernels.MagnitudeSquared(_correlation, power);
        TensorPrimitives.MultiplyAdd(power, weight, profile, profile);
    }

    /// <summary>
    /// Whether the peak of preamble <paramref name="preamble"/> at <paramref name="cell"/> is explained by a sidelobe of a
    /// stronger peak of the same root: within 2.5 sequence samples and at least 10 dB stronger (the correlation's first
    /// sidelobe is 13 dB down). Every zone of the root is scanned, so the test does not depend on preamble order.
    /// </summary>
    private bool IsSidelobe(int preamble, int cell, float peak)
    {
        PrachPreambleSet preambles = _timing.Configuration.Preambles;
        int root = preambles[preamble].RootSlot;
        float[] profile = _profiles[root];
        int m = _correlationSize;
        int reach = (int)Math.Ceiling(2.5 * m / _length);
        for (int d = -reach; d <= reach; d++)
        {
            if (profile[(cell + d) & (m - 1)] >= 10 * peak)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first cell (0-based within the zone) of the largest value above 0 among the <paramref name="count"/> cells of
    /// <paramref name="profile"/> from <paramref name="start"/>, wrapping at its length (a power of two), and the value;
    /// (−1, 0) when none is above 0. The zone is at most two contiguous runs, each searched with a vectorised arg-max; a
    /// run holding a NaN (from non-finite samples) is searched cell by cell, which never picks a NaN.
    /// </summary>
    internal static (int Cell, float Peak) ZonePeak(ReadOnlySpan<float> profile, int start, int count)
    {
        int firstRun = Math.Min(count, profile.Length - start);
        (int best, float peak) = RunPeak(profile.Slice(start, firstRun));
        if (count > firstRun)
        {
            (int wrapped, float wrappedPeak) = RunPeak(profile.Slice(0, count - firstRun));
            if (wrappedPeak > peak)
            {
                (best, peak) = (firstRun + wrapped, wrappedPeak);
            }
        }

        return (best, peak);
    }

    private static (int Cell, float Peak) RunPeak(ReadOnlySpan<float> run)
    {
        if (run.IsEmpty)
        {
            return (-1, 0);
        }

        int index = TensorPrimitives.IndexOfMax(run);
        float value = run[index];
        if (float.IsNaN(value))
        {
            int best = -1;
            float peak = 0;
            for (int c = 0; c < run.Length; c++)
            {
                if (run[c] > peak)
                {
                    (best, peak) = (c, run[c]);
                }
            }

            return (best, peak);
        }

        return value > 0 ? (index, value) : (-1, 0);
    }

    private int FindPeaks(int components, double threshold, double inBandPower, int groupSize, Span<PrachDetection> detections)
    {
        PrachPreambleSet preambles = _timing.Configuration.Preambles;
        int m = _correlationSize;
        double samplesPerCell = (double)_length / m;
        double deltaFRa = _timing.Configuration.SubcarrierSpacingHz;
        float limit = (float)(threshold * components);
        int found = 0;
        for (int p = 0; p < PrachPreambleSet.PreambleCount; p++)
        {
            float[] profile = _profiles[preambles[p].RootSlot];
            int start = _zoneStartCell[p];
            (int best, float peak) = ZonePeak(profile, start, _zoneCells[p]);

            if (best < 0 || !(peak >= limit) || found >= detections.Length)
            {
                continue;
            }

            if (IsSidelobe(p, (start + best) & (m - 1), peak))
            {
                continue;
            }

            // The peak must be a local maximum of the whole profile: a zone's edge cell that only carries the main lobe of
            // the neighbouring preamble's peak is not a detection. Then refine with a parabola through the three cells.
            int centre = (start + best) & (m - 1);
            float left = profile[(centre - 1) & (m - 1)];
            float right = profile[(centre + 1) & (m - 1)];
            if (left > peak || right > peak)
            {
                continue;
            }

            double curvature = left - (2.0 * peak) + right;
            double offset = curvature < 0 ? Math.Clamp(0.5 * (left - right) / curvature, -0.5, 0.5) : 0;
            double delayCells = start + best + offset - _zoneStartExact[p];
            double delaySamples = Math.Clamp(delayCells * samplesPerCell, 0, preambles.ZoneLength);
            double seconds = delaySamples / (_length * deltaFRa);
            double metric = peak / components;
            double share = Math.Clamp((metric - 1) / (_length - 1), 0, 1);
            double snr = share >= 1 ? double.PositiveInfinity : share / (1 - share) / groupSize;
            int command = (int)Math.Min(MaxTimingAdvanceCommand, Math.Round(seconds / _timingAdvanceUnitSeconds));
            detections[found++] = new PrachDetection(
                p,
                seconds,
                seconds * _timing.SampleRateHz,
                command,
                (float)metric,
                share * inBandPower,
                10 * Math.Log10(snr));
        }

        return found;
    }
}
