using System;
using System.Numerics;
using OpenRan.Dsp;
using OpenRan.Dsp.Fft;
using OpenRan.Phy.Lower.Ofdm;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// Generates PRACH preambles at the carrier's sample rate (TS 38.211 §5.3.2, §6.3.3): the baseband signal
/// s(t) = β·Σ_k a_k·e^(j2π(k + K·k_1 + k̄)·Δf_RA·(t − N_CP,l^RA·T_c − t_start^RA)) over t_start^RA ≤ t &lt; t_start^RA +
/// (N_CP,l^RA + N_u)·T_c, with a_k = y_{u,v}(k)/√L_RA (unit-power PRACH subcarriers). The signal is periodic in
/// N_RA = f_s/Δf_RA samples, so one inverse FFT of N_RA points gives a period; the cyclic prefix and the repetitions are
/// copies of it. The result lines up with the carrier's OFDM grid sample for sample, so a preamble and an OFDM waveform
/// can be summed (<see cref="PrachWriteMode.Add"/>).
/// </summary>
/// <remarks>
/// Amplitude: with the carrier's <see cref="OfdmScaling"/> c (1/N, 1/√N or 1), the time-domain scale is c·√(N/N_RA), so a
/// unit-power PRACH subcarrier has the same power spectral density as a unit-power resource element of the OFDM grid
/// (MATLAB's <c>nrPRACHOFDMModulate</c> convention for <see cref="OfdmScaling.InverseFftSize"/>: samples = ifft·1/√(N·N_RA)
/// of y_{u,v}/√L_RA). The TS 38.211 §5.4 up-conversion phase e^(−j2π·f0·(t_start^RA + N_CP,l^RA·T_c)) (t from the start
/// of the subframe) is applied when a carrier frequency is given. Plans and buffers are made once; a call allocates
/// nothing. Not thread-safe.
/// </remarks>
public sealed class PrachGenerator
{
    private readonly PrachTiming _timing;
    private readonly ComplexF32[][] _roots;
    private readonly ComplexF32[] _shiftTable;
    private readonly ComplexF32[] _frequency;
    private readonly ComplexF32[] _period;
    private readonly IFft _ifft;
    private readonly float _scale;
    private readonly double _carrierFrequencyHz;

    /// <summary>Plans a generator for <paramref name="timing"/>.</summary>
    /// <param name="timing">The PRACH configuration at the carrier's sample rate.</param>
    /// <param name="scaling">The carrier's OFDM amplitude convention (default MATLAB's 1/N).</param>
    /// <param name="carrierFrequencyHz">f0 for the §5.4 phase (0 = none, MATLAB's default).</param>
    /// <param name="fftImplementation"><c>auto</c>, <c>avx2</c> or <c>generic</c>.</param>
    public PrachGenerator(PrachTiming timing, OfdmScaling scaling = OfdmScaling.InverseFftSize, double carrierFrequencyHz = 0, string fftImplementation = "auto")
    {
        ArgumentNullException.ThrowIfNull(timing);
        if (!double.IsFinite(carrierFrequencyHz) || carrierFrequencyHz < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(carrierFrequencyHz), carrierFrequencyHz, "≥ 0 Hz (0 = no phase compensation)");
        }

        _timing = timing;
        _carrierFrequencyHz = carrierFrequencyHz;
        PrachConfiguration configuration = timing.Configuration;
        int length = configuration.SequenceLength;
        _roots = new ComplexF32[configuration.Preambles.Roots.Count][];
        var root = new Complex[length];
        for (int r = 0; r < _roots.Length; r++)
        {
            PrachSequence.FrequencyDomain(configuration.Preambles.Roots[r], length, root);
            _roots[r] = Array.ConvertAll(root, c => new ComplexF32((float)c.Real, (float)c.Imaginary));
        }

        _shiftTable = new ComplexF32[length];
        for (int m = 0; m < length; m++)
        {
            _shiftTable[m] = ComplexF32.FromPolar(1.0, 2.0 * Math.PI * m / length);
        }

        int n = timing.RepetitionSamples;
        _frequency = new ComplexF32[n];
        _period = new ComplexF32[n];
        _ifft = FftFactory.Create(n, fftImplementation, FftScaling.None);
        int fftSize = timing.Carrier.FftSize;
        double c = scaling switch
        {
            OfdmScaling.InverseFftSize => 1.0 / fftSize,
            OfdmScaling.Unitary => 1.0 / Math.Sqrt(fftSize),
            OfdmScaling.None => 1.0,
            _ => throw new ArgumentOutOfRangeException(nameof(scaling), scaling, "InverseFftSize, Unitary or None."),
        };
        _scale = (float)(c * Math.Sqrt((double)fftSize / n) / Math.Sqrt(length));
    }

    /// <summary>The timing this generator was planned for.</summary>
    public PrachTiming Timing => _timing;

    /// <summary>
    /// Writes preamble <paramref name="preambleIndex"/> of occasion <paramref name="occasion"/> and frequency occasion
    /// <paramref name="frequencyIndex"/>: <paramref name="destination"/>[0] is t_start^RA (the start of the cyclic prefix,
    /// with N_TA = 0); <see cref="PrachTiming.OccasionSamples"/> samples are written (plus ⌊delay⌋ leading zeros).
    /// </summary>
    /// <param name="occasion">An occasion of the configuration (from <see cref="PrachConfiguration.GetOccasions"/>).</param>
    /// <param name="frequencyIndex">n_RA, 0..msg1-FDM − 1.</param>
    /// <param name="preambleIndex">0..63.</param>
    /// <param name="destination">At least ⌊delay⌋ + occasion samples.</param>
    /// <param name="mode">Overwrite or add.</param>
    /// <param name="amplitude">β_PRACH (linear amplitude, finite).</param>
    /// <param name="delaySamples">
    /// A propagation delay for simulations, ≥ 0 samples: the whole part shifts the output, the fraction is applied as the
    /// exact band-limited phase ramp e^(−j2π·f·τ) on the PRACH subcarriers.
    /// </param>
    public void Generate(in PrachOccasion occasion, int frequencyIndex, int preambleIndex, Span<ComplexF32> destination, PrachWriteMode mode = PrachWriteMode.Overwrite, float amplitude = 1f, double delaySamples = 0)
    {
        PrachConfiguration configuration = _timing.Configuration;
        PrachPreamble preamble = configuration.Preambles[preambleIndex];
        long firstSubcarrier = configuration.FirstSubcarrierOffset(frequencyIndex);
        if (!float.IsFinite(amplitude))
        {
            ThrowHelper.ThrowOutOfRange(nameof(amplitude), amplitude, "a finite β_PRACH");
        }

        if (!(delaySamples >= 0) || delaySamples > _timing.RepetitionSamples)
        {
            ThrowHelper.ThrowOutOfRange(nameof(delaySamples), delaySamples, $"0..{_timing.RepetitionSamples} samples");
        }

        int cp = _timing.CyclicPrefixSamples(occasion);
        int useful = _timing.UsefulSamples(occasion);
        int wholeDelay = (int)Math.Floor(delaySamples);
        double fractionalDelay = delaySamples - wholeDelay;
        int required = wholeDelay + cp + useful;
        if (destination.Length < required)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, required);
        }

        // One period in the frequency domain: a_k at DFT bin (K·k1 + k̄ + k) mod N_RA.
        int n = _timing.RepetitionSamples;
        int length = configuration.SequenceLength;
        Array.Clear(_frequency);
        ComplexF32[] root = _roots[preamble.RootSlot];
        double phase = 0;
        if (_carrierFrequencyHz != 0)
        {
            // §5.4: e^(−j2π·f0·(t_start^RA + N_CP,l^RA·T_c)), t from the start of the subframe.
            double cycles = _carrierFrequencyHz * (_timing.StartSampleInSubframe(occasion) + cp) / _timing.SampleRateHz;
            phase = -2.0 * Math.PI * (cycles - Math.Floor(cycles));
        }

        ComplexF32 common = ComplexF32.FromPolar(amplitude * _scale, phase);
        long shiftIndex = 0;
        for (int k = 0; k < length; k++)
        {
            long frequency = firstSubcarrier + k;
            ComplexF32 value = root[k] * _shiftTable[shiftIndex] * common;
            if (fractionalDelay != 0)
            {
                value *= ComplexF32.FromPolar(1.0, -2.0 * Math.PI * (frequency * fractionalDelay / n % 1.0));
            }

            int bin = (int)(((frequency % n) + n) % n);
            _frequency[bin] = value;
            shiftIndex += preamble.CyclicShift;
            if (shiftIndex >= length)
            {
                shiftIndex -= length;
            }
        }

        _ifft.Transform(_frequency, _period, FftDirection.Inverse);

        // t = −N_CP … N_u − 1 relative to the useful part maps to period sample t mod N_RA.
        Span<ComplexF32> output = destination.Slice(0, required);
        if (mode == PrachWriteMode.Overwrite)
        {
            output.Slice(0, wholeDelay).Clear();
        }

        Span<ComplexF32> body = output.Slice(wholeDelay);
        int position = ((-cp % n) + n) % n;
        int written = 0;
        while (written < body.Length)
        {
            int run = Math.Min(n - position, body.Length - written);
            ReadOnlySpan<ComplexF32> source = _period.AsSpan(position, run);
            Span<ComplexF32> target = body.Slice(written, run);
            if (mode == PrachWriteMode.Add)
            {
                ComplexKernels.Add(target, source, target);
            }
            else
            {
                source.CopyTo(target);
            }

            written += run;
            position = 0;
        }
    }
}
