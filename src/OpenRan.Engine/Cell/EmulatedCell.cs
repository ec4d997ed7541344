using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Emulation;
using OpenRan.Engine.Metrics;
using OpenRan.Engine.Runtime;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Timing;
using OpenRan.Radio;
using OpenRan.Radio.Loopback;
using static System.FormattableString;

namespace OpenRan.Engine.Cell;

/// <summary>
/// A whole cell in one process: the gNB engine with the phy-test scheduler, and the emulated test UE inside the loopback
/// radio (<c>model=test-ue</c>) behind a downlink and an uplink channel. The UE makes a random access (preamble, RAR,
/// Msg3 with the timing advance, Msg3 retransmissions, Msg4 with the contention resolution identity acknowledged on
/// PUCCH), decodes its PDSCH with HARQ and answers HARQ-ACK on PUCCH, and sends PUSCH on its grants. With
/// <c>test-ue.attach: random-access</c> (the default cell) the UE's traffic starts only once its contention resolution
/// succeeded, on the C-RNTI its TC-RNTI became; with <c>preconfigured</c> it flows from the start, as in OAI's phy-test
/// mode, beside the random access. Runs in virtual time (as fast as the CPU allows) or paced, and reports per second of air time and in total
/// (<see cref="CellReport"/>).
/// </summary>
public sealed class EmulatedCell
{
    /// <summary>The embedded default configuration (also in the repository's <c>configs/</c>).</summary>
    public const string DefaultConfigurationName = "cell-n3-20mhz-fdd.yaml";

    private readonly CellSetup _cell;
    private readonly CellRunOptions _options;
    private readonly long _slots;
    private readonly int _slotsPerSecond;
    private readonly CellSecond[] _seconds;
    private readonly double _slotSeconds;
    private GnbEngine? _engine;
    private TestUeUplinkChannel? _ue;
    private Counters _previous;
    private long _previousSlots;
    private int _completed;

    /// <summary>Prepares the cell of <paramref name="cell"/> (validated: the test UE with HARQ-ACK on PUCCH, PRACH on).</summary>
    /// <exception cref="ConfigurationException">The configuration lacks what the emulated cell needs; the message names the key.</exception>
    public EmulatedCell(CellSetup cell, CellRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(options);
        if (!cell.Options.TestUe.Enabled)
        {
            throw cell.Options.Source.Error("test-ue", "openran cell needs the phy-test UE; valid: a test-ue section.");
        }

        if (cell.Options.TestUe.DlHarqFeedback != "pucch")
        {
            throw cell.Options.Source.Error("test-ue.dl-harq-feedback", $"'{cell.Options.TestUe.DlHarqFeedback}' does not let the UE's PDSCH CRC drive HARQ; valid for openran cell: pucch.");
        }

        if (!cell.Options.Prach.Enabled)
        {
            throw cell.Options.Source.Error("prach.enabled", "openran cell attaches the UE by random access; valid: true.");
        }

        if (!(options.Seconds > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Seconds, "Seconds must be positive.");
        }

        _cell = cell;
        _options = options;
        _slotSeconds = cell.Numerology.SlotDurationSeconds;
        _slotsPerSecond = 1000 * cell.Numerology.SlotsPerSubframe;
        _slots = Math.Max(1, (long)Math.Round(options.Seconds * _slotsPerSecond));
        _seconds = new CellSecond[(int)((_slots + _slotsPerSecond - 1) / _slotsPerSecond)];
    }

    /// <summary>Seconds of air time completed so far (any thread).</summary>
    public int CompletedSeconds => Volatile.Read(ref _completed);

    /// <summary>The slots the run takes.</summary>
    public long SlotCount => _slots;

    /// <summary>The row of second <paramref name="index"/> (0-based; complete once <see cref="CompletedSeconds"/> exceeds it).</summary>
    public CellSecond Second(int index) => _seconds[index];

    /// <summary>The embedded default configuration (<see cref="DefaultConfigurationName"/>).</summary>
    public static GnbConfiguration DefaultConfiguration()
    {
        using Stream stream = typeof(EmulatedCell).Assembly.GetManifestResourceStream("OpenRan.Engine.Cell." + DefaultConfigurationName)
            ?? throw new InvalidOperationException($"the embedded {DefaultConfigurationName} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return GnbConfigurationReader.Read(reader.ReadToEnd(), "configs/" + DefaultConfigurationName);
    }

    /// <summary>
    /// The AWGN power relative to a full-scale sample that gives an SNR of <paramref name="snrDb"/> per resource element:
    /// both sides transmit unit-energy resource elements scaled by <c>radio.baseband-scale</c> through unitary OFDM, so
    /// the noise power per sample (and per resource element after the receiver's unitary FFT) is 20·log10(scale) − SNR dB.
    /// </summary>
    public static double NoisePowerDb(CellSetup cell, double snrDb)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return (20 * Math.Log10(cell.Options.Radio.BasebandScale)) - snrDb;
    }

    /// <summary>Asks a running cell to stop after the current slot (any thread).</summary>
    public void Stop() => Volatile.Read(ref _engine)?.Stop();

    /// <summary>Runs the cell on the calling thread and reports it.</summary>
    public CellReport Run()
    {
        var provider = new TestUeUplinkChannelProvider(_cell, _options.DownlinkChannel, _options.UplinkChannel);
        var factory = new RadioFactory([new LoopbackRadioDriver(provider)]);
        string arguments = string.Create(CultureInfo.InvariantCulture,
            $"model=test-ue,ra_slot={_options.RandomAccessSlot},ra_preamble={_options.PreambleIndex},ue_delay={_options.DelaySamples}{(_options.RealTime ? ",realtime=true" : string.Empty)}");
        RadioSetup radio = RadioSetup.Create(_cell, factory, "loopback", arguments);
        using IRadio device = radio.Open(factory);
        var scheduler = new PhyTestScheduler(_cell);
        var options = new EngineRunOptions
        {
            Deadlines = _options.RealTime ? DeadlineMode.RealTime : DeadlineMode.VirtualTime,
            WarmUpScheduler = new PhyTestScheduler(_cell),
            SlotCompleted = OnSlotCompleted,
        };
        using var engine = new GnbEngine(_cell, device, scheduler, options, scheduler.MaxTransportBlockBytes);
        _ue = provider.Created[0];
        Volatile.Write(ref _engine, engine);
        long start = Stopwatch.GetTimestamp();
        long slots = engine.Run(_slots);
        double wallSeconds = Math.Max(1e-9, Stopwatch.GetElapsedTime(start).TotalSeconds - (engine.WarmUpMilliseconds / 1000));
        if (slots > _previousSlots)
        {
            Sample(slots);
        }

        return Report(engine, scheduler, _ue, slots, wallSeconds);
    }

    private void OnSlotCompleted(long slot)
    {
        if ((slot + 1) % _slotsPerSecond == 0)
        {
            Sample(slot + 1);
        }
    }

    /// <summary>Closes the row of the air time since the previous one (slot thread; allocates nothing).</summary>
    private void Sample(long slots)
    {
        int index = _completed;
        if (index >= _seconds.Length || _engine is not { } engine || _ue?.Downlink is not { } ue)
        {
            return;
        }

        var now = Counters.Read(engine.Metrics, ue);
        Counters d = now.Minus(_previous);
        double air = (slots - _previousSlots) * _slotSeconds;
        _seconds[index] = new CellSecond(
            index + 1,
            air,
            d.DlBits / air / 1e6,
            d.UlBits / air / 1e6,
            Ratio(d.DlFailures, d.DlReceptions),
            Ratio(d.UlFailed, d.UlPassed + d.UlFailed),
            d.DlRetx,
            d.UlRetx,
            d.DlReceptions == 0 ? double.NaN : d.DlSinrSum / d.DlReceptions,
            d.UlMeasurements == 0 ? double.NaN : d.UlSinrSum / d.UlMeasurements,
            engine.Metrics.Downlink.TakeInterval().P99Microseconds,
            engine.Metrics.Uplink.TakeInterval().P99Microseconds,
            now.Late);
        _previous = now;
        _previousSlots = slots;
        Volatile.Write(ref _completed, index + 1);
    }

    private CellReport Report(GnbEngine engine, PhyTestScheduler scheduler, TestUeUplinkChannel ue, long slots, double wallSeconds)
    {
        EngineMetrics m = engine.Metrics;
        TestUeDownlink downlink = ue.Downlink!;
        TestUeRandomAccess? ra = ue.RandomAccess;

        // The configured maxima over the slots counted: downlink up to the UE's last assignment, uplink over the run.
        long lastDownlink = Math.Max(downlink.LastAssignmentSlot, 0);
        long dlMaxBits = 0;
        for (long i = 0; i <= lastDownlink; i++)
        {
            dlMaxBits += 8L * scheduler.DownlinkTransportBlockBytesIn(Point(i));
        }

        long ulMaxBits = 0;
        for (long i = 0; i < slots; i++)
        {
            ulMaxBits += 8L * scheduler.UplinkTransportBlockBytesIn(Point(i));
        }

        double dlAir = (lastDownlink + 1) * _slotSeconds;
        double air = slots * _slotSeconds;
        long ulDecodes = m.UplinkCrcPassed + m.UplinkCrcFailed;
        // Attached: the contention resolution succeeded at both ends (the UE matched the Msg4, the gNB got its ACK).
        bool attached = ra is { Msg3Sent: true, CRnti: >= 0 } && m.Msg3Decoded > 0 && scheduler.ContentionResolutions > 0;
        var report = new CellReport
        {
            Cell = Describe(scheduler),
            Channel = _options.ChannelDescription,
            Mode = _options.RealTime ? "realtime" : "virtual",
            Attached = attached,
            PreambleSlot = ra?.PreambleSlot ?? -1,
            RarSlot = ra?.ResponseSlot ?? -1,
            TimingAdvance = ra is { ResponseSlot: >= 0 } ? ra.TimingAdvanceCommand : -1,
            Msg3Slot = ra is { Msg3Sent: true } ? ra.Msg3Slot : -1,
            Msg3Decoded = m.Msg3Decoded,
            AttachMode = _cell.Options.TestUe.Attach,
            Msg3Transmissions = ra?.Msg3Transmissions ?? 0,
            Msg4Slot = ra?.ContentionResolutionSlot ?? -1,
            Msg4AckSlot = ra?.Msg4AckSlot ?? -1,
            ContentionResolutions = scheduler.ContentionResolutions,
            TrafficStartSlot = scheduler.TestUeFirstSlot,
            Slots = slots,
            AirSeconds = air,
            WallSeconds = wallSeconds,
            RealTimeRatio = air / wallSeconds,
            DlGoodputMbps = downlink.DecodedBits / dlAir / 1e6,
            DlMaxMbps = dlMaxBits / dlAir / 1e6,
            UlGoodputMbps = m.UplinkBits / air / 1e6,
            UlMaxMbps = ulMaxBits / air / 1e6,
            DlTransportBlocks = downlink.TransportBlocksDecoded,
            DlReceptions = downlink.Receptions,
            DlFailures = downlink.DecodeFailures,
            DlBler = Ratio(downlink.DecodeFailures, downlink.Receptions),
            UlTransportBlocks = m.UplinkCrcPassed,
            UlFailures = m.UplinkCrcFailed,
            UlBler = Ratio(m.UplinkCrcFailed, ulDecodes),
            DlRetransmissions = m.DownlinkRetransmissions,
            UlRetransmissions = m.UplinkRetransmissions,
            HarqRetransmissions = m.DownlinkRetransmissions + m.UplinkRetransmissions,
            HarqAcks = m.HarqAcks,
            HarqNacks = m.HarqNacks,
            PucchDtx = m.PucchDtx,
            HarqAckBitsOnPusch = scheduler.HarqAckBitsOnPusch,
            DlSinrDb = downlink.Receptions == 0 ? double.NaN : downlink.SinrSumDb / downlink.Receptions,
            UlSinrDb = m.UplinkMeasurements == 0 ? double.NaN : m.UplinkSinrSum / m.UplinkMeasurements,
            LateSlots = m.DownlinkLate + m.UplinkLate,
            SlotBudgetMicroseconds = _slotSeconds * 1e6,
            GnbDownlinkP99Microseconds = Worst(static s => s.GnbDownlinkP99Microseconds),
            GnbUplinkP99Microseconds = Worst(static s => s.GnbUplinkP99Microseconds),
            UeMicrosecondsPerSlot = ue.ProcessingTicks * 1e6 / Stopwatch.Frequency / Math.Max(1, slots),
            WallMicrosecondsPerSlot = wallSeconds * 1e6 / Math.Max(1, slots),
            GnbSteadyStateAllocatedBytes = engine.SteadyStateAllocatedBytes,
            UeSteadyStateAllocatedBytes = ue.SteadyStateAllocatedBytes,
            MaxBler = _options.MaxBler,
            Verdict = string.Empty,
            Seconds = _seconds.AsSpan(0, Math.Min(_completed, _seconds.Length)).ToArray(),
        };
        (bool passed, string verdict) = Judge(report, ra, downlink);
        return report with { Passed = passed, Verdict = verdict };
    }

    /// <summary>Whether the cell worked, and what was found and what is missing when it did not.</summary>
    private static (bool Passed, string Verdict) Judge(CellReport r, TestUeRandomAccess? ra, TestUeDownlink downlink)
    {
        string? problem = null;
        if (!r.Attached)
        {
            problem = ra is null || ra.PreambleSlot < 0 ? Invariant($"the UE did not attach: it reached no PRACH occasion to send its preamble in; run longer")
                : ra.ResponseSlot < 0 ? Invariant($"the UE did not attach: its preamble (sent {ra.PreambleTransmissions} times, last in slot {ra.PreambleSlot}, RA-RNTI 0x{ra.RaRnti:x4}) got no random-access response it could decode")
                : !ra.Msg3Sent ? Invariant($"the UE did not attach: the RAR of slot {ra.ResponseSlot} was decoded but the run ended before its Msg3 (slot {ra.Msg3Slot})")
                : r.Msg3Decoded == 0 ? Invariant($"the UE did not attach: the gNB decoded none of its {ra.Msg3Transmissions} Msg3 transmissions (last in slot {ra.Msg3Slot})")
                : ra.ContentionResolutionFailed ? Invariant($"the UE did not attach: its Msg3 was decoded but the contention resolution failed ({ra.Msg4Receptions} Msg4 receptions, none with its identity before ra-ContentionResolutionTimer expired)")
                : ra.CRnti < 0 ? Invariant($"the UE did not attach: its Msg3 was decoded but it decoded no Msg4 with its contention resolution identity ({ra.Msg4Receptions} receptions)")
                : Invariant($"the UE did not attach: it matched the Msg4 of slot {ra.ContentionResolutionSlot}, but the gNB did not receive its HARQ-ACK (PUCCH in slot {ra.Msg4AckSlot})");
        }
        else if (r.DlTransportBlocks == 0)
        {
            problem = Invariant($"no downlink traffic: the UE found {downlink.Assignments} assignments and decoded none of {r.DlReceptions} PDSCH receptions");
        }
        else if (r.UlTransportBlocks == 0)
        {
            problem = Invariant($"no uplink traffic: the gNB decoded none of {r.UlFailures} PUSCHs");
        }
        else if (r.DlBler > r.MaxBler || r.UlBler > r.MaxBler)
        {
            problem = Invariant($"BLER above the bound {r.MaxBler:0.###}: downlink {r.DlBler:0.####}, uplink {r.UlBler:0.####}");
        }

        return problem is null
            ? (true, Invariant($"the cell works: UE attached (RAR T_A {r.TimingAdvance}, Msg3 decoded, Msg4 acknowledged, C-RNTI from the TC-RNTI), DL {r.DlGoodputMbps:0.00} of {r.DlMaxMbps:0.00} Mbit/s, UL {r.UlGoodputMbps:0.00} of {r.UlMaxMbps:0.00} Mbit/s, BLER DL {r.DlBler:0.####} UL {r.UlBler:0.####} (bound {r.MaxBler:0.###})"))
            : (false, problem);
    }

    private string Describe(PhyTestScheduler scheduler) => string.Create(CultureInfo.InvariantCulture,
        $"{_cell.Band.Name} {_cell.Duplex.ToString().ToUpperInvariant()} {_cell.Plan.DownlinkFrequencyHz / 1e6:0.###} MHz, {_cell.NRb} RB at {_cell.Options.Cell.ScsKhz} kHz, PCI {_cell.Pci}; DL {_cell.Downlink.PrbCount} PRB MCS {_cell.Downlink.Mcs} ({QamName(_cell.Downlink.Table, _cell.Downlink.Mcs)}) TBS {scheduler.DownlinkTransportBlockBytes * 8}, UL {_cell.Uplink.PrbCount} PRB MCS {_cell.Uplink.Mcs} ({QamName(_cell.Uplink.Table, _cell.Uplink.Mcs)}) TBS {scheduler.UplinkTransportBlockBytes * 8}");

    private double Worst(Func<CellSecond, double> value)
    {
        double worst = 0;
        for (int i = 0; i < Math.Min(_completed, _seconds.Length); i++)
        {
            worst = Math.Max(worst, value(_seconds[i]));
        }

        return worst;
    }

    private SlotPoint Point(long slot) => SlotPoint.FromIndex(slot, _cell.SlotsPerFrame, _cell.Options.Engine.StartSfn);

    private static double Ratio(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    /// <summary>The cumulative counters a row is the difference of.</summary>
    private readonly record struct Counters(
        long DlBits, long DlReceptions, long DlFailures, double DlSinrSum, long UlBits, long UlPassed, long UlFailed, double UlSinrSum, long UlMeasurements, long DlRetx, long UlRetx, long Late)
    {
        public static Counters Read(EngineMetrics m, TestUeDownlink ue) => new(
            ue.DecodedBits, ue.Receptions, ue.DecodeFailures, ue.SinrSumDb, m.UplinkBits, m.UplinkCrcPassed, m.UplinkCrcFailed, m.UplinkSinrSum, m.UplinkMeasurements,
            m.DownlinkRetransmissions, m.UplinkRetransmissions, m.DownlinkLate + m.UplinkLate);

        public Counters Minus(Counters o) => new(
            DlBits - o.DlBits, DlReceptions - o.DlReceptions, DlFailures - o.DlFailures, DlSinrSum - o.DlSinrSum, UlBits - o.UlBits, UlPassed - o.UlPassed,
            UlFailed - o.UlFailed, UlSinrSum - o.UlSinrSum, UlMeasurements - o.UlMeasurements, DlRetx - o.DlRetx, UlRetx - o.UlRetx, Late - o.Late);
    }

    /// <summary>The modulation an MCS index of <paramref name="table"/> selects, as engineers write it (QPSK, 16QAM, …).</summary>
    private static string QamName(Phy.Upper.Channels.McsTable table, int mcs)
    {
        int qm = Phy.Upper.Channels.McsTables.Lookup(table, mcs).ModulationOrder;
        return qm switch { 1 => "π/2-BPSK", 2 => "QPSK", _ => Invariant($"{1 << qm}QAM") };
    }
}
