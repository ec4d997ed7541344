using System;
using OpenRan.Dsp;
using OpenRan.Radio.Channels;
using OpenRan.Simulation.Channels;
using OpenRan.Simulation.Randomness;

namespace OpenRan.Simulation.RadioChannels;

/// <summary>One loopback link through a <see cref="LinkChannel"/> (SISO). Allocation-free per call.</summary>
internal sealed class FadingSampleChannel : ISampleChannel
{
    private readonly LinkChannel _channel;
    private readonly ulong _seed;

    public FadingSampleChannel(LinkChannel channel, double? noiseDb, ulong seed)
    {
        _channel = channel;
        _seed = seed;
        _channel.NoiseVariance = noiseDb is double db ? Math.Pow(10, db / 10) : 0;
        Reset();
    }

    /// <summary>The channel, for inspection (latency, path gains).</summary>
    public LinkChannel Channel => _channel;

    public void Apply(ReadOnlySpan<ComplexF32> tx, Span<ComplexF32> rx, long timestampSamples)
    {
        ThrowHelper.ThrowIfLengthDiffers(rx.Length, tx.Length, nameof(rx));
        _channel.Process(tx, rx, tx.Length);
    }

    public void Reset() => _channel.Reset(SeedSequence.Derive(_seed, 1), SeedSequence.Derive(_seed, 2));
}
