using System;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;

namespace OpenRan.Radio.Channels;

/// <summary>
/// A simple built-in impairment: an integer sample delay, a gain and additive white Gaussian noise from a seeded
/// generator: rx[n] = g · tx[n − D] + w[n], with g = 10^(gainDb/20) and w[n] complex Gaussian of power
/// 10^(noisePowerDb/10) relative to full scale (each of I and Q has variance half of it). Deterministic for a seed.
/// </summary>
public sealed class ImpairmentChannel : ISampleChannel
{
    private readonly ComplexF32[] _delayLine;
    private readonly float _gain;
    private readonly float _noiseSigmaPerComponent;
    private readonly ulong _seed;
    private int _delayPosition;
    private Xoshiro256StarStar _noise;

    /// <summary>Creates the channel.</summary>
    /// <param name="delaySamples">D, the delay in samples (0..10,000,000).</param>
    /// <param name="gainDb">The gain in dB (−200..200).</param>
    /// <param name="noisePowerDb">The noise power in dB relative to a full-scale (|x| = 1) sample, or null for no noise (−300..100).</param>
    /// <param name="seed">The noise generator seed.</param>
    public ImpairmentChannel(int delaySamples, double gainDb, double? noisePowerDb, ulong seed)
    {
        ThrowHelper.ThrowIfOutside(delaySamples, 0, 10_000_000);
        if (!(gainDb >= -200 && gainDb <= 200))
        {
            ThrowHelper.ThrowOutOfRange(nameof(gainDb), gainDb, "-200..200 dB");
        }

        if (noisePowerDb is double n && !(n >= -300 && n <= 100))
        {
            ThrowHelper.ThrowOutOfRange(nameof(noisePowerDb), n, "-300..100 dB");
        }

        _delayLine = new ComplexF32[delaySamples];
        _gain = (float)Math.Pow(10, gainDb / 20);
        _noiseSigmaPerComponent = noisePowerDb is double p ? (float)Math.Sqrt(Math.Pow(10, p / 10) / 2) : 0f;
        _seed = seed;
        _noise = new Xoshiro256StarStar(seed);
    }

    /// <summary>D, the delay in samples.</summary>
    public int DelaySamples => _delayLine.Length;

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<ComplexF32> tx, Span<ComplexF32> rx, long timestampSamples)
    {
        ThrowHelper.ThrowIfLengthDiffers(rx.Length, tx.Length, nameof(rx));
        int d = _delayLine.Length;
        for (int i = 0; i < tx.Length; i++)
        {
            ComplexF32 x = tx[i];
            if (d > 0)
            {
                // The delay line holds the last D transmitted samples; the oldest leaves as the newest enters.
                ComplexF32 delayed = _delayLine[_delayPosition];
                _delayLine[_delayPosition] = x;
                _delayPosition = _delayPosition + 1 == d ? 0 : _delayPosition + 1;
                x = delayed;
            }

            x *= _gain;
            if (_noiseSigmaPerComponent > 0)
            {
                (double re, double im) = StandardNormal.NextPair(ref _noise);
                x += new ComplexF32(_noiseSigmaPerComponent * (float)re, _noiseSigmaPerComponent * (float)im);
            }

            rx[i] = x;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_delayLine);
        _delayPosition = 0;
        _noise = new Xoshiro256StarStar(_seed);
    }
}
