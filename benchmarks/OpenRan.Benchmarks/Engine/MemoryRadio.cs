using System;
using OpenRan.Dsp;
using OpenRan.Radio;
using OpenRan.Radio.Channels;
using OpenRan.Radio.Streaming;

namespace OpenRan.Benchmarks.Engine;

/// <summary>
/// A single-threaded radio for engine benchmarks: when the engine asks for receive samples it fills the receive ring on
/// the caller's thread from a precomputed cycle of received samples (the emulated UE, made once) and discards whatever was
/// transmitted, so a benchmarked slot measures the engine and its processors only, with no driver thread, hand-off or
/// signal generation in between.
/// </summary>
internal sealed class MemoryRadio : RadioBase
{
    private readonly ComplexF32[] _cycle;
    private long _clock;

    /// <summary>Precomputes <paramref name="cycleSamples"/> samples of <paramref name="uplink"/> (a whole number of frames).</summary>
    public MemoryRadio(ISampleChannel uplink, int cycleSamples)
        : base(RadioCapabilities.Virtual("memory", 1, 1), "memory (benchmark)")
    {
        _cycle = new ComplexF32[cycleSamples];
        uplink.Apply(new ComplexF32[cycleSamples], _cycle, 0);
    }

    protected override void OnConfigure(RadioConfiguration configuration)
    {
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
            int offset = (int)(_clock % _cycle.Length);
            int n = (int)Math.Min(Math.Min(rx.BlockCapacity, timestampSamples - _clock), _cycle.Length - offset);
            rx.Write(slot, 0, 0, _cycle.AsSpan(offset, n));
            rx.Commit(slot, n, _clock, BurstFlags.None);
            _clock += n;
        }
    }
}
