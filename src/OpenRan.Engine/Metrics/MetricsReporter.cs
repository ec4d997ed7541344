using System;
using System.Collections.Generic;
using System.Threading;
using OpenRan.Radio;

namespace OpenRan.Engine.Metrics;

/// <summary>
/// Once per interval, turns the engine's counters into a <see cref="MetricsSnapshot"/> (rates over the interval's air time)
/// and hands it to every sink, on its own thread: the slot path never formats, allocates or waits for output.
/// <see cref="Dispose"/> writes a last snapshot, so nothing counted is lost at shutdown.
/// </summary>
public sealed class MetricsReporter : IDisposable
{
    private readonly EngineMetrics _metrics;
    private readonly RadioEventLog _radio;
    private readonly IReadOnlyList<IMetricsSink> _sinks;
    private readonly double _slotSeconds;
    private readonly int _slotsPerFrame;
    private readonly int _startSfn;
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stop = new(false);
    private readonly TimeSpan _interval;
    private Totals _last;

    /// <summary>Starts reporting every <paramref name="interval"/>.</summary>
    public MetricsReporter(EngineMetrics metrics, RadioEventLog radio, double slotSeconds, int slotsPerFrame, int startSfn, IReadOnlyList<IMetricsSink> sinks, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(radio);
        ArgumentNullException.ThrowIfNull(sinks);
        _metrics = metrics;
        _radio = radio;
        _sinks = sinks;
        _slotSeconds = slotSeconds;
        _slotsPerFrame = slotsPerFrame;
        _startSfn = startSfn;
        _interval = interval;
        _thread = new Thread(Run) { IsBackground = true, Name = "metrics" };
        _thread.Start();
    }

    /// <summary>The latest snapshot.</summary>
    public MetricsSnapshot? Latest { get; private set; }

    /// <summary>Stops after writing a final snapshot.</summary>
    public void Dispose()
    {
        if (_stop.IsSet)
        {
            return;
        }

        _stop.Set();
        _thread.Join();
        _stop.Dispose();
    }

    /// <summary>Builds a snapshot of the interval since the previous one.</summary>
    public MetricsSnapshot TakeSnapshot()
    {
        var now = Totals.Read(_metrics);
        Totals d = now.Minus(_last);
        _last = now;
        double air = Math.Max(d.Slots * _slotSeconds, 1e-9);
        long decodes = d.UlPassed + d.UlFailed;
        long slots = now.Slots;
        long lastSlot = Math.Max(0, slots - 1);
        var snapshot = new MetricsSnapshot
        {
            Time = DateTimeOffset.UtcNow,
            Slot = Timing.SlotPoint.FromIndex(lastSlot, _slotsPerFrame, _startSfn).ToString(),
            IntervalAirSeconds = d.Slots * _slotSeconds,
            Slots = slots,
            DownlinkMbps = d.DlBits / air / 1e6,
            UplinkMbps = d.UlBits / air / 1e6,
            DownlinkBler = d.DlBlocks == 0 ? 0 : (double)d.DlRetx / d.DlBlocks,
            UplinkBler = decodes == 0 ? 0 : (double)d.UlFailed / decodes,
            DownlinkRetransmissions = d.DlRetx,
            UplinkRetransmissions = d.UlRetx,
            DownlinkMcs = _metrics.DownlinkMcs,
            UplinkMcs = _metrics.UplinkMcs,
            UplinkSinrDb = d.Measurements == 0 ? double.NaN : d.SinrSum / d.Measurements,
            UplinkEvmPercent = d.Measurements == 0 ? double.NaN : d.EvmSum / d.Measurements,
            UplinkTimingMicroseconds = d.Measurements == 0 ? double.NaN : d.TimingSum / d.Measurements * 1e6,
            PrachDetections = d.Prach,
            RandomAccessResponses = _metrics.RandomAccessResponses,
            Msg3Decoded = _metrics.Msg3Decoded,
            Msg3Failed = _metrics.Msg3Failed,
            ContentionResolutions = _metrics.ContentionResolutions,
            HarqAcks = _metrics.HarqAcks,
            HarqNacks = _metrics.HarqNacks,
            PucchDtx = _metrics.PucchDtx,
            Sib1Transmissions = d.Sib1,
            Downlink = _metrics.Downlink.TakeInterval(),
            Uplink = _metrics.Uplink.TakeInterval(),
            Overhead = _metrics.Overhead.TakeInterval(),
            SlotBudgetMicroseconds = _slotSeconds * 1e6,
            DownlinkLate = _metrics.DownlinkLate,
            UplinkLate = _metrics.UplinkLate,
            ShedSlots = _metrics.ShedSlots,
            LastLateSlot = _metrics.LastLateSlot,
            Radio = _radio.Snapshot(),
            GcCollections = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2),
            GcPauseMilliseconds = GC.GetTotalPauseDuration().TotalMilliseconds,
            EngineAllocatedBytes = _metrics.EngineAllocatedBytes,
        };
        Latest = snapshot;
        return snapshot;
    }

    private void Run()
    {
        while (true)
        {
            bool stopping = _stop.Wait(_interval);
            MetricsSnapshot snapshot = TakeSnapshot();
            foreach (IMetricsSink sink in _sinks)
            {
                sink.Write(snapshot);
            }

            if (stopping)
            {
                return;
            }
        }
    }

    private readonly record struct Totals(long Slots, long DlBits, long DlBlocks, long DlRetx, long UlBits, long UlPassed, long UlFailed, long UlRetx, double SinrSum, double EvmSum, double TimingSum, long Measurements, long Prach, long Sib1)
    {
        public static Totals Read(EngineMetrics m) => new(
            m.Slots, m.DownlinkBits, m.DownlinkTransportBlocks, m.DownlinkRetransmissions, m.UplinkBits, m.UplinkCrcPassed, m.UplinkCrcFailed,
            m.UplinkRetransmissions, m.UplinkSinrSum, m.UplinkEvmSum, m.UplinkTimingSum, m.UplinkMeasurements, m.PrachDetections, m.Sib1Transmissions);

        public Totals Minus(Totals o) => new(
            Slots - o.Slots, DlBits - o.DlBits, DlBlocks - o.DlBlocks, DlRetx - o.DlRetx, UlBits - o.UlBits, UlPassed - o.UlPassed, UlFailed - o.UlFailed,
            UlRetx - o.UlRetx, SinrSum - o.SinrSum, EvmSum - o.EvmSum, TimingSum - o.TimingSum, Measurements - o.Measurements, Prach - o.Prach, Sib1 - o.Sib1);
    }
}
