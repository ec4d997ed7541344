using System;
using System.Diagnostics;
using System.Threading;
using OpenRan.Dsp;
using OpenRan.Radio.Channels;
using OpenRan.Radio.Streaming;

namespace OpenRan.Radio.Loopback;

/// <summary>
/// An in-process radio whose receiver hears its own transmitter through a pluggable <see cref="ISampleChannel"/> per
/// receive channel (receive channel c hears transmit channel c; zeros when there is none).
/// </summary>
/// <remarks>
/// An "air" thread drains the transmit ring with a <see cref="TxRingReader"/> (zeros for idle air), applies the channel
/// and fills the receive ring at the same timestamps. In free-running mode the air advances as far as the receiver has
/// asked to read (like srsRAN's ZMQ alignment) and waits, losing nothing, when the receive ring is full; in real-time
/// mode it advances with the wall clock at the sample rate, one whole block at a time, and reports overflows and
/// underflows as hardware would. An idle air thread sleeps (on a <see cref="Parker"/>, or until its next block is due when paced),
/// so that it takes no CPU from the threads it waits for.
/// </remarks>
public sealed class LoopbackRadio : RadioBase
{
    /// <summary>The longest sleep of an idle air thread between two checks for a stopping radio.</summary>
    private static readonly TimeSpan s_idlePollInterval = TimeSpan.FromMilliseconds(5);

    private readonly Func<int, int, double, ISampleChannel> _channelFactory;
    private readonly bool _realTime;
    private readonly Parker _airWake = new();
    private ISampleChannel[] _channels = [];
    private ComplexF32[][] _txScratch = [];
    private ComplexF32[] _rxScratch = [];
    private ComplexF32[] _zeros = [];
    private TxRingReader? _txReader;
    private Thread? _air;
    private long _demand;
    private long _airClock;
    private long _startTimestamp;

    /// <summary>Creates a loopback radio.</summary>
    /// <param name="maxChannelCount">Channels available in each direction (1..16).</param>
    /// <param name="channelFactory">Creates the channel from transmit channel (first argument) to receive channel (second) at a sample rate (third).</param>
    /// <param name="realTime">Whether the air advances with the wall clock (true) or as fast as the receiver reads (false).</param>
    public LoopbackRadio(int maxChannelCount, Func<int, int, double, ISampleChannel> channelFactory, bool realTime)
        : base(RadioCapabilities.Virtual("loopback", maxChannelCount, maxChannelCount), $"loopback ({(realTime ? "real time" : "free running")})")
    {
        ThrowHelper.ThrowIfOutside(maxChannelCount, 1, 16);
        ArgumentNullException.ThrowIfNull(channelFactory);
        _channelFactory = channelFactory;
        _realTime = realTime;
    }

    /// <summary>The channel models in use, one per receive channel (after <see cref="RadioBase.Configure"/>).</summary>
    public System.Collections.Generic.IReadOnlyList<ISampleChannel> Channels => _channels;

    /// <inheritdoc />
    protected override void OnConfigure(RadioConfiguration configuration)
    {
        int rx = configuration.RxChannelCount;
        int tx = configuration.TxChannelCount;
        _channels = new ISampleChannel[rx];
        for (int c = 0; c < rx; c++)
        {
            _channels[c] = _channelFactory(Math.Min(c, Math.Max(tx - 1, 0)), c, configuration.SampleRateHz);
        }

        _txScratch = new ComplexF32[Math.Max(tx, 1)][];
        for (int c = 0; c < _txScratch.Length; c++)
        {
            _txScratch[c] = GC.AllocateArray<ComplexF32>(configuration.BlockSampleCount, pinned: true);
        }

        _rxScratch = GC.AllocateArray<ComplexF32>(configuration.BlockSampleCount, pinned: true);
        _zeros = new ComplexF32[configuration.BlockSampleCount];
        _txReader = TxRing is null ? null : new TxRingReader(TxRing, Events);
        if (TxRing is not null)
        {
            // The air thread sleeps until the transmitter queues samples or the receiver asks for more (free running).
            TxRing.Consumer = _airWake;
        }
    }

    /// <inheritdoc />
    protected override void OnStart(long atTimestampSamples)
    {
        _startTimestamp = atTimestampSamples;
        Volatile.Write(ref _demand, atTimestampSamples);
        _txReader?.Reset(atTimestampSamples);
        foreach (ISampleChannel channel in _channels)
        {
            channel.Reset();
        }

        _air = new Thread(RunAir) { IsBackground = true, Name = "loopback air" };
        _air.Start();
    }

    /// <inheritdoc />
    protected override void OnStop() => _air?.Join();

    /// <inheritdoc />
    protected override void OnDispose() => _airWake.Dispose();

    /// <inheritdoc />
    protected internal override void OnReceiveDemand(long timestampSamples)
    {
        if (timestampSamples > Volatile.Read(ref _demand))
        {
            Volatile.Write(ref _demand, timestampSamples);
            _airWake.Signal();
        }
    }

    private void RunAir()
    {
        RadioConfiguration config = Configuration;
        int blockCapacity = config.BlockSampleCount;
        long airClock = _startTimestamp;
        Volatile.Write(ref _airClock, airClock);
        long startTicks = Stopwatch.GetTimestamp();
        while (!IsStopping)
        {
            int n;
            if (_realTime)
            {
                // Whole blocks as the wall clock makes them due (sleeping in between, so the air costs no CPU while
                // it waits): the receive ring then holds blocks of a fixed duration, like a hardware radio's.
                long due = _startTimestamp + (long)((Stopwatch.GetTimestamp() - startTicks) * config.SampleRateHz / Stopwatch.Frequency) - airClock;
                if (due < blockCapacity)
                {
                    // Until the block is complete, to within the timer slack (a whole-millisecond sleep would hand the
                    // receiver each block up to a slot late).
                    PreciseSleep.For((blockCapacity - due) / config.SampleRateHz);
                    continue;
                }

                n = EmitAir(blockCapacity, airClock + blockCapacity);
            }
            else
            {
                // Free running: whatever the transmitter queued goes on air without waiting for the reader; idle air
                // (zeros) only up to what the reader asked for. Sleeps until either changes.
                long target = Volatile.Read(ref _demand);
                int limit = _txReader is not null && _txReader.HasQueuedSamples ? blockCapacity : (int)Math.Clamp(target - airClock, 0, blockCapacity);
                n = limit == 0 ? 0 : EmitAir(limit, target);
                if (n == 0)
                {
                    _airWake.WaitUntil(static r => r.HasAirWork(), this, s_idlePollInterval);
                    continue;
                }
            }

            if (RxRing is not null)
            {
                Deliver(airClock, n);
            }

            airClock += n;
            Volatile.Write(ref _airClock, airClock);
        }
    }

    private bool HasAirWork() =>
        IsStopping || (_txReader?.HasQueuedSamples ?? false) || Volatile.Read(ref _demand) > Volatile.Read(ref _airClock);

    /// <summary>Fills the transmit scratch with up to <paramref name="limit"/> samples of air (zeros where nothing was queued).</summary>
    private int EmitAir(int limit, long padTarget)
    {
        if (_txReader is not null)
        {
            return _txReader.Emit(_txScratch, limit, padTarget);
        }

        _txScratch[0].AsSpan(0, limit).Clear();
        return limit;
    }

    private void Deliver(long timestamp, int count)
    {
        SampleRing ring = RxRing!;
        int slot;
        while (!ring.TryAcquire(out slot))
        {
            if (_realTime || IsStopping)
            {
                Events.Report(RadioEventKind.Overflow, StreamDirection.Receive, -1, timestamp, count);
                return;
            }

            // Free running loses nothing: wait for the reader to release a block.
            ring.Producer.WaitUntil(static radio => radio.RxRing!.HasFreeBlock || radio.IsStopping, this, s_idlePollInterval);
        }

        int txCount = TxRing?.ChannelCount ?? 0;
        for (int c = 0; c < ring.ChannelCount; c++)
        {
            // Receive channel c hears transmit channel c; without one (or without any transmitter) it hears idle air.
            ReadOnlySpan<ComplexF32> tx = (c < txCount ? _txScratch[c] : txCount == 0 ? _txScratch[0] : _zeros).AsSpan(0, count);
            Span<ComplexF32> rx = _rxScratch.AsSpan(0, count);
            _channels[c].Apply(tx, rx, timestamp);
            ring.Write(slot, c, 0, rx);
        }

        ring.Commit(slot, count, timestamp, BurstFlags.None);
    }
}
