using System;
using System.Threading;
using OpenRan.Dsp;
using OpenRan.Radio;
using OpenRan.Radio.Streaming;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>
/// One end of a <see cref="RadioLink"/>: an in-process radio whose transmitter reaches the other end's receiver through
/// the air of the link, in virtual time with srsRAN's ZMQ rules (the transmitter is zero-padded up to where its own
/// receiver has asked to read, so both clocks run when neither transmits; a receiver waits for its peer's transmitter).
/// Its clock is off by <see cref="ClockErrorPpm"/>: the air thread of this end samples its transmitted stream at the
/// peer's sample instants (<see cref="FractionalDelayInterpolator"/>: for a receiver clock fast by ε_rx and a transmitter
/// clock fast by ε_tx, peer sample m reads the stream at (m − D)·(1 + ε_tx)/(1 + ε_rx), which for a slow receiver runs
/// ahead of the samples, so the air waits for them) and turns it by the carrier offset (ε_tx − ε_rx)·f_c.
/// The end can go away and come back (<see cref="GoAway"/>, <see cref="HearSilence"/>): its peer then hears silence
/// between two of its own samples, and the end's restarted clock begins at the second one. Deterministic: what either
/// end receives does not depend on thread timing. For tests.
/// </summary>
internal sealed class LinkedRadio : RadioBase
{
    /// <summary>The most a delay may grow at once, samples (history kept behind the current position).</summary>
    public const int MaxDelayStepSamples = 1024;

    private const int HistoryCapacity = 1 << 18;
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(2);

    private readonly Parker _wake = new();
    private readonly FractionalDelayInterpolator _interpolator = new();
    private readonly ComplexF32[] _history = new ComplexF32[HistoryCapacity];
    private readonly Lock _rxGate = new();
    private ComplexF32[][] _emitted = [];
    private ComplexF32[] _produced = [];
    private TxRingReader? _txReader;
    private LinkedRadio? _peer;
    private Thread? _air;
    private long _historyStart;
    private int _historyCount;
    private long _demand;
    private double _ratio;
    private double _cyclesPerSample;
    private double _origin;
    private long _delayChangeAt = long.MaxValue;
    private int _delayAfterChange;
    private int _starts;
    private int _peerStartsSeen;
    private double _zeroPosition;
    private long _cutAt = long.MaxValue;
    private long _returnAt = -1;
    private long _silenceFrom = long.MaxValue;
    private long _silenceUntil = long.MaxValue;
    private long _rxNext;

    /// <summary>An end named <paramref name="name"/> whose clock is off by <paramref name="clockErrorPpm"/> (&gt; 0: fast).</summary>
    public LinkedRadio(string name, double clockErrorPpm)
        : base(RadioCapabilities.Virtual("link", 1, 1), $"link end {name} ({clockErrorPpm:+0.###;-0.###;0} ppm)")
    {
        ClockErrorPpm = clockErrorPpm;
    }

    /// <summary>The clock's error, parts per million (&gt; 0: fast).</summary>
    public double ClockErrorPpm { get; }

    /// <summary>The propagation delay from this end's transmitter to the peer's receiver, samples of the peer's clock (0..100000; set before the start).</summary>
    public int DelaySamples { get; set; }

    /// <summary>
    /// From the peer's receive sample <paramref name="peerSample"/> on, the delay is <paramref name="delaySamples"/>
    /// (a UE that moves; the delay may grow by up to <see cref="MaxDelayStepSamples"/>). Set before the start.
    /// </summary>
    public void ChangeDelayAt(long peerSample, int delaySamples)
    {
        _delayChangeAt = peerSample;
        _delayAfterChange = delaySamples;
    }

    /// <summary>
    /// This end leaves the air at the peer's sample <paramref name="peerFrom"/> (the peer hears nothing of it from there)
    /// and, once restarted, comes back at the peer's sample <paramref name="peerUntil"/>, where its clock starts again.
    /// Call before the start, with <see cref="HearSilence"/> on the peer for the same samples.
    /// </summary>
    public void GoAway(long peerFrom, long peerUntil)
    {
        _cutAt = peerFrom;
        _returnAt = peerUntil;
    }

    /// <summary>This end's receiver hears silence from its sample <paramref name="from"/> up to <paramref name="until"/>, where the peer's restarted clock begins.</summary>
    public void HearSilence(long from, long until)
    {
        _silenceFrom = from;
        _silenceUntil = until;
    }

    /// <summary>Joins this end's transmitter to <paramref name="peer"/>'s receiver (before either starts).</summary>
    public void Connect(LinkedRadio peer) => _peer = peer;

    /// <inheritdoc />
    protected override void OnConfigure(RadioConfiguration configuration)
    {
        _emitted = [new ComplexF32[configuration.BlockSampleCount]];
        _produced = new ComplexF32[configuration.BlockSampleCount];
        _txReader = new TxRingReader(TxRing!, Events);
        TxRing!.Consumer = _wake;
    }

    /// <inheritdoc />
    protected override void OnStart(long atTimestampSamples)
    {
        LinkedRadio peer = _peer ?? throw new InvalidOperationException("connect the link ends first");
        RadioConfiguration mine = Configuration;
        double epsilonTx = ClockErrorPpm * 1e-6;
        double epsilonRx = peer.ClockErrorPpm * 1e-6;
        _ratio = (1 + epsilonTx) / (1 + epsilonRx);
        _cyclesPerSample = (epsilonTx - epsilonRx) * mine.TxCenterFrequencyHz / (mine.SampleRateHz * (1 + epsilonRx));
        _txReader!.Reset(atTimestampSamples);
        lock (_rxGate)
        {
            _rxNext = atTimestampSamples;
        }

        // This clock's zero is the peer's sample 0 at the first start, and the peer's sample where it comes back after.
        long peerZero = _starts == 0 ? 0 : _returnAt;
        if (_starts > 0)
        {
            _cutAt = long.MaxValue;
        }

        _zeroPosition = atTimestampSamples - (peerZero * _ratio);
        _origin = _zeroPosition - (DelaySamples * _ratio);
        if (peer.RxRing is { } peerRing)
        {
            // This end's air fills the peer's receive ring: the peer's reader wakes it when it frees a block.
            peerRing.Producer = _wake;
        }

        // History: zeros before the first sample, so that the first positions (delayed) have their left neighbours.
        int before = (2 * FractionalDelayInterpolator.HalfWidth) + (int)Math.Ceiling(DelaySamples * _ratio);
        _historyStart = atTimestampSamples - before;
        _historyCount = before;
        Array.Clear(_history);
        Volatile.Write(ref _demand, atTimestampSamples);
        Volatile.Write(ref _starts, _starts + 1);
        _air = new Thread(RunAir) { IsBackground = true, Name = "link air " + Label };
        _air.Start();
    }

    /// <inheritdoc />
    protected override void OnStop() => _air?.Join();

    /// <inheritdoc />
    protected override void OnDispose() => _wake.Dispose();

    /// <inheritdoc />
    protected override void OnReceiveDemand(long timestampSamples)
    {
        if (timestampSamples > Volatile.Read(ref _demand))
        {
            Volatile.Write(ref _demand, timestampSamples);
            _wake.Signal();
        }
    }

    private void RunAir()
    {
        while (!IsStopping)
        {
            bool worked = Emit();
            worked |= Produce();
            worked |= FillSilence();
            if (!worked)
            {
                _wake.WaitUntil(static r => r.IsStopping || r.HasQueuedOrDemand() || r.CanProduce(), this, s_poll);
            }
        }
    }

    private bool HasQueuedOrDemand() => _txReader!.HasQueuedSamples || Volatile.Read(ref _demand) > _txReader.Clock;

    /// <summary>Moves this end's transmitted stream (zeros where nothing was queued, up to the receive demand) into the history.</summary>
    private bool Emit()
    {
        Compact();
        int room = HistoryCapacity - _historyCount;
        TxRingReader reader = _txReader!;
        long pad = Volatile.Read(ref _demand);
        int most = Math.Min(room, _emitted[0].Length);
        int limit = reader.HasQueuedSamples ? most : (int)Math.Clamp(pad - reader.Clock, 0, most);
        if (limit == 0)
        {
            return false;
        }

        int n = reader.Emit(_emitted, limit, pad);
        if (n == 0)
        {
            return false;
        }

        _emitted[0].AsSpan(0, n).CopyTo(_history.AsSpan(_historyCount, n));
        _historyCount += n;
        return true;
    }

    /// <summary>Drops history the next peer sample no longer needs (while the peer is away: all but the newest half).</summary>
    private void Compact()
    {
        long keepFrom;
        if (_peer is { } p && Volatile.Read(ref p._starts) == 0)
        {
            // The peer has not started yet: it will need this end's stream from its start.
            return;
        }

        if (PeerListening())
        {
            (long whole, _) = FractionalDelayInterpolator.Position(_origin, _ratio, _peer!.RxNext());
            keepFrom = whole - FractionalDelayInterpolator.HalfWidth - 2 - MaxDelayStepSamples;
        }
        else
        {
            keepFrom = _historyStart + _historyCount - (HistoryCapacity / 2);
        }

        int drop = (int)Math.Clamp(keepFrom - _historyStart, 0, _historyCount);
        if (drop < HistoryCapacity / 4)
        {
            return;
        }

        _history.AsSpan(drop, _historyCount - drop).CopyTo(_history);
        _historyCount -= drop;
        _historyStart += drop;
    }

    private long RxNext()
    {
        lock (_rxGate)
        {
            return _rxNext;
        }
    }

    /// <summary>Whether the peer is streaming and its receiver is fed by this end (not past its cut).</summary>
    private bool PeerListening()
    {
        LinkedRadio? peer = _peer;
        if (peer is null || peer.State != RadioState.Streaming || peer.IsStopping)
        {
            return false;
        }

        int starts = Volatile.Read(ref peer._starts);
        if (starts != _peerStartsSeen)
        {
            // The peer restarted: its clock's zero is this end's sample where it came back, where this end heard silence up to.
            _peerStartsSeen = starts;
            if (starts > 1)
            {
                _zeroPosition = _silenceUntil;
                _origin = _zeroPosition - (DelaySamples * _ratio);
            }
        }

        return true;
    }

    /// <summary>How many peer samples the history allows now, from <paramref name="next"/> (0 when the peer is not listening or its ring is full).</summary>
    private int Producible(long next)
    {
        if (!PeerListening() || next >= _cutAt || !_peer!.RxRing!.HasFreeBlock)
        {
            return 0;
        }

        // Position (m − D)·r needs samples up to ⌊position⌋ + W.
        long available = _historyStart + _historyCount;
        long end = (long)Math.Floor((available - FractionalDelayInterpolator.HalfWidth - 1 - _origin) / _ratio);
        while (end > next && FractionalDelayInterpolator.Position(_origin, _ratio, end - 1).Whole + FractionalDelayInterpolator.HalfWidth >= available)
        {
            end--;
        }

        end = Math.Min(end, _cutAt);
        if (next < _delayChangeAt)
        {
            end = Math.Min(end, _delayChangeAt);
        }

        (long first, _) = FractionalDelayInterpolator.Position(_origin, _ratio, next);
        if (first - FractionalDelayInterpolator.HalfWidth + 1 < _historyStart)
        {
            // Before this end's first sample (the peer waits at its silence's end until this end is back).
            return 0;
        }

        return (int)Math.Clamp(end - next, 0, _produced.Length);
    }

    private bool CanProduce() => _peer is { } p && Producible(p.RxNext()) > 0;

    /// <summary>Computes the peer's next received samples and hands them to its receive ring.</summary>
    private bool Produce()
    {
        LinkedRadio? peer = _peer;
        if (peer is null)
        {
            return false;
        }

        lock (peer._rxGate)
        {
            long next = peer._rxNext;
            if (next >= peer._silenceFrom && next < peer._silenceUntil)
            {
                return false;
            }

            int n = Producible(next);
            if (n == 0)
            {
                return false;
            }

            Span<ComplexF32> y = _produced.AsSpan(0, n);
            _interpolator.Interpolate(_history.AsSpan(0, _historyCount), _historyStart, _origin, _ratio, next, y);
            if (_cyclesPerSample != 0)
            {
                ComplexMixer.Mix(y, _cyclesPerSample, next, y);
            }

            SampleRing ring = peer.RxRing!;
            ring.TryAcquire(out int slot);
            ring.Write(slot, 0, 0, y);
            ring.Commit(slot, n, next, BurstFlags.None);
            peer._rxNext = next + n;
            if (peer._rxNext == _delayChangeAt)
            {
                _origin = _zeroPosition - (_delayAfterChange * _ratio);
                _delayChangeAt = long.MaxValue;
            }
        }

        return true;
    }

    /// <summary>While the peer is away: silence into this end's receiver up to where it asked to read (and not past the peer's return).</summary>
    private bool FillSilence()
    {
        lock (_rxGate)
        {
            if (_rxNext < _silenceFrom || _rxNext >= _silenceUntil || RxRing is not { HasFreeBlock: true } ring)
            {
                return false;
            }

            long end = Math.Min(Math.Min(_silenceUntil, Volatile.Read(ref _demand) + _produced.Length), _rxNext + _produced.Length);
            int n = (int)(end - _rxNext);
            if (n <= 0)
            {
                return false;
            }

            ring.TryAcquire(out int slot);
            ring.Clear(slot, 0, 0, n);
            ring.Commit(slot, n, _rxNext, BurstFlags.None);
            _rxNext += n;
            return true;
        }
    }
}
