using System;
using OpenRan.Dsp;
using OpenRan.Radio;
using OpenRan.Radio.Channels;
using OpenRan.Radio.Streaming;

namespace OpenRan.Benchmarks.Engine;

/// <summary>
/// A single-threaded radio for engine benchmarks: when the engine asks for receive samples it fills the receive ring on
/// the caller's thread from an <see cref="ISampleChannel"/> (the emulated UE) and discards whatever was transmitted, so a
/// benchmarked slot measures the engine and its processors only, with no driver thread or hand-off in between.
/// </summary>
internal sealed class MemoryRadio(ISampleChannel uplink) : RadioBase(RadioCapabilities.Virtual("memory", 1, 1), "memory (benchmark)")
{
    private ComplexF32[] _zeros = [];
    private ComplexF32[] _scratch = [];
    private long _clock;

    protected override void OnConfigure(RadioConfiguration configuration)
    {
        _zeros = new ComplexF32[configuration.BlockSampleCount];
        _scratch = new ComplexF32[configuration.BlockSampleCount];
    }

    protected override void OnStart(long atTimestampSamples) => _clock = atTimestampSamples;

    protected override void OnStop()
    {
    }

    protected override void OnDispose()
    {
    }

    protected internal override void OnReceiveDemand(long timestampSamples)
    {
        SampleRing tx = TxRing!;
        while (tx.TryPeek(out _, out _, out _, out _))
        {
            tx.Release();
        }

        SampleRing rx = RxRing!;
        while (_clock < timestampSamples && rx.TryAcquire(out int slot))
        {
            int n = (int)Math.Min(rx.BlockCapacity, timestampSamples - _clock);
            uplink.Apply(_zeros.AsSpan(0, n), _scratch.AsSpan(0, n), _clock);
            rx.Write(slot, 0, 0, _scratch.AsSpan(0, n));
            rx.Commit(slot, n, _clock, BurstFlags.None);
            _clock += n;
        }
    }
}
