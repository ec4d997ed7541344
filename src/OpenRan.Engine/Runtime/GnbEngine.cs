using System;
using System.Diagnostics;
using System.Runtime;
using System.Threading;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Metrics;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Timing;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Radio;
using OpenRan.Radio.Streaming;

namespace OpenRan.Engine.Runtime;

/// <summary>
/// The real-time gNB PHY: a slot loop driven by the radio's sample timestamps. For each received slot n it dispatches the
/// uplink work of n, asks the scheduler for downlink slot n + k and dispatches it, hands every finished downlink slot to
/// the radio (slot n + 1 + G at the latest), and returns uplink results to the scheduler within their budget. Work runs on
/// a fixed pool of workers (or on the slot thread with zero workers) through preallocated lock-free queues; the steady
/// state allocates nothing. Late work is dropped and counted (the downlink then carries SS/PBCH only); radio events are
/// counted by the radio and make the engine shed work until they stop.
/// </summary>
public sealed class GnbEngine : IDisposable, IUplinkPlanner
{
    private readonly CellSetup _cell;
    private readonly IRadio _radio;
    private readonly ISlotScheduler _scheduler;
    private long _schedulerBytes;
    private readonly EngineRunOptions _options;
    private readonly CellSchedule _schedule;
    private readonly SlotClock _clock;
    private readonly DownlinkTask[] _downlink;
    private readonly UplinkTask[] _uplink;
    private readonly WorkerContext _inline;
    private readonly WorkerPool? _pool;
    private readonly Parker _completion = new();
    private readonly DownlinkSlotPlan _fallbackPlan;
    private readonly SampleBlock<ComplexF32> _fallbackSamples;
    private readonly UplinkSlotResults _lateResults;
    private readonly SampleBlock<ComplexF32>? _rxScratch;
    private readonly SampleBlock<ComplexF32>? _rxStage;
    private readonly int _k;
    private readonly int _guard;
    private readonly int _uplinkBudget;
    private readonly bool _hasRx;
    private readonly bool _hasTx;
    private readonly int _slotsPerFrame;
    private readonly int _startSfn;
    private volatile bool _stopping;
    private long _nextTx;
    private long _nextUplinkDelivery;
    private long _shedUntil = -1;
    private long _radioFaultBaseline;
    private long _waitTicks;
    private long _nextReceive;
    private long _maxSlots = long.MaxValue;
    private long _threadBytes;
    private long _workerBytes;
    private long _warmSlots;
    private GCLatencyMode _previousLatency;

    /// <summary>Builds the pipeline for <paramref name="cell"/> on a configured <paramref name="radio"/>.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="radio">A radio in the Configured state (configured with <see cref="RadioSetup.Configuration"/>).</param>
    /// <param name="scheduler">The scheduler.</param>
    /// <param name="options">How to run.</param>
    /// <param name="maxTransportBlockBytes">The largest transport block any PDU carries.</param>
    public GnbEngine(CellSetup cell, IRadio radio, ISlotScheduler scheduler, EngineRunOptions options, int maxTransportBlockBytes)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(radio);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(options);
        _cell = cell;
        _radio = radio;
        _scheduler = scheduler;
        _options = options;
        _schedule = new CellSchedule(cell);
        _clock = new SlotClock(cell.Timing);
        _k = cell.Options.Engine.TxAdvanceSlots;
        _guard = Math.Clamp(options.GuardSlots, 0, Math.Max(0, _k - 1));
        _uplinkBudget = cell.Options.Engine.UplinkBudgetSlots ?? _k;
        _slotsPerFrame = cell.SlotsPerFrame;
        _startSfn = cell.Options.Engine.StartSfn;
        RadioConfiguration rc = ((IRadioManagement)radio.Management).Configuration;
        _hasRx = rc.RxChannelCount > 0;
        _hasTx = rc.TxChannelCount > 0;
        int tx = cell.Options.Antennas.Tx;
        int rx = cell.Options.Antennas.Rx;
        int slotSamples = _clock.MaxSlotSampleCount;
        int maxPdcch = 4;
        int maxPdsch = 2;

        _downlink = new DownlinkTask[_k + 8];
        for (int i = 0; i < _downlink.Length; i++)
        {
            _downlink[i] = new DownlinkTask(new DownlinkSlotPlan(maxPdcch, maxPdsch, maxTransportBlockBytes), new SampleBlock<ComplexF32>(tx, slotSamples));
        }

        _uplink = new UplinkTask[_k + scheduler.UplinkHorizonSlots + _uplinkBudget + 8];
        for (int i = 0; i < _uplink.Length; i++)
        {
            _uplink[i] = new UplinkTask(new UplinkSlotPlan(2, 4), new SampleBlock<ComplexF32>(rx, slotSamples), new UplinkSlotResults(2, maxTransportBlockBytes));
        }

        _fallbackPlan = new DownlinkSlotPlan(1, 1, 1);
        _fallbackSamples = new SampleBlock<ComplexF32>(tx, slotSamples);
        _lateResults = new UplinkSlotResults(2, 1);
        if (_hasRx)
        {
            _rxScratch = new SampleBlock<ComplexF32>(rc.RxChannelCount, slotSamples);
            _rxStage = new SampleBlock<ComplexF32>(rc.RxChannelCount, slotSamples);
        }

        Metrics.DownlinkMcs = cell.Downlink.Mcs;
        Metrics.UplinkMcs = cell.Uplink.Mcs;
        _inline = new WorkerContext(cell, maxTransportBlockBytes);
        int workers = cell.Options.Engine.Workers;
        if (workers > 0)
        {
            _pool = new WorkerPool(workers, () => new WorkerContext(cell, maxTransportBlockBytes), _completion);
        }
    }

    /// <summary>The counters and timings.</summary>
    public EngineMetrics Metrics { get; } = new();

    /// <summary>The slot clock.</summary>
    public SlotClock Clock => _clock;

    /// <summary>The radio.</summary>
    public IRadio Radio => _radio;

    /// <summary>Code-block halves decoded by a helper worker (workers ≥ 2).</summary>
    public long CodeBlockHalvesHelped
    {
        get
        {
            long sum = 0;
            foreach (UplinkTask u in _uplink)
            {
                sum += u.Helper.Helped;
            }

            return sum;
        }
    }

    /// <summary>
    /// Bytes the scheduler allocated in steady state (after the warm slots), measured around each of its calls on the slot
    /// thread: the gNB's own share of <see cref="SteadyStateAllocatedBytes"/>, which also counts whatever else runs on that
    /// thread (an emulated UE inside the loopback radio).
    /// </summary>
    public long SchedulerAllocatedBytes => _schedulerBytes;

    /// <summary>Bytes the worker threads (the PHY processors) allocated in steady state (after the warm slots).</summary>
    public long WorkerAllocatedBytes => (_pool?.AllocatedBytes ?? 0) - _workerBytes;

    /// <summary>Split code-block halves the owning worker decoded itself (no helper claimed them in time; workers ≥ 2).</summary>
    public long CodeBlockHalvesByOwner
    {
        get
        {
            long sum = 0;
            foreach (UplinkTask u in _uplink)
            {
                sum += u.Split.OwnerCompleted;
            }

            return sum;
        }
    }

    /// <summary>Milliseconds the warm-up took.</summary>
    public double WarmUpMilliseconds { get; private set; }

    /// <summary>Bytes allocated by the slot thread and the workers since the engine started its loop (steady state: 0 per slot).</summary>
    public long SteadyStateAllocatedBytes => Metrics.EngineAllocatedBytes;

    /// <summary>Asks the loop to stop after the current slot (any thread; SIGINT handlers).</summary>
    public void Stop() => _stopping = true;

    /// <inheritdoc />
    public UplinkSlotPlan PlanFor(long slotIndex)
    {
        UplinkTask entry = _uplink[slotIndex % _uplink.Length];
        if (entry.SlotIndex != slotIndex)
        {
            WaitIdle(entry);
            entry.SlotIndex = slotIndex;
            entry.Received = false;
            entry.MarkIdle();
            entry.Plan.Reset(Point(slotIndex));
        }

        return entry.Plan;
    }

    /// <summary>
    /// Warms up every processor, starts the radio, runs up to <paramref name="maxSlots"/> slots (or until
    /// <see cref="Stop"/>), stops the radio and returns the number of slots run. Runs on the calling thread (the slot thread).
    /// </summary>
    public long Run(long maxSlots = long.MaxValue)
    {
        Begin(maxSlots);
        try
        {
            while (!_stopping && Step())
            {
            }

            Drain();
            return Metrics.Slots;
        }
        finally
        {
            End();
        }
    }

    /// <summary>Warms up, starts the radio and fills the transmit pipeline (the first part of <see cref="Run"/>).</summary>
    internal void Begin(long maxSlots = long.MaxValue)
    {
        WarmUp();
        _maxSlots = maxSlots;
        _previousLatency = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
        Prime();
        _radio.Start(_clock.StartTimestamp);
        SendPrimed();
        _radioFaultBaseline = RadioFaults();
        _threadBytes = GC.GetAllocatedBytesForCurrentThread();
        _workerBytes = _pool?.AllocatedBytes ?? 0;
        _warmSlots = Math.Min(maxSlots / 10, 200);
    }

    /// <summary>Receives the next uplink slot and runs the slot(s) it completes; false when done or stopped.</summary>
    internal bool Step()
    {
        long n = _nextReceive;
        if (n >= _maxSlots)
        {
            return false;
        }

        long received = _hasRx ? ReceiveSlot(n) : n;
        if (received < 0)
        {
            return false;
        }

        for (long j = n; j <= received && j < _maxSlots; j++)
        {
            long start = Stopwatch.GetTimestamp();
            _waitTicks = 0;
            long processing = Advance(j, lost: j < received);
            Metrics.Overhead.Record(Math.Max(0, Stopwatch.GetTimestamp() - start - processing - _waitTicks));
            Metrics.CountSlot();
            _options.SlotCompleted?.Invoke(j);
            if (j == _warmSlots)
            {
                _threadBytes = GC.GetAllocatedBytesForCurrentThread();
                _workerBytes = _pool?.AllocatedBytes ?? 0;
                _schedulerBytes = 0;
            }

            if (j > _warmSlots)
            {
                Metrics.EngineAllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - _threadBytes + ((_pool?.AllocatedBytes ?? 0) - _workerBytes);
            }
        }

        _nextReceive = received + 1;
        return true;
    }

    /// <summary>Stops the radio (the last part of <see cref="Run"/>).</summary>
    internal void End()
    {
        _radio.Stop();
        GCSettings.LatencyMode = _previousLatency;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _pool?.Dispose();
        _completion.Dispose();
    }

    private SlotPoint Point(long slotIndex) => SlotPoint.FromIndex(slotIndex, _slotsPerFrame, _startSfn);

    /// <summary>One slot of the loop, after uplink slot <paramref name="n"/> was received; returns the ticks spent in processors on this thread.</summary>
    private long Advance(long n, bool lost)
    {
        long processing = 0;
        bool shedding = n <= _shedUntil;

        // Uplink of slot n: its samples are in.
        UplinkTask ul = _uplink[n % _uplink.Length];
        if (ul.SlotIndex == n && !ul.Plan.IsEmpty)
        {
            if (lost || !_hasRx || shedding)
            {
                if (lost || !_hasRx)
                {
                    Metrics.CountUplinkLost();
                }
                else
                {
                    Metrics.CountShed();
                }

                DeliverLate(ul, countLate: false);
            }
            else
            {
                WaitIdle(ul.Helper);
                ul.SplitCodeBlocks = _pool is { Count: > 1 } && ul.Plan.PuschCount > 0;
                processing += Dispatch(ul);
            }
        }

        // Downlink of slot n + k.
        long m = n + _k;
        DownlinkTask dl = _downlink[m % _downlink.Length];
        WaitIdle(dl);
        dl.SlotIndex = m;
        dl.Plan.Reset(Point(m));
        long bytes = GC.GetAllocatedBytesForCurrentThread();
        _scheduler.ScheduleDownlink(dl.Plan.Slot, dl.Plan, this);
        if (shedding && !dl.Plan.IsSsbOnly)
        {
            _scheduler.OnDownlinkDropped(dl.Plan);
            dl.Plan.KeepSsbOnly();
            Metrics.CountShed();
        }

        _schedulerBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;

        processing += Dispatch(dl);

        // Transmit: everything finished in order, and at least up to the deadline n + 1 + G.
        processing += Transmit(n);

        // Uplink results within their budget.
        DeliverUplink(n);

        // Radio faults (Late, Underflow, Overflow) make the engine shed work for a while.
        long faults = RadioFaults();
        if (faults != _radioFaultBaseline)
        {
            _radioFaultBaseline = faults;
            if (_options.Deadlines == DeadlineMode.RealTime)
            {
                _shedUntil = n + _options.ShedSlotsAfterRadioFault;
            }
        }

        return processing;
    }

    private long Dispatch(SlotTask task)
    {
        if (_pool is null)
        {
            task.MarkPending();
            task.Run(_inline);
            Record(task);
            return task.ElapsedTicks;
        }

        int worker = _pool.Submit(task);
        if (task is UplinkTask { SplitCodeBlocks: true } ul)
        {
            // The code blocks of its PUSCHs are shared with the next worker.
            ul.Helper.Target = ul;
            _pool.SubmitTo((worker + 1) % _pool.Count, ul.Helper);
        }

        return 0;
    }

    private void Record(SlotTask task)
    {
        if (task is DownlinkTask)
        {
            Metrics.Downlink.Record(task.ElapsedTicks);
        }
        else
        {
            Metrics.Uplink.Record(task.ElapsedTicks);
        }
    }

    private long Transmit(long n)
    {
        long processing = 0;
        long deadline = n + 1 + _guard;
        long limit = n + _k;
        while (_nextTx <= limit)
        {
            DownlinkTask dl = _downlink[_nextTx % _downlink.Length];
            bool due = _nextTx <= deadline;
            if (!dl.IsDone)
            {
                if (!due)
                {
                    break;
                }

                bool late = _options.Faults?.IsDownlinkLate(_nextTx) == true || _options.Deadlines == DeadlineMode.RealTime;
                if (!late)
                {
                    Wait(dl);
                }
            }
            else if (_options.Faults?.IsDownlinkLate(_nextTx) == true)
            {
                if (!due)
                {
                    break;
                }

                dl.Abandoned = true;
            }

            if (dl.IsDone && !dl.Abandoned)
            {
                if (_pool is not null)
                {
                    Record(dl);
                }

                Send(dl.Plan, dl.Samples);
                dl.MarkIdle();
            }
            else
            {
                // Late: the work is dropped (its result ignored when it arrives); the slot still carries SS/PBCH.
                dl.Abandoned = true;
                Metrics.CountDownlinkLate(_nextTx);
                _scheduler.OnDownlinkDropped(dl.Plan);
                _fallbackPlan.Reset(dl.Plan.Slot);
                _schedule.AddSsb(dl.Plan.Slot, _fallbackPlan);
                long start = Stopwatch.GetTimestamp();
                _inline.Downlink.Process(_fallbackPlan, _fallbackSamples);
                processing += Stopwatch.GetTimestamp() - start;
                Send(_fallbackPlan, _fallbackSamples);
                if (dl.IsDone)
                {
                    dl.MarkIdle();
                }
            }

            _nextTx++;
        }

        return processing;
    }

    private void Send(DownlinkSlotPlan plan, SampleBlock<ComplexF32> samples)
    {
        long index = plan.Slot.Index;
        foreach (PdschPdu p in plan.Pdsch)
        {
            if (p.RntiType == RntiType.SiRnti)
            {
                Metrics.CountSib1();
            }
            else if (p.RntiType == RntiType.RaRnti)
            {
                Metrics.CountRandomAccessResponse();
            }
            else
            {
                Metrics.CountDownlink(p.TransportBlockBytes * 8, p.NewData);
            }

            _options.Capture?.OnDownlink(plan.Slot, p);
        }

        if (_hasTx)
        {
            samples.TimestampSamples = _clock.SlotStart(index);
            samples.Flags = BurstFlags.None;
            _radio.Tx.Write(samples);
        }
    }

    private void DeliverUplink(long n)
    {
        while (_nextUplinkDelivery <= n)
        {
            long u = _nextUplinkDelivery;
            UplinkTask ul = _uplink[u % _uplink.Length];
            if (ul.SlotIndex != u || !(ul.IsPending || ul.IsDone) || ul.Abandoned)
            {
                _nextUplinkDelivery++;
                continue;
            }

            bool due = u + _uplinkBudget <= n;
            if (_options.Faults?.IsUplinkLate(u) == true)
            {
                if (!due)
                {
                    return;
                }

                ul.Abandoned = true;
                DeliverLate(ul, countLate: true);
                _nextUplinkDelivery++;
                continue;
            }

            if (!ul.IsDone)
            {
                if (!due)
                {
                    return;
                }

                if (_options.Deadlines == DeadlineMode.VirtualTime)
                {
                    Wait(ul);
                }
                else
                {
                    ul.Abandoned = true;
                    DeliverLate(ul, countLate: true);
                    _nextUplinkDelivery++;
                    continue;
                }
            }

            if (_pool is not null)
            {
                Record(ul);
            }

            UplinkSlotResults results = ul.Results;
            foreach (PuschResult r in results.Pusch)
            {
                if (r.RntiType == RntiType.TcRnti)
                {
                    Metrics.CountMsg3(r.CrcPassed);
                    if (r.CrcPassed)
                    {
                        _options.Capture?.OnUplink(results.Slot, r);
                    }

                    continue;
                }

                Metrics.CountUplink(r.CrcPassed, r.TransportBlockBytes * 8, r.RedundancyVersion != 0, r.SinrDb, r.EvmPercent, r.TimingOffsetSeconds);
                Metrics.CountHarqAckOnPusch(r);
                if (r.CrcPassed)
                {
                    _options.Capture?.OnUplink(results.Slot, r);
                }
            }

            foreach (PucchResult r in results.Pucch)
            {
                Metrics.CountPucch(r);
            }

            Metrics.CountPrach(results.PrachCount);
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            _scheduler.OnUplinkResults(results);
            _schedulerBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
            ul.MarkIdle();
            _nextUplinkDelivery++;
        }
    }

    private void DeliverLate(UplinkTask ul, bool countLate)
    {
        if (countLate)
        {
            Metrics.CountUplinkLate(ul.SlotIndex);
        }

        _lateResults.Reset(ul.Plan.Slot);
        foreach (PuschPdu pdu in ul.Plan.Pusch)
        {
            if (pdu.RntiType == RntiType.TcRnti)
            {
                Metrics.CountMsg3(false);
            }

            PuschResult r = _lateResults.AddPusch();
            r.Rnti = pdu.Rnti;
            r.RntiType = pdu.RntiType;
            r.HarqProcess = pdu.HarqProcess;
            r.RedundancyVersion = pdu.RedundancyVersion;
            r.CrcPassed = false;
            r.Late = true;
            r.Dtx = false;
            r.ErasedResourceElements = 0;
            r.TransportBlockBytes = 0;
            r.SinrDb = double.NaN;
            r.HarqAckBits = pdu.HarqAckBits;
            r.HarqAckValid = false;
            pdu.HarqProcesses.AsSpan(0, pdu.HarqAckBits).CopyTo(r.HarqProcesses);
            Metrics.CountUplink(false, 0, pdu.RedundancyVersion != 0, double.NaN, double.NaN, 0);
            Metrics.CountHarqAckOnPusch(r);
        }

        foreach (PucchPdu pdu in ul.Plan.Pucch)
        {
            PucchResult r = _lateResults.AddPucch();
            r.From(pdu);
            r.Dtx = false;
            r.Late = true;
            Metrics.CountPucch(r);
        }

        long bytes = GC.GetAllocatedBytesForCurrentThread();
        _scheduler.OnUplinkResults(_lateResults);
        _schedulerBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
        if (!ul.IsPending)
        {
            ul.MarkIdle();
        }
    }

    /// <summary>Reads uplink slot <paramref name="n"/> (or a later one after a gap); returns the slot filled, or −1 when stopped.</summary>
    private long ReceiveSlot(long n)
    {
        long slot = n;
        long start = _clock.SlotStart(slot);
        int count = _clock.SlotLength(slot);
        SampleBlock<ComplexF32> destination = Destination(slot);
        int filled = 0;
        IRxStream rx = _radio.Rx;
        SampleBlock<ComplexF32> stage = _rxStage!;
        while (filled < count)
        {
            int got = rx.Read(stage, count - filled);
            if (got == 0)
            {
                if (_stopping || _radio.State != RadioState.Streaming)
                {
                    return -1;
                }

                continue;
            }

            long ts = stage.TimestampSamples;
            if (ts != start + filled)
            {
                // A gap (receive overflow): resynchronize to the slot holding ts; the slots in between are lost.
                long gapSlot = _clock.SlotAt(ts);
                if (gapSlot != slot)
                {
                    slot = gapSlot;
                    start = _clock.SlotStart(slot);
                    count = _clock.SlotLength(slot);
                    destination = Destination(slot);
                }

                filled = (int)(ts - start);
                for (int c = 0; c < destination.ChannelCount; c++)
                {
                    destination.GetCapacitySpan(c)[..filled].Clear();
                }
            }

            int take = Math.Min(got, count - filled);
            for (int c = 0; c < destination.ChannelCount; c++)
            {
                stage[c][..take].CopyTo(destination.GetCapacitySpan(c)[filled..]);
            }

            filled += take;
        }

        destination.Count = count;
        destination.TimestampSamples = start;
        return slot;
    }

    private SampleBlock<ComplexF32> Destination(long slot)
    {
        UplinkTask ul = _uplink[slot % _uplink.Length];
        return ul.SlotIndex == slot && !ul.Plan.IsEmpty && !ul.IsPending ? ul.Samples : _rxScratch!;
    }

    /// <summary>
    /// Makes downlink slots 0..k−1 before the radio starts, so that a paced radio's first blocks are not late while they
    /// are being made (<see cref="SendPrimed"/> hands them over once it streams).
    /// </summary>
    private void Prime()
    {
        for (long m = 0; m < _k; m++)
        {
            DownlinkTask dl = _downlink[m % _downlink.Length];
            dl.SlotIndex = m;
            dl.Plan.Reset(Point(m));
            _scheduler.ScheduleDownlink(dl.Plan.Slot, dl.Plan, this);
            dl.MarkPending();
            dl.Run(_inline);
        }
    }

    /// <summary>Fills the transmit pipeline with the slots <see cref="Prime"/> made, before the first receive.</summary>
    private void SendPrimed()
    {
        for (long m = 0; m < _k; m++)
        {
            DownlinkTask dl = _downlink[m % _downlink.Length];
            Send(dl.Plan, dl.Samples);
            dl.MarkIdle();
        }

        _nextTx = _k;
    }

    private void Drain()
    {
        for (int i = 0; i < _downlink.Length; i++)
        {
            WaitIdle(_downlink[i]);
        }

        for (int i = 0; i < _uplink.Length; i++)
        {
            WaitIdle(_uplink[i]);
            WaitIdle(_uplink[i].Helper);
        }
    }

    private void Wait(SlotTask task)
    {
        long start = Stopwatch.GetTimestamp();
        _completion.WaitUntil(static t => t.IsDone, task, TimeSpan.FromMilliseconds(50));
        _waitTicks += Stopwatch.GetTimestamp() - start;
    }

    private void WaitIdle(SlotTask task)
    {
        if (task.IsPending)
        {
            Wait(task);
        }
    }

    private long RadioFaults()
    {
        RadioEventLog e = _radio.Events;
        return e.Count(RadioEventKind.Late) + e.Count(RadioEventKind.Underflow) + e.Count(RadioEventKind.Overflow);
    }

    /// <summary>Runs every processor on representative slots before the radio starts (tiered JIT and per-instance caches).</summary>
    private void WarmUp()
    {
        long start = Stopwatch.GetTimestamp();

        // Every configuration the scheduler may send, laid out in every processor now: the first random access (RAR, Msg3,
        // Msg4 of each procedure) or HARQ-ACK size on PUSCH must not be what builds them mid-run.
        foreach (SharedChannelConfiguration c in _scheduler.SharedChannelConfigurations)
        {
            for (int w = -1; w < (_pool?.Count ?? 0); w++)
            {
                WorkerContext context = w < 0 ? _inline : _pool!.Context(w);
                context.Downlink.Prepare(c);
                context.Uplink.Prepare(c);
            }

            // And each run once through every processor: the first use of a small LDPC lifting (a RAR's, a Msg3's) or of a
            // HARQ-ACK size builds tables too.
            WarmUpOnce(c);
        }

        // Every PUCCH it may expect, once each: a Msg4's HARQ-ACK may be the first PUCCH the cell ever receives (assume-ack),
        // on a resource or HARQ-ACK size the warm-up slots below never use (formats 0/1: 1–2 bits; 2–4: 3–8 bits).
        for (int i = 0; i < _cell.Options.Pucch.Count; i++)
        {
            bool shortPayload = _cell.Options.Pucch[i].Format <= 1;
            for (int bits = shortPayload ? 1 : 3; bits <= (shortPayload ? 2 : 8); bits++)
            {
                WarmUpPucch(i, -1, bits);
            }
        }

        if (_cell.Options.PucchResourceCommon is not null)
        {
            for (int r = 0; r < PucchResourceCommon.ResourceCount; r++)
            {
                WarmUpPucch(0, r, 1);
            }
        }

        ISlotScheduler? scheduler = _options.WarmUpScheduler;
        int slots = Math.Max(2 * _slotsPerFrame, _cell.Options.Sib1.PeriodMs * _cell.Numerology.SlotsPerSubframe * 2);
        var planner = new WarmUpPlanner(this);
        for (int round = 0; round < _options.WarmUpRounds; round++)
        {
            for (long s = 0; s < slots; s++)
            {
                DownlinkTask dl = _downlink[s % _downlink.Length];
                dl.SlotIndex = s;
                dl.Plan.Reset(Point(s));
                if (scheduler is not null)
                {
                    scheduler.ScheduleDownlink(dl.Plan.Slot, dl.Plan, planner);
                }
                else
                {
                    _schedule.AddSsb(dl.Plan.Slot, dl.Plan);
                }

                RunEverywhere(dl);
                UplinkTask ul = _uplink[s % _uplink.Length];
                if (ul.SlotIndex == s && !ul.Plan.IsEmpty)
                {
                    // Low-level noise, not zeros: the PRACH detector and the PUCCH receiver return early on silence,
                    // and their real paths must be compiled before the radio starts too.
                    ul.Samples.Count = _clock.SlotLength(s);
                    for (int c = 0; c < ul.Samples.ChannelCount; c++)
                    {
                        FillNoise(ul.Samples[c], (ulong)((s * 31) + c + 1));
                    }

                    RunEverywhere(ul);
                    scheduler?.OnUplinkResults(ul.Results);
                }
            }

            // Let the background JIT promote what just ran to optimized code before the next round.
            Thread.Sleep(150);
        }

        for (int i = 0; i < _downlink.Length; i++)
        {
            _downlink[i].SlotIndex = -1;
            _downlink[i].MarkIdle();
        }

        for (int i = 0; i < _uplink.Length; i++)
        {
            _uplink[i].SlotIndex = -1;
            _uplink[i].MarkIdle();
        }

        WarmUpMilliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>Transmits (PDSCH) or receives from noise (PUSCH) one slot with <paramref name="configuration"/> on every worker.</summary>
    private void WarmUpOnce(SharedChannelConfiguration configuration)
    {
        if (configuration is PdschConfiguration pdschConfiguration)
        {
            DownlinkTask dl = _downlink[0];
            dl.SlotIndex = 0;
            dl.Plan.Reset(Point(0));
            if (dl.Plan.AddPdsch() is not { } pdsch)
            {
                return;
            }

            pdsch.Configuration = pdschConfiguration;
            pdsch.ReferenceCrb = 0;
            pdsch.RedundancyVersion = 0;
            pdsch.NewData = true;
            pdsch.TransportBlockBytes = Math.Min(pdsch.TransportBlock.Length, pdschConfiguration.TransportBlockSizeFor(pdschConfiguration.BuildLayout()) / 8);
            pdsch.TransportBlock.AsSpan().Clear();
            RunEverywhere(dl);
        }
        else if (configuration is PuschConfiguration puschConfiguration)
        {
            UplinkTask ul = _uplink[0];
            ul.SlotIndex = 0;
            ul.Plan.Reset(Point(0));
            if (ul.Plan.AddPusch() is not { } pusch)
            {
                return;
            }

            pusch.Configuration = puschConfiguration;
            pusch.SoftBuffer = _inline.Uplink.CreateSoftBuffer(puschConfiguration);
            pusch.RedundancyVersion = 0;
            pusch.NewData = true;
            pusch.HarqAckBits = puschConfiguration.MultiplexedUci?.HarqAckBitCount ?? 0;
            ul.Samples.Count = _clock.SlotLength(0);
            for (int c = 0; c < ul.Samples.ChannelCount; c++)
            {
                FillNoise(ul.Samples[c], (ulong)c + 7);
            }

            RunEverywhere(ul);
        }
    }

    /// <summary>
    /// Receives from noise a PUCCH on resource <paramref name="resource"/> (or common resource <paramref name="common"/> ≥ 0)
    /// in every slot of a frame (the receiver keeps per-slot sequences) on every worker.
    /// </summary>
    private void WarmUpPucch(int resource, int common, int bits)
    {
        for (int s = 0; s < _slotsPerFrame; s++)
        {
            WarmUpPucch(resource, common, bits, s);
        }
    }

    private void WarmUpPucch(int resource, int common, int bits, int slot)
    {
        UplinkTask ul = _uplink[0];
        ul.SlotIndex = slot;
        ul.Plan.Reset(Point(slot));
        if (ul.Plan.AddPucch() is not { } pucch)
        {
            return;
        }

        pucch.Resource = resource;
        pucch.CommonResource = common;
        pucch.Rnti = _cell.Options.TestUe.Rnti;
        pucch.RntiType = common >= 0 ? RntiType.TcRnti : RntiType.CRnti;
        pucch.HarqAckBits = bits;
        ul.Samples.Count = _clock.SlotLength(slot);
        for (int c = 0; c < ul.Samples.ChannelCount; c++)
        {
            FillNoise(ul.Samples[c], (ulong)(c + 11 + bits));
        }

        RunEverywhere(ul);
    }

    private static void FillNoise(Span<ComplexF32> samples, ulong seed)
    {
        ulong x = seed * 0x9E3779B97F4A7C15UL;
        for (int i = 0; i < samples.Length; i++)
        {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            ulong v = x * 0x2545F4914F6CDD1DUL;
            samples[i] = new ComplexF32(((int)(v & 0xFFFF) - 32768) * 1e-7f, ((int)((v >> 16) & 0xFFFF) - 32768) * 1e-7f);
        }
    }

    private void RunEverywhere(SlotTask task)
    {
        task.MarkPending();
        task.Run(_inline);
        if (_pool is null)
        {
            return;
        }

        for (int w = 0; w < _pool.Count; w++)
        {
            _pool.SubmitTo(w, task);
            Wait(task);
        }
    }

    private sealed class WarmUpPlanner(GnbEngine engine) : IUplinkPlanner
    {
        public UplinkSlotPlan PlanFor(long slotIndex) => engine.PlanFor(slotIndex);
    }
}
