using System;
using OpenRan.Dsp;

namespace OpenRan.Simulation.Channels;

/// <summary>
/// A carrier frequency offset Δf: multiplies sample n (absolute index since the start of the stream) by
/// e^(j2π·Δf·n / f_s), on every antenna alike (one oscillator). Stateless apart from the configuration; allocation-free.
/// </summary>
/// <remarks>
/// The phasor is evaluated exactly (double precision) every 256 samples and rotated in double precision in between, so
/// the phase stays exact over arbitrarily long streams.
/// </remarks>
public sealed class CarrierFrequencyOffset
{
    private const int AnchorInterval = 256;
    private readonly double _radiansPerSample;

    /// <summary>Creates the offset <paramref name="frequencyOffsetHz"/> (|Δf| ≤ f_s / 2) at sample rate <paramref name="sampleRateHz"/>.</summary>
    public CarrierFrequencyOffset(double frequencyOffsetHz, double sampleRateHz)
    {
        if (!(sampleRateHz > 0) || double.IsInfinity(sampleRateHz))
        {
            ThrowHelper.ThrowOutOfRange(nameof(sampleRateHz), sampleRateHz, "a finite rate > 0 Hz");
        }

        if (!(Math.Abs(frequencyOffsetHz) <= sampleRateHz / 2))
        {
            ThrowHelper.ThrowOutOfRange(nameof(frequencyOffsetHz), frequencyOffsetHz, $"|Δf| ≤ f_s/2 = {sampleRateHz / 2} Hz");
        }

        FrequencyOffsetHz = frequencyOffsetHz;
        SampleRateHz = sampleRateHz;
        _radiansPerSample = 2 * Math.PI * frequencyOffsetHz / sampleRateHz;
    }

    /// <summary>The offset Δf in Hz.</summary>
    public double FrequencyOffsetHz { get; }

    /// <summary>The sample rate f_s in Hz.</summary>
    public double SampleRateHz { get; }

    /// <summary>
    /// Rotates <paramref name="samples"/> (antenna-major, <paramref name="antennaCount"/> antennas of equal length) whose
    /// first sample per antenna has absolute index <paramref name="firstSampleIndex"/>.
    /// </summary>
    public void Apply(Span<ComplexF32> samples, int antennaCount, long firstSampleIndex)
    {
        if (antennaCount <= 0 || samples.Length % antennaCount != 0)
        {
            ThrowHelper.ThrowArgument(nameof(antennaCount), $"samples.Length = {samples.Length} is not a multiple of antennaCount = {antennaCount}.");
        }

        if (_radiansPerSample == 0)
        {
            return;
        }

        int perAntenna = samples.Length / antennaCount;
        for (int a = 0; a < antennaCount; a++)
        {
            Span<ComplexF32> s = samples.Slice(a * perAntenna, perAntenna);
            for (int start = 0; start < perAntenna; start += AnchorInterval)
            {
                int n = Math.Min(AnchorInterval, perAntenna - start);
                (double sin, double cos) = Math.SinCos(_radiansPerSample * (firstSampleIndex + start));
                (double stepSin, double stepCos) = Math.SinCos(_radiansPerSample);
                for (int i = 0; i < n; i++)
                {
                    ComplexF32 v = s[start + i];
                    s[start + i] = new ComplexF32((float)((v.Re * cos) - (v.Im * sin)), (float)((v.Re * sin) + (v.Im * cos)));
                    double c = (cos * stepCos) - (sin * stepSin);
                    sin = (cos * stepSin) + (sin * stepCos);
                    cos = c;
                }
            }
        }
    }
}
