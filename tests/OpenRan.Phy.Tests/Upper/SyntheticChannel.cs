using System;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Tests.Upper;

/// <summary>
/// A frequency-domain test channel: each (receive, transmit) link is a sum of taps a·e^{−j2πkΔfτ} (delay τ), with a
/// common timing offset, a carrier frequency offset that rotates symbol l by e^{j2πf·l·T_symb}, an optional extra
/// phase per symbol (phase noise), and white Gaussian noise of variance σ² per element.
/// </summary>
internal sealed class SyntheticChannel
{
    private readonly ComplexF32[,,] _taps; // [rx, tx, tap]
    private readonly double[] _delays;

    public SyntheticChannel(int rx, int tx, double[] delaysSeconds, int seed)
    {
        _delays = delaysSeconds;
        _taps = new ComplexF32[rx, tx, delaysSeconds.Length];
        var random = new Random(seed);
        for (int r = 0; r < rx; r++)
        {
            for (int t = 0; t < tx; t++)
            {
                for (int d = 0; d < delaysSeconds.Length; d++)
                {
                    double power = Math.Exp(-d) / delaysSeconds.Length;
                    _taps[r, t, d] = new ComplexF32((float)(StandardNormal.Next(random) * Math.Sqrt(power / 2)), (float)(StandardNormal.Next(random) * Math.Sqrt(power / 2)));
                }
            }
        }

        RxPorts = rx;
    }

    public int RxPorts { get; }

    /// <summary>
    /// A well-conditioned channel: a unitary first tap (the normalised DFT matrix, every layer on every port) and a
    /// second tap 15 dB weaker at 0.3 µs, so no element fades and the links stay separable.
    /// </summary>
    public static SyntheticChannel Benign(int rx, int tx, int seed, double timingOffsetSeconds = 0)
    {
        var channel = new SyntheticChannel(rx, tx, [0, 0.3e-6], seed) { TimingOffsetSeconds = timingOffsetSeconds };
        double echo = Math.Pow(10, -15 / 20.0);
        for (int r = 0; r < rx; r++)
        {
            for (int t = 0; t < tx; t++)
            {
                channel._taps[r, t, 0] = ComplexF32.FromPolar(1 / Math.Sqrt(rx), 2 * Math.PI * r * t / rx);
                channel._taps[r, t, 1] *= (float)(echo * Math.Sqrt(4));
            }
        }

        return channel;
    }

    public double TimingOffsetSeconds { get; init; }

    public double FrequencyOffsetHz { get; init; }

    public double[]? SymbolPhases { get; init; }

    /// <summary>The channel of link (r, t) at grid subcarrier k and symbol l.</summary>
    public ComplexF32 Response(int r, int t, int k, int l, double subcarrierSpacingHz, int symbolsPerSlot)
    {
        double symbolSeconds = 1e-3 * 15e3 / (subcarrierSpacingHz * symbolsPerSlot);
        double phase = (2 * Math.PI * FrequencyOffsetHz * l * symbolSeconds) + (SymbolPhases?[l] ?? 0) - (2 * Math.PI * k * subcarrierSpacingHz * TimingOffsetSeconds);
        ComplexF32 sum = ComplexF32.Zero;
        for (int d = 0; d < _delays.Length; d++)
        {
            sum += _taps[r, t, d] * ComplexF32.FromPolar(1, -2 * Math.PI * k * subcarrierSpacingHz * _delays[d]);
        }

        return sum * ComplexF32.FromPolar(1, phase);
    }

    public void Apply(ResourceGrid transmitted, ResourceGrid received, double subcarrierSpacingHz, double noiseVariance, int seed)
    {
        received.Configure(RxPorts, transmitted.SymbolCount, transmitted.NSizeGrid, transmitted.NStartGrid);
        var random = new Random(seed);
        double sigma = Math.Sqrt(noiseVariance / 2);
        for (int r = 0; r < RxPorts; r++)
        {
            for (int l = 0; l < transmitted.SymbolCount; l++)
            {
                Span<ComplexF32> output = received.Symbol(r, l);
                for (int k = 0; k < output.Length; k++)
                {
                    ComplexF32 sum = ComplexF32.Zero;
                    for (int t = 0; t < transmitted.PortCount; t++)
                    {
                        sum += Response(r, t, k, l, subcarrierSpacingHz, transmitted.SymbolCount) * transmitted.Symbol(t, l)[k];
                    }

                    output[k] = sigma > 0 ? sum + new ComplexF32((float)(StandardNormal.Next(random) * sigma), (float)(StandardNormal.Next(random) * sigma)) : sum;
                }
            }
        }
    }
}
