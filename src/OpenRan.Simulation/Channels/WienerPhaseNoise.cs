using System;
using System.Numerics.Tensors;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;

namespace OpenRan.Simulation.Channels;

/// <summary>
/// Oscillator phase noise as a Wiener process (random-walk phase): φ[n + 1] = φ[n] + Δ[n] with Δ ~ N(0, 2π·β / f_s),
/// which gives a Lorentzian spectrum of 3-dB (full) linewidth β; every antenna sees the same phase (one oscillator).
/// Optional impairment; allocation-free after construction; not thread-safe.
/// </summary>
public sealed class WienerPhaseNoise
{
    private const int ChunkLength = 2048;
    private readonly ComplexGaussianSource _source;
    private readonly double _incrementVariance;
    private readonly float[] _phase = new float[ChunkLength];
    private readonly float[] _sin = new float[ChunkLength];
    private readonly float[] _cos = new float[ChunkLength];
    private double _current;

    /// <summary>Creates phase noise of linewidth <paramref name="linewidthHz"/> (0 … 10 MHz) at <paramref name="sampleRateHz"/>.</summary>
    public WienerPhaseNoise(double linewidthHz, double sampleRateHz, ulong seed = 0)
    {
        if (!(linewidthHz >= 0 && linewidthHz <= 1e7))
        {
            ThrowHelper.ThrowOutOfRange(nameof(linewidthHz), linewidthHz, "0 … 1e7 Hz");
        }

        if (!(sampleRateHz > 0) || double.IsInfinity(sampleRateHz))
        {
            ThrowHelper.ThrowOutOfRange(nameof(sampleRateHz), sampleRateHz, "a finite rate > 0 Hz");
        }

        LinewidthHz = linewidthHz;
        _incrementVariance = 2 * Math.PI * linewidthHz / sampleRateHz;
        _source = new ComplexGaussianSource(seed);
    }

    /// <summary>The 3-dB linewidth β in Hz.</summary>
    public double LinewidthHz { get; }

    /// <summary>The variance of the phase increment per sample, 2π·β / f_s, in rad².</summary>
    public double IncrementVariance => _incrementVariance;

    /// <summary>Restarts the random walk at phase 0 with a new seed.</summary>
    public void Reset(ulong seed)
    {
        _source.Reset(seed);
        _current = 0;
    }

    /// <summary>Multiplies <paramref name="samples"/> (antenna-major, <paramref name="antennaCount"/> antennas) by e^(jφ[n]) and advances the walk.</summary>
    public void Apply(Span<ComplexF32> samples, int antennaCount)
    {
        if (antennaCount <= 0 || samples.Length % antennaCount != 0)
        {
            ThrowHelper.ThrowArgument(nameof(antennaCount), $"samples.Length = {samples.Length} is not a multiple of antennaCount = {antennaCount}.");
        }

        if (_incrementVariance == 0)
        {
            return;
        }

        int perAntenna = samples.Length / antennaCount;
        for (int start = 0; start < perAntenna; start += ChunkLength)
        {
            int n = Math.Min(ChunkLength, perAntenna - start);
            Span<float> phase = _phase.AsSpan(0, n);
            _source.GenerateReal(phase, _incrementVariance);
            for (int i = 0; i < n; i++)
            {
                _current += phase[i];
                phase[i] = (float)_current;
            }

            // Keep the running phase small so float conversion stays exact enough.
            _current = Math.IEEERemainder(_current, 2 * Math.PI);
            Span<float> sin = _sin.AsSpan(0, n);
            Span<float> cos = _cos.AsSpan(0, n);
            TensorPrimitives.SinCos(phase, sin, cos);
            for (int a = 0; a < antennaCount; a++)
            {
                Span<ComplexF32> s = samples.Slice((a * perAntenna) + start, n);
                for (int i = 0; i < n; i++)
                {
                    ComplexF32 v = s[i];
                    s[i] = new ComplexF32((v.Re * cos[i]) - (v.Im * sin[i]), (v.Re * sin[i]) + (v.Im * cos[i]));
                }
            }
        }
    }
}
