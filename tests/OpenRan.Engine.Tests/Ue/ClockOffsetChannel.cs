using System;
using OpenRan.Dsp;
using OpenRan.Radio.Channels;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>
/// A receiver whose clock runs fast by ε (ε &gt; 0, e.g. 5 ppm): its sample k is taken at the transmitter's time
/// k / (1 + ε) − D (D a fixed latency of a few samples), interpolated with a polyphase Kaiser-windowed sinc (40 taps, 512
/// phases: flat within −40 dB up to 0.45 f_s, beyond the 20 MHz carrier's ±0.414 f_s at 23.04 Msps), and its local oscillator
/// is off by ε·f_c, so the samples carry a carrier frequency offset of −ε·f_c. The timing drifts by ε·f_s samples per
/// second (115 at 23.04 Msps and 5 ppm). Continuous across calls (a history ring of the input); for tests.
/// </summary>
internal sealed class ClockOffsetChannel : ISampleChannel
{
    private const int HalfWidth = 20;
    private const int Phases = 512;
    private const int Latency = HalfWidth + 2;
    private const int HistoryLength = 1 << 13;
    private readonly double _ratio;
    private readonly double _cyclesPerSample;
    private readonly float[] _taps = new float[(Phases + 1) * 2 * HalfWidth];
    private readonly ComplexF32[] _history = new ComplexF32[HistoryLength];

    /// <param name="ppm">The receiver clock's error ε in parts per million (&gt; 0: fast).</param>
    /// <param name="carrierHz">The carrier frequency f_c.</param>
    /// <param name="sampleRateHz">f_s.</param>
    public ClockOffsetChannel(double ppm, double carrierHz, double sampleRateHz)
    {
        if (!(ppm > 0 && ppm <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(ppm), ppm, "0 < ppm ≤ 100 (a slow receiver clock would need the future)");
        }

        double epsilon = ppm * 1e-6;
        _ratio = 1 / (1 + epsilon);
        _cyclesPerSample = -epsilon * carrierHz / sampleRateHz;
        const double Beta = 6;
        double i0Beta = BesselI0(Beta);
        for (int p = 0; p <= Phases; p++)
        {
            double fraction = (double)p / Phases;
            double sum = 0;
            var raw = new double[2 * HalfWidth];
            for (int i = 0; i < raw.Length; i++)
            {
                // Tap i weighs x[i0 − W + 1 + i] for the position i0 + fraction.
                double u = i - HalfWidth + 1 - fraction;
                double ratio = u / HalfWidth;
                double window = BesselI0(Beta * Math.Sqrt(Math.Max(0, 1 - (ratio * ratio)))) / i0Beta;
                raw[i] = (u == 0 ? 1 : Math.Sin(Math.PI * u) / (Math.PI * u)) * window;
                sum += raw[i];
            }

            for (int i = 0; i < raw.Length; i++)
            {
                _taps[(p * 2 * HalfWidth) + i] = (float)(raw[i] / sum);
            }
        }
    }

    public void Apply(ReadOnlySpan<ComplexF32> tx, Span<ComplexF32> rx, long timestampSamples)
    {
        // The input stream is continuous (the radio's receive clock); the history ring is indexed by timestamp, and each
        // output sample needs only inputs older than itself (the latency), so they are interleaved sample by sample.
        for (int n = 0; n < rx.Length; n++)
        {
            long k = timestampSamples + n;
            _history[k & (HistoryLength - 1)] = tx[n];
            double position = (k * _ratio) - Latency;
            if (position < HalfWidth)
            {
                rx[n] = default;
                continue;
            }

            long whole = (long)Math.Floor(position);
            int phase = (int)Math.Round((position - whole) * Phases);
            ReadOnlySpan<float> taps = _taps.AsSpan(phase * 2 * HalfWidth, 2 * HalfWidth);
            long first = whole - HalfWidth + 1;
            float re = 0;
            float im = 0;
            for (int i = 0; i < taps.Length; i++)
            {
                ComplexF32 x = _history[(first + i) & (HistoryLength - 1)];
                re += taps[i] * x.Re;
                im += taps[i] * x.Im;
            }

            rx[n] = new ComplexF32(re, im);
        }

        ComplexMixer.Mix(rx, _cyclesPerSample, timestampSamples, rx);
    }

    public void Reset()
    {
        Array.Clear(_history);
    }

    private static double BesselI0(double x)
    {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++)
        {
            term *= x * x / (4.0 * k * k);
            sum += term;
        }

        return sum;
    }
}
