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
/// mode it advances with the wall clock at the sample rate and reports overflows and underflows as hardware would.
/// </remarks>
public sealed class LoopbackRadio : RadioBase
{
    private readonly Func<int, int, double, ISampleChannel> _channelFactory;
    private readonly bool _realTime;
    private ISampleChannel[] _channels = [];
    private ComplexF32[][] _txScratch = [];
    private ComplexF32[] _rxScratch = [];
    private ComplexF32[] _zeros = [];
    private TxRingReader? _txReader;
    private Thread? _air;
    private long _demand;
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
    protected override void OnDispose()
    {
    }

    /// <inheritdoc />
    protected internal override void OnReceiveDemand(long timestampSamples)
    {
        if (timestampSamples > Volatile.Read(ref _demand))
        {
            Volatile.Write(ref _demand, timestampSamples);
        }
    }

    private void RunAir()
    {
        RadioConfiguration config = Configuration;
        int blockCapacity = config.BlockSampleCount;
        long airClock = _startTimestamp;
        long startTicks = Stopwatch.GetTimestamp();
        var idle = default(IdleBackoff);
        while (!IsStopping)
        {
            long target = _realTime
                ? _startTimestamp + (long)((Stopwatch.GetTimestamp() - startTicks) * config.SampleRateHz / Stopwatch.Frequency)
                : Volatile.Read(ref _demand);
            int n;
            if (_txReader is not null)
            {
                // Free running, whatever the transmitter queued goes on air without waiting for the reader; idle air
                // (zeros) only up to what the reader asked for.
                int limit = !_realTime && _txReader.HasQueuedSamples ? blockCapacity : (int)Math.Clamp(target - airClock, 0, blockCapacity);
                n = limit == 0 ? 0 : _txReader.Emit(_txScratch, limit, target);
            }
            else
            {
                n = (int)Math.Clamp(target - airClock, 0, blockCapacity);
                _txScratch[0].AsSpan(0, n).Clear();
            }

            if (n == 0)
            {
                idle.Pause();
                continue;
            }

            idle.Reset();
            if (RxRing is not null)
            {
                Deliver(airClock, n);
            }

            airClock += n;
        }
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

            Thread.Yield();
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
