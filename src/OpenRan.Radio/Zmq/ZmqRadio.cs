using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using NetMQ;
using NetMQ.Sockets;
using OpenRan.Dsp;
using OpenRan.Radio.Streaming;

namespace OpenRan.Radio.Zmq;

/// <summary>
/// A virtual radio wire-compatible with srsRAN's ZMQ radio (srsRAN Project <c>lib/radio/zmq</c>, srsRAN 4G
/// <c>rf_zmq</c>), so OpenRan can face an srsRAN gNB or UE, or another OpenRan process, over TCP or IPC.
/// </summary>
/// <remarks>
/// <para>The protocol, per channel (port):</para>
/// <list type="bullet">
/// <item>The transmitter binds a ZMQ <c>REP</c> socket at <c>tx_portN</c>. It waits for a request (any payload; srsRAN
/// sends one byte) and answers with one message of raw interleaved float32 I/Q (complex64, little-endian, full scale
/// ±1.0), 8 bytes per sample, as many samples as it has ready (at most <c>max_samples</c>). It answers nothing while it
/// has nothing, so the receiver waits.</item>
/// <item>The receiver connects a ZMQ <c>REQ</c> socket to the peer's transmitter at <c>rx_portN</c>, sends a one-byte
/// request, reads the reply (any multiple of 8 bytes) and repeats.</item>
/// <item>Receive timestamps are counts of received samples since the start. Transmit timestamps are on the same clock:
/// before the caller waits to receive up to time t, the transmitter is zero-padded up to t (srsRAN's
/// <c>align(ts + nsamples)</c>), so two radios facing each other keep both clocks running even when neither transmits.
/// Transmit blocks whose time has passed are dropped and reported as Late.</item>
/// <item>Several channels use one socket pair each (<c>tx_port0</c>, <c>tx_port1</c>, …; <c>tx_port</c> is
/// <c>tx_port0</c>) and advance in lockstep.</item>
/// </list>
/// <para>A REQ socket whose reply does not come within <c>timeout_ms</c> after the stream has run is reported as
/// Disconnected and recreated (a REQ socket that lost its reply cannot send again); a transmitter that gets no request
/// for <c>timeout_ms</c> reports Disconnected too. Both keep trying, and stop cleanly. Queued samples that the peer does
/// not ask for during a whole stream timeout are a Stalled event; samples still queued or staged when the radio stops
/// are Dropped, and <see cref="ITxStream.DeliveredSampleCount"/> counts only what was sent in answer to requests.</para>
/// <para>Threads: one receive thread (REQ sockets → receive ring) and one transmit thread (transmit ring → REP sockets).
/// Replies are sent from preallocated arrays without copying (<see cref="Msg.InitGC(byte[], int)"/>); an array is
/// refilled only when the next request has arrived, which REQ/REP lockstep makes proof that the previous reply was
/// consumed) and received through NetMQ's
/// buffer pool (<see cref="ZmqRadioDriver.UsePooledNetMqBuffers"/>), so streaming does not allocate on our threads.</para>
/// </remarks>
public sealed class ZmqRadio : RadioBase
{
    private readonly string[] _txAddresses;
    private readonly string[] _rxAddresses;
    /// <summary>The longest a socket thread sleeps in one wait (in a socket, or on a ring's parker) before it looks again.</summary>
    /// <summary>How long a stopping transmitter waits for the peer's request that proves its last reply arrived.</summary>
    private static readonly TimeSpan s_deliveryProofWait = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan s_idleWaitStep = TimeSpan.FromMilliseconds(1);
    private static readonly long s_idleWaitTicks = Stopwatch.Frequency / 1000;
    private static readonly Func<SampleRing, bool> s_ringHasFreeBlock = ring => ring.HasFreeBlock;
    private static readonly Func<ZmqRadio, bool> s_transmitWorkReady = radio =>
        radio._txReader!.HasQueuedSamples || Volatile.Read(ref radio._demand) > radio._txReader.Clock;

    private readonly TimeSpan _timeout;
    private readonly int _maxSamples;
    private Thread? _rxThread;
    private Thread? _txThread;
    private TxRingReader? _txReader;
    private ComplexF32[][] _txStaging = [];
    private byte[][] _txWire = [];
    private ComplexF32[][] _rxStaging = [];
    private long _demand;
    private long _startTimestamp;
    private long _receivedSampleCount;
    private long _transmittedSampleCount;
    private long _rxThreadAllocatedBytes;
    private long _repliesSent;
    private long _txThreadAllocatedBytes;
    private long _txDelivered;

    /// <summary>Creates a ZMQ radio.</summary>
    /// <param name="txAddresses">Transmit (REP, bound) addresses, one per transmit channel.</param>
    /// <param name="rxAddresses">Receive (REQ, connected) addresses, one per receive channel.</param>
    /// <param name="timeout">Silence after which the peer counts as disconnected (10 ms..1 h).</param>
    /// <param name="maxSamples">The most samples per reply, and the largest reply accepted without loss (64..4,194,304).</param>
    public ZmqRadio(string[] txAddresses, string[] rxAddresses, TimeSpan timeout, int maxSamples)
        : base(RadioCapabilities.Virtual("zmq", rxAddresses?.Length ?? 0, txAddresses?.Length ?? 0),
            $"zmq (tx {string.Join(' ', txAddresses ?? [])}; rx {string.Join(' ', rxAddresses ?? [])})")
    {
        ArgumentNullException.ThrowIfNull(txAddresses);
        ArgumentNullException.ThrowIfNull(rxAddresses);
        if (timeout < TimeSpan.FromMilliseconds(10) || timeout > TimeSpan.FromHours(1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(timeout), timeout, "10 ms..1 h");
        }

        ThrowHelper.ThrowIfOutside(maxSamples, 64, 1 << 22);
        _txAddresses = txAddresses;
        _rxAddresses = rxAddresses;
        _timeout = timeout;
        _maxSamples = maxSamples;
    }

    /// <summary>Samples received per channel since the last start (the receive clock).</summary>
    public long ReceivedSampleCount => Volatile.Read(ref _receivedSampleCount);

    /// <summary>Samples sent per channel since the last start, zero padding included (the transmit clock).</summary>
    public long TransmittedSampleCount => Volatile.Read(ref _transmittedSampleCount);

    /// <summary>Bytes the receive thread has allocated since it started (sampled every loop; for allocation tests and benchmarks).</summary>
    public long ReceiveThreadAllocatedBytes => Volatile.Read(ref _rxThreadAllocatedBytes);

    /// <summary>Bytes the transmit thread has allocated since it started (sampled every loop).</summary>
    public long TransmitThreadAllocatedBytes => Volatile.Read(ref _txThreadAllocatedBytes);

    /// <summary>Replies (messages) the transmit thread has sent since the start, all channels.</summary>
    public long RepliesSent => Volatile.Read(ref _repliesSent);

    /// <summary>
    /// Samples per channel of queued (not padding) data the peer asked for and was sent since the start: what the peer
    /// really got. Whatever is still queued or staged when the radio stops is reported as Dropped.
    /// </summary>
    protected internal override long TransmitDeliveredSampleCount => Volatile.Read(ref _txDelivered);

    /// <inheritdoc />
    protected override void ValidateConfiguration(RadioConfiguration configuration)
    {
        if (configuration.RxChannelCount != 0 && configuration.RxChannelCount != _rxAddresses.Length)
        {
            ThrowHelper.ThrowArgument(nameof(configuration.RxChannelCount), $"{_rxAddresses.Length} rx_port address(es) given; RxChannelCount = {configuration.RxChannelCount}.");
        }

        if (configuration.TxChannelCount != 0 && configuration.TxChannelCount != _txAddresses.Length)
        {
            ThrowHelper.ThrowArgument(nameof(configuration.TxChannelCount), $"{_txAddresses.Length} tx_port address(es) given; TxChannelCount = {configuration.TxChannelCount}.");
        }
    }

    /// <inheritdoc />
    protected override void OnConfigure(RadioConfiguration configuration)
    {
        _txReader = TxRing is null ? null : new TxRingReader(TxRing, Events);
        _txStaging = Allocate<ComplexF32>(configuration.TxChannelCount, _maxSamples);
        _txWire = Allocate<byte>(configuration.TxChannelCount, _maxSamples * 8);
        _rxStaging = Allocate<ComplexF32>(configuration.RxChannelCount, _maxSamples);
    }

    /// <inheritdoc />
    protected override void OnStart(long atTimestampSamples)
    {
        _startTimestamp = atTimestampSamples;
        Volatile.Write(ref _demand, 0);
        Volatile.Write(ref _receivedSampleCount, 0);
        Volatile.Write(ref _transmittedSampleCount, 0);
        Volatile.Write(ref _txDelivered, 0);
        _txReader?.Reset(0);
        if (_txReader is not null)
        {
            // Bind here, on the caller's thread, so that a port in use is an exception from Start naming the address,
            // never an unhandled exception on the transmit thread (which would end the process).
            ResponseSocket[] sockets = BindTransmitSockets();
            _txThread = new Thread(() => RunTransmit(sockets)) { IsBackground = true, Name = "zmq tx" };
            _txThread.Start();
        }

        if (RxRing is not null)
        {
            _rxThread = new Thread(RunReceive) { IsBackground = true, Name = "zmq rx" };
            _rxThread.Start();
        }
    }

    /// <inheritdoc />
    protected override void OnStop()
    {
        _rxThread?.Join();
        _txThread?.Join();
    }

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
            TxRing?.Consumer.Signal();
        }
    }

    private static T[][] Allocate<T>(int channels, int length)
    {
        var arrays = new T[channels][];
        for (int c = 0; c < channels; c++)
        {
            arrays[c] = GC.AllocateArray<T>(length, pinned: true);
        }

        return arrays;
    }

    /// <summary>
    /// Binds one REP socket per transmit channel. An address still held (typically by a peer process that has just
    /// exited, whose socket the OS has not yet released) is retried for up to the stream timeout.
    /// </summary>
    /// <exception cref="InvalidOperationException">An address cannot be bound; the message names it and the reason.</exception>
    private ResponseSocket[] BindTransmitSockets()
    {
        var sockets = new ResponseSocket[_txAddresses.Length];
        var watch = Stopwatch.StartNew();
        int c = 0;
        try
        {
            for (; c < sockets.Length; c++)
            {
                sockets[c] = new ResponseSocket();
                sockets[c].Options.Linger = TimeSpan.Zero;
                while (true)
                {
                    try
                    {
                        sockets[c].Bind(_txAddresses[c]);
                        break;
                    }
                    catch (AddressAlreadyInUseException) when (watch.Elapsed < StreamTimeout)
                    {
                        Thread.Sleep(20);
                    }
                }
            }

            return sockets;
        }
        catch (NetMQException e)
        {
            foreach (ResponseSocket? socket in sockets)
            {
                socket?.Dispose();
            }

            throw new InvalidOperationException($"{Label}: cannot bind tx_port {_txAddresses[c]} ({(e is AddressAlreadyInUseException ? "address already in use" : e.Message)}).", e);
        }
    }

    private void RunTransmit(ResponseSocket[] sockets)
    {
        int channels = _txAddresses.Length;
        var pending = new bool[channels];
        var unconfirmed = new bool[channels];   // a reply was sent and the peer has not asked again since
        var staged = new int[channels];
        long timeoutTicks = (long)(_timeout.TotalSeconds * Stopwatch.Frequency);
        long stallTicks = (long)(StreamTimeout.TotalSeconds * Stopwatch.Frequency);
        long lastRequest = 0;
        bool silenceReported = false;
        long stagedPayload = 0;   // queued (not padding) samples per channel in the staged chunk
        long waitingSince = 0;    // when payload started waiting for a request that did not come
        bool stallReported = false;
        var msg = default(Msg);
        long allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            bool awaitRequest = false;
            while (!IsStopping)
            {
                bool progressed = false;
                bool anyStaged = false;
                for (int c = 0; c < channels; c++)
                {
                    if (!pending[c])
                    {
                        // Idle with no request pending: block in the socket (woken by the request itself) on the first
                        // channel still to ask, for at most one wait step so that a stop is seen.
                        TimeSpan wait = awaitRequest ? s_idleWaitStep : TimeSpan.Zero;
                        awaitRequest = false;
                        msg.InitEmpty();
                        if (sockets[c].TryReceive(ref msg, wait))
                        {
                            pending[c] = true;
                            unconfirmed[c] = false;
                            progressed = true;
                            lastRequest = Stopwatch.GetTimestamp();
                            silenceReported = false;
                        }

                        msg.Close();
                    }

                    anyStaged |= staged[c] > 0;
                }

                if (!anyStaged)
                {
                    // All channels sent their previous chunk: take the next one for every channel at once.
                    long payloadBefore = _txReader!.PayloadSampleCount;
                    int n = _txReader.Emit(_txStaging, _maxSamples, Volatile.Read(ref _demand));
                    stagedPayload = _txReader.PayloadSampleCount - payloadBefore;
                    if (n > 0)
                    {
                        for (int c = 0; c < channels; c++)
                        {
                            staged[c] = n;
                        }

                        progressed = true;
                    }
                }

                for (int c = 0; c < channels; c++)
                {
                    if (pending[c] && staged[c] > 0)
                    {
                        // The wire buffer is refilled only now: a pending request proves the peer has received the
                        // whole previous reply, so NetMQ no longer reads from it.
                        MemoryMarshal.AsBytes(_txStaging[c].AsSpan(0, staged[c])).CopyTo(_txWire[c]);
                        msg.InitGC(_txWire[c], staged[c] * 8);
                        if (sockets[c].TrySend(ref msg, TimeSpan.Zero, false))
                        {
                            if (c == 0)
                            {
                                Volatile.Write(ref _transmittedSampleCount, _transmittedSampleCount + staged[c]);
                                Volatile.Write(ref _txDelivered, _txDelivered + stagedPayload);
                            }

                            pending[c] = false;
                            unconfirmed[c] = true;
                            staged[c] = 0;
                            Volatile.Write(ref _repliesSent, _repliesSent + 1);
                            progressed = true;
                        }

                        msg.Close();
                    }
                }

                long now = Stopwatch.GetTimestamp();
                if (lastRequest != 0 && !silenceReported && now - lastRequest > timeoutTicks && !AnyPending(pending))
                {
                    Events.Report(RadioEventKind.Disconnected, StreamDirection.Transmit, -1, _txReader!.Clock, 0);
                    silenceReported = true;
                }

                // Data is waiting and the peer has not asked for it for a whole stream timeout (absent, stalled or gone):
                // a stall, on the same clock as a read or write that waits in vain (StreamTimeout, not timeout_ms).
                bool payloadWaiting = (staged[0] > 0 && stagedPayload > 0) || _txReader!.HasQueuedSamples;
                if (payloadWaiting && !AnyPending(pending))
                {
                    waitingSince = waitingSince == 0 ? now : waitingSince;
                    if (!stallReported && now - waitingSince > stallTicks)
                    {
                        Events.Report(RadioEventKind.Stalled, StreamDirection.Transmit, -1, _txReader!.Clock, 0);
                        stallReported = true;
                    }
                }
                else
                {
                    waitingSince = 0;
                    stallReported = false;
                }

                Volatile.Write(ref _txThreadAllocatedBytes, GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart);
                if (!progressed)
                {
                    if (AnyPending(pending))
                    {
                        // A request waits for samples: sleep until the writer commits a block or the receive demand
                        // grows (both signal the ring's consumer parker), for at most one wait step.
                        TxRing!.Consumer.WaitUntil(s_transmitWorkReady, this, s_idleWaitStep, Stopwatch.GetTimestamp() + s_idleWaitTicks);
                    }
                    else
                    {
                        awaitRequest = true;
                    }
                }
            }
        }
        finally
        {
            AwaitDeliveryOfLastReplies(sockets, unconfirmed, lastRequest, timeoutTicks);
            foreach (ResponseSocket? s in sockets)
            {
                s?.Dispose();
            }

            // A staged chunk the peer never asked for is lost: count its queued samples (the ring's own unsent tail is
            // counted by the base class after this thread ends).
            if (staged.Length > 0 && staged[0] > 0 && stagedPayload > 0)
            {
                Events.Report(RadioEventKind.Dropped, StreamDirection.Transmit, -1, _txReader!.Clock - staged[0], stagedPayload);
            }
        }
    }

    /// <summary>
    /// A reply handed to a socket is only queued: closing the socket (linger zero) can drop it, and with it the last
    /// samples of a stream that ends here. Under REQ/REP the peer's next request proves it has the whole previous reply,
    /// so a stopping transmitter waits for that request on every channel whose last reply is unconfirmed, as long as the
    /// peer has been asking within its timeout (a peer already silent is not waited for), for at most
    /// <see cref="s_deliveryProofWait"/> (a peer that stops asking has stopped its own stream).
    /// </summary>
    private static void AwaitDeliveryOfLastReplies(ResponseSocket[] sockets, bool[] unconfirmed, long lastRequestTicks, long timeoutTicks)
    {
        long start = Stopwatch.GetTimestamp();
        long limitTicks = Math.Min(timeoutTicks, (long)(s_deliveryProofWait.TotalSeconds * Stopwatch.Frequency));
        if (lastRequestTicks == 0 || start - lastRequestTicks > timeoutTicks)
        {
            return;
        }

        var msg = default(Msg);
        for (int c = 0; c < sockets.Length; c++)
        {
            while (unconfirmed[c] && sockets[c] is not null)
            {
                long left = limitTicks - (Stopwatch.GetTimestamp() - start);
                if (left <= 0)
                {
                    return;
                }

                msg.InitEmpty();
                bool asked = sockets[c].TryReceive(ref msg, TimeSpan.FromMilliseconds(Math.Min(10, Math.Max(1, left * 1000 / Stopwatch.Frequency))));
                msg.Close();
                unconfirmed[c] &= !asked;
            }
        }
    }

    private void RunReceive()
    {
        int channels = _rxAddresses.Length;
        var sockets = new RequestSocket[channels];
        var requested = new bool[channels];
        var requestTicks = new long[channels];
        var staged = new int[channels];
        var everReplied = new bool[channels];
        long timeoutTicks = (long)(_timeout.TotalSeconds * Stopwatch.Frequency);
        SampleRing ring = RxRing!;
        long clock = 0;
        var msg = default(Msg);
        byte[] request = [0];
        long allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            for (int c = 0; c < channels; c++)
            {
                sockets[c] = CreateRequestSocket(_rxAddresses[c]);
            }

            while (!IsStopping)
            {
                for (int c = 0; c < channels; c++)
                {
                    if (!requested[c] && staged[c] == 0)
                    {
                        msg.InitGC(request, request.Length);
                        if (sockets[c].TrySend(ref msg, TimeSpan.Zero, false))
                        {
                            requested[c] = true;
                            requestTicks[c] = Stopwatch.GetTimestamp();
                        }

                        msg.Close();
                    }

                    if (requested[c])
                    {
                        // Block in the socket until the reply comes (the reply wakes it), one wait step at a time so that
                        // a stop and the timeout are seen.
                        msg.InitEmpty();
                        if (sockets[c].TryReceive(ref msg, s_idleWaitStep))
                        {
                            staged[c] = Stage(msg, _rxStaging[c], clock, c);
                            requested[c] = false;
                            everReplied[c] = true;
                        }
                        else if (Stopwatch.GetTimestamp() - requestTicks[c] > timeoutTicks)
                        {
                            // No reply within the timeout: the request may have gone to a peer that went away (even one
                            // that never answered, e.g. a restarted peer that died again), and a REQ socket cannot send
                            // again until it gets that reply, so recreate it and keep asking (the peer may come back).
                            // Losing a peer that was delivering is reported.
                            if (everReplied[c])
                            {
                                Events.Report(RadioEventKind.Disconnected, StreamDirection.Receive, c, clock, 0);
                            }

                            sockets[c].Dispose();
                            sockets[c] = CreateRequestSocket(_rxAddresses[c]);
                            requested[c] = false;
                            everReplied[c] = false;
                        }

                        msg.Close();
                    }
                }

                int ready = int.MaxValue;
                for (int c = 0; c < channels; c++)
                {
                    ready = Math.Min(ready, staged[c]);
                }

                if (ready > 0 && ready != int.MaxValue)
                {
                    clock = Deliver(ring, staged, ready, clock);
                }

                Volatile.Write(ref _rxThreadAllocatedBytes, GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart);
            }
        }
        finally
        {
            foreach (RequestSocket? s in sockets)
            {
                s?.Dispose();
            }
        }
    }

    private static RequestSocket CreateRequestSocket(string address)
    {
        var socket = new RequestSocket();
        socket.Options.Linger = TimeSpan.Zero;
        socket.Connect(address);
        return socket;
    }

    private int Stage(Msg msg, ComplexF32[] staging, long clock, int channel)
    {
        ZmqMessageDecodeResult decoded = ZmqSampleFormat.Decode(msg.Slice(), staging);
        if (decoded.TrailingByteCount != 0)
        {
            Events.Report(RadioEventKind.Dropped, StreamDirection.Receive, channel, clock, 0);
        }

        if (decoded.DroppedSampleCount > 0)
        {
            Events.Report(RadioEventKind.Dropped, StreamDirection.Receive, channel, clock + decoded.SampleCount, decoded.DroppedSampleCount);
        }

        return decoded.SampleCount;
    }

    private long Deliver(SampleRing ring, int[] staged, int count, long clock)
    {
        int done = 0;
        while (done < count && !IsStopping)
        {
            // Samples before the start time are skipped, not delivered (Start(at) semantics).
            if (clock + done < _startTimestamp)
            {
                done += (int)Math.Min(count - done, _startTimestamp - clock - done);
                continue;
            }

            if (!ring.TryAcquire(out int slot))
            {
                // Lossless: the ring is full, so stop asking the peer (it waits) until the caller reads; sleep until
                // it releases a block (which signals the producer parker), one wait step at a time.
                ring.Producer.WaitUntil(s_ringHasFreeBlock, ring, s_idleWaitStep, Stopwatch.GetTimestamp() + s_idleWaitTicks);
                continue;
            }

            int n = Math.Min(ring.BlockCapacity, count - done);
            for (int c = 0; c < staged.Length; c++)
            {
                ring.Write(slot, c, 0, _rxStaging[c].AsSpan(done, n));
            }

            ring.Commit(slot, n, clock + done, BurstFlags.None);
            done += n;
        }

        for (int c = 0; c < staged.Length; c++)
        {
            int left = staged[c] - done;
            if (left > 0)
            {
                _rxStaging[c].AsSpan(done, left).CopyTo(_rxStaging[c]);
            }

            staged[c] = Math.Max(left, 0);
        }

        Volatile.Write(ref _receivedSampleCount, clock + done);
        return clock + done;
    }

    private static bool AnyPending(bool[] pending)
    {
        foreach (bool p in pending)
        {
            if (p)
            {
                return true;
            }
        }

        return false;
    }
}
