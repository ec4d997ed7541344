using System;
using OpenRan.Dsp;
using OpenRan.Dsp.Fft;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>
/// Time-domain search for an SS/PBCH block in captured baseband samples, followed by the OFDM demodulation of the block
/// (TS 38.211 §5.3.1, §7.4.3.1): the block is mixed to DC, the PSS (§7.4.2.2) is found by correlating with the three N_ID^(2)
/// replicas, first coarsely on a low-pass filtered, decimated copy and then at full rate around the coarse peak, and the
/// four symbols are demodulated into a 4 × 240 resource grid ready for <see cref="CellIdentityDetector"/> and
/// <see cref="PbchReceiver"/> (block symbol 0 at grid symbol 0, block subcarrier 0 at grid subcarrier 0).
/// </summary>
/// <remarks>
/// <para>
/// Mixing: sample n is multiplied by e^(−j2π·f_off·n/f_s); the phase is evaluated in double precision, exactly every 64
/// samples and by a double-precision table in between, so it does not drift over long captures.
/// </para>
/// <para>
/// Coarse search: the PSS occupies block subcarriers 56..182, i.e. FFT bins −64..62 around the block centre, so the mixed
/// signal is low-pass filtered (Hamming-windowed sinc, cut-off at the decimated Nyquist frequency) and decimated by the
/// largest power of two D that leaves at least 192 bins (N_d = N/D; 46.08 Msps at 30 kHz: N = 1536, D = 8, N_d = 192).
/// Every decimated position is correlated with the decimated replicas. Fine search: at full rate, positions within ±2D
/// samples of the coarse peak. Both stages correlate the two halves of the symbol separately and add their energies,
/// which keeps the metric within 1 dB for a residual frequency offset up to Δf/2. The coarse stage costs about
/// 3·(L/D)·N_d complex multiply-adds for L samples (3·57 600·192 ≈ 33 M for 10 ms at 46.08 Msps) instead of 3·L·N at full rate.
/// </para>
/// <para>
/// Residual CFO: the PSS symbol's useful part, band-limited to the block's 240 bins, is correlated with the two halves of
/// the replica; their phase advance gives ε (see <see cref="SsbTimeSearchResult.ResidualFrequencyOffsetHz"/>), and the
/// block's samples are mixed again with f_off + ε before the FFTs.
/// </para>
/// <para>
/// Demodulation: symbol l of the block has its useful part at the PSS start + l·(N + N_CP), N_CP = 144·N/2048 (no block
/// symbol carries the longer prefix of a half subframe's first symbol, see
/// <see cref="SsbTimeSearchConfiguration.CyclicPrefixSamples"/>). Block subcarrier k is FFT bin k − 120; resource elements are
/// the unscaled DFT of the useful part (the inverse of the 1/N convention of <c>OfdmScaling.InverseFftSize</c>). With
/// f_SSB configured, symbol l is multiplied by e^(+j2π·f_SSB·l·(N + N_CP)/f_s), the §5.4 phase relative to the PSS symbol.
/// </para>
/// <para>Integrity: samples that are not finite or larger than <see cref="ComplexErasure.DefaultMaxMagnitude"/> are erased
/// after mixing (also in the block demodulated) and counted, so no sample value makes the search throw or report a
/// non-finite metric or offset; silence (all-zero or subnormal samples) gives metric 0, not detected.</para>
/// <para>One instance per worker; buffers grow to the longest input seen and are reused, so repeated searches over
/// inputs of the same length allocate nothing. Not thread-safe.</para>
/// </remarks>
public sealed class SsbTimeSearch
{
    private const int MinDecimatedFftSize = 192;
    private const int PssHalfWidth = 64;
    private const int BlockCentre = SsbResourceMap.SubcarrierCount / 2;

    private readonly int _fftSize;
    private readonly int _cyclicPrefix;
    private readonly int _decimation;
    private readonly int _decimatedFftSize;
    private readonly float[] _lowPass;
    private readonly ComplexF32[] _replicas;
    private readonly ComplexF32[] _decimatedReplicas;
    private readonly float[] _halfEnergies = new float[6];
    private readonly float[] _decimatedHalfEnergies = new float[6];
    private readonly ComplexF32[] _phaseCompensation = new ComplexF32[SsbResourceMap.SymbolCount];
    private readonly IFft _fft;
    private readonly ComplexF32[] _bins;
    private readonly ComplexF32[] _block;
    private ComplexF32[] _mixed = [];
    private ComplexF32[] _decimated = [];

    /// <summary>Validates <paramref name="configuration"/> and builds the replicas, the decimation filter and the FFT plan.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A configuration field is outside its valid range (the message names it and the range).</exception>
    public SsbTimeSearch(SsbTimeSearchConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Validate();
        Configuration = configuration;
        _fftSize = configuration.FftSize;
        _cyclicPrefix = configuration.CyclicPrefixSamples;
        _decimation = 1;
        while (_fftSize % (2 * _decimation) == 0 && _fftSize / (2 * _decimation) >= MinDecimatedFftSize)
        {
            _decimation *= 2;
        }

        _decimatedFftSize = _fftSize / _decimation;
        _fft = FftFactory.Create(_fftSize, configuration.FftImplementation);
        _bins = new ComplexF32[_fftSize];
        _block = new ComplexF32[BlockSampleCount];
        _replicas = BuildReplicas(_fft, _halfEnergies);
        _decimatedReplicas = _decimation == 1 ? _replicas : BuildReplicas(FftFactory.Create(_decimatedFftSize, "generic"), _decimatedHalfEnergies);
        if (_decimation == 1)
        {
            _halfEnergies.CopyTo(_decimatedHalfEnergies, 0);
        }

        _lowPass = _decimation == 1 ? [] : DesignLowPass(_fftSize, _decimation);
        for (int l = 0; l < _phaseCompensation.Length; l++)
        {
            double cycles = configuration.SsbCenterFrequencyHz * l * (_fftSize + _cyclicPrefix) / configuration.SampleRateHz;
            _phaseCompensation[l] = ComplexF32.FromPolar(1.0, 2.0 * Math.PI * (cycles - Math.Floor(cycles)));
        }
    }

    /// <summary>The configuration.</summary>
    public SsbTimeSearchConfiguration Configuration { get; }

    /// <summary>The FFT size N = f_s/Δf.</summary>
    public int FftSize => _fftSize;

    /// <summary>The decimation factor D of the coarse search (1 when N/2 &lt; 192).</summary>
    public int Decimation => _decimation;

    /// <summary>The samples the four symbols of a block span from the PSS useful part: 3·(N + N_CP) + N.</summary>
    public int BlockSampleCount => (3 * (_fftSize + _cyclicPrefix)) + _fftSize;

    /// <summary>
    /// Finds the strongest PSS in <paramref name="samples"/> and demodulates its SS/PBCH block into <paramref name="grid"/>.
    /// </summary>
    /// <param name="samples">Baseband samples at <see cref="SsbTimeSearchConfiguration.SampleRateHz"/>; at least
    /// <see cref="BlockSampleCount"/> of them. Only positions whose four symbols lie wholly inside are considered.</param>
    /// <param name="grid">Re-dimensioned to 1 port × 4 symbols × 240 subcarriers (20 RB) and filled with the block found, also
    /// when the metric stays below the threshold; needs room for at least that.</param>
    /// <exception cref="ArgumentException">Too few samples, or a grid too small for the block.</exception>
    public SsbTimeSearchResult Search(ReadOnlySpan<ComplexF32> samples, ResourceGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (samples.Length < BlockSampleCount)
        {
            ThrowHelper.ThrowArgument(nameof(samples), $"samples has length {samples.Length}; an SS/PBCH block needs at least {BlockSampleCount} (3·(N + N_CP) + N with N = {_fftSize}, N_CP = {_cyclicPrefix}).");
        }

        if (grid.MaxSymbolCount < SsbResourceMap.SymbolCount || grid.MaxSubcarrierCount < SsbResourceMap.SubcarrierCount)
        {
            ThrowHelper.ThrowArgument(nameof(grid), $"grid holds at most {grid.MaxSymbolCount} symbols × {grid.MaxSubcarrierCount} subcarriers; the SS/PBCH block needs {SsbResourceMap.SymbolCount} × {SsbResourceMap.SubcarrierCount}.");
        }

        double sampleRateHz = Configuration.SampleRateHz;
        int lastStart = samples.Length - BlockSampleCount;
        EnsureCapacity(ref _mixed, samples.Length);
        Span<ComplexF32> mixed = _mixed.AsSpan(0, samples.Length);
        ComplexMixer.Mix(samples, -Configuration.SsbFrequencyOffsetHz / sampleRateHz, 0, mixed);
        int erased = ComplexErasure.Erase(mixed);

        // Coarse search on the decimated signal (or on the mixed one when D = 1).
        ReadOnlySpan<ComplexF32> decimated = mixed;
        if (_decimation > 1)
        {
            int decimatedCount = ((samples.Length - 1) / _decimation) + 1;
            EnsureCapacity(ref _decimated, decimatedCount);
            Decimate(mixed, _lowPass, _decimation, _decimated.AsSpan(0, decimatedCount));
            decimated = _decimated.AsSpan(0, decimatedCount);
        }

        Peak coarse = Correlate(decimated, _decimatedReplicas, _decimatedHalfEnergies, _decimatedFftSize, 0, lastStart / _decimation);

        // Fine search at full rate within ±2D of the coarse peak.
        int centre = coarse.Position * _decimation;
        Peak fine = Correlate(mixed, _replicas, _halfEnergies, _fftSize, Math.Max(0, centre - (2 * _decimation)), Math.Min(lastStart, centre + (2 * _decimation)));

        double residualHz = EstimateResidualFrequencyOffset(mixed.Slice(fine.Position, _fftSize), _replicas.AsSpan(fine.NId2 * _fftSize, _fftSize));
        Demodulate(samples.Slice(fine.Position, BlockSampleCount), fine.Position, -(Configuration.SsbFrequencyOffsetHz + residualHz) / sampleRateHz, grid);
        return new SsbTimeSearchResult(coarse.Metric >= Configuration.DetectionThreshold, fine.NId2, fine.Position, _cyclicPrefix, coarse.Metric, residualHz, erased);
    }

    /// <summary>
    /// The residual CFO ε within the PSS symbol: its useful part is band-limited to the block's 240 bins (FFT, other bins
    /// cleared, inverse FFT, so that other signals in the sampled band do not leak in), and its correlations with the two
    /// halves of the replica advance by Δφ = arg(c₂·conj(c₁)) = 2π·ε·(N/2)/f_s, unambiguous within ±Δf.
    /// </summary>
    private double EstimateResidualFrequencyOffset(ReadOnlySpan<ComplexF32> pssUsefulPart, ReadOnlySpan<ComplexF32> replica)
    {
        _fft.Transform(pssUsefulPart, _bins, FftDirection.Forward);
        _bins.AsSpan(BlockCentre, _fftSize - SsbResourceMap.SubcarrierCount).Clear();
        _fft.Transform(_bins, FftDirection.Inverse);
        int half = _fftSize / 2;
        ComplexF32 c1 = ComplexKernels.DotConjugate(_bins.AsSpan(0, half), replica[..half]);
        ComplexF32 c2 = ComplexKernels.DotConjugate(_bins.AsSpan(half), replica[half..]);
        ComplexF32 advance = ComplexF32.MultiplyConjugate(c2, c1);
        return advance.MagnitudeSquared > 0 ? Math.Atan2(advance.Im, advance.Re) * Configuration.SampleRateHz / (Math.PI * _fftSize) : 0;
    }

    /// <summary>Mixes the block to DC (with the residual CFO removed), transforms its four symbols and maps them onto the grid.</summary>
    private void Demodulate(ReadOnlySpan<ComplexF32> samples, int firstSampleIndex, double cyclesPerSample, ResourceGrid grid)
    {
        ComplexMixer.Mix(samples, cyclesPerSample, firstSampleIndex, _block);
        ComplexErasure.Erase(_block);
        grid.Configure(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount / NrConstants.SubcarriersPerRb);
        for (int l = 0; l < SsbResourceMap.SymbolCount; l++)
        {
            _fft.Transform(_block.AsSpan(l * (_fftSize + _cyclicPrefix), _fftSize), _bins, FftDirection.Forward);
            Span<ComplexF32> symbol = grid.Symbol(0, l);
            ComplexF32 phase = _phaseCompensation[l];
            for (int k = 0; k < SsbResourceMap.SubcarrierCount; k++)
            {
                symbol[k] = _bins[(k - BlockCentre + _fftSize) % _fftSize] * phase;
            }
        }
    }

    /// <summary>The position in [first, last] and N_ID^(2) with the largest normalised half-symbol PSS correlation.</summary>
    private static Peak Correlate(ReadOnlySpan<ComplexF32> signal, ReadOnlySpan<ComplexF32> replicas, ReadOnlySpan<float> halfEnergies, int fftSize, int first, int last)
    {
        int half = fftSize / 2;
        var best = new Peak(first, 0, 0f);
        for (int position = first; position <= last; position++)
        {
            ReadOnlySpan<ComplexF32> window = signal.Slice(position, fftSize);
            float energy = ComplexKernels.SumOfMagnitudesSquared(window);
            if (!(energy > 0))
            {
                continue;
            }

            for (int nId2 = 0; nId2 < 3; nId2++)
            {
                ReadOnlySpan<ComplexF32> replica = replicas.Slice(nId2 * fftSize, fftSize);
                ComplexF32 c1 = ComplexKernels.DotConjugate(window[..half], replica[..half]);
                ComplexF32 c2 = ComplexKernels.DotConjugate(window[half..], replica[half..]);
                float metric = ((c1.MagnitudeSquared / halfEnergies[2 * nId2]) + (c2.MagnitudeSquared / halfEnergies[(2 * nId2) + 1])) / energy;
                if (metric > best.Metric)
                {
                    best = new Peak(position, nId2, Math.Min(metric, 1f));
                }
            }
        }

        return best;
    }

    /// <summary>
    /// destination[j] = Σ_t h[t]·x[j·D + t − (T − 1)/2], with x taken as 0 outside its range (a zero-phase filter, so decimated
    /// index j is full-rate index j·D).
    /// </summary>
    private static void Decimate(ReadOnlySpan<ComplexF32> x, ReadOnlySpan<float> taps, int decimation, Span<ComplexF32> destination)
    {
        int delay = (taps.Length - 1) / 2;
        for (int j = 0; j < destination.Length; j++)
        {
            int origin = (j * decimation) - delay;
            int tFirst = Math.Max(0, -origin);
            int tEnd = Math.Min(taps.Length, x.Length - origin);
            float re = 0, im = 0;
            for (int t = tFirst; t < tEnd; t++)
            {
                ComplexF32 v = x[origin + t];
                re += taps[t] * v.Re;
                im += taps[t] * v.Im;
            }

            destination[j] = new ComplexF32(re, im);
        }
    }

    /// <summary>
    /// The three PSS symbols' useful parts at FFT size <paramref name="plan"/>.Length: d_PSS on bins m − 64 (block subcarrier
    /// 56 + m relative to the block centre 120), inverse transformed and scaled to unit energy; the energies of the two halves
    /// of each go to <paramref name="halfEnergies"/>.
    /// </summary>
    private static ComplexF32[] BuildReplicas(IFft plan, Span<float> halfEnergies)
    {
        int n = plan.Length;
        var replicas = new ComplexF32[3 * n];
        Span<float> pss = stackalloc float[SynchronizationSignals.Length];
        for (int nId2 = 0; nId2 < 3; nId2++)
        {
            SynchronizationSignals.Pss(nId2, pss);
            Span<ComplexF32> replica = replicas.AsSpan(nId2 * n, n);
            for (int m = 0; m < pss.Length; m++)
            {
                replica[(m - PssHalfWidth + n) % n] = new ComplexF32(pss[m], 0f);
            }

            plan.Transform(replica, FftDirection.Inverse);
            ComplexKernels.Scale(replica, 1f / MathF.Sqrt(ComplexKernels.SumOfMagnitudesSquared(replica)), replica);
            halfEnergies[2 * nId2] = ComplexKernels.SumOfMagnitudesSquared(replica[..(n / 2)]);
            halfEnergies[(2 * nId2) + 1] = ComplexKernels.SumOfMagnitudesSquared(replica[(n / 2)..]);
        }

        return replicas;
    }

    /// <summary>
    /// A Hamming-windowed sinc low-pass with cut-off f_s/(2D) and unit DC gain. Its transition band, about 3.3·f_s/T wide, must
    /// end before the alias of the PSS edge at (N_d − 64) bins, so T ≥ 3.3·N/(N_d − 128) (81 taps for N = 1536, D = 8).
    /// </summary>
    private static float[] DesignLowPass(int fftSize, int decimation)
    {
        int decimatedSize = fftSize / decimation;
        int count = (int)Math.Ceiling(3.3 * fftSize / (decimatedSize - (2 * PssHalfWidth))) | 1;
        var taps = new float[count];
        double cutoff = 0.5 / decimation;
        int delay = (count - 1) / 2;
        double sum = 0;
        for (int t = 0; t < count; t++)
        {
            int offset = t - delay;
            double sinc = offset == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * offset) / (Math.PI * offset);
            double window = 0.54 - (0.46 * Math.Cos(2 * Math.PI * t / (count - 1)));
            taps[t] = (float)(sinc * window);
            sum += taps[t];
        }

        for (int t = 0; t < count; t++)
        {
            taps[t] = (float)(taps[t] / sum);
        }

        return taps;
    }

    private static void EnsureCapacity(ref ComplexF32[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new ComplexF32[length];
        }
    }

    private readonly record struct Peak(int Position, int NId2, float Metric);
}
