using System;
using System.Collections.Generic;
using System.Threading;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Metrics;
using OpenRan.Engine.Runtime;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Ue.Runtime;
using OpenRan.Radio;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>
/// <c>openran gnb</c>'s engine and the UE runtime of <c>openran ue</c> joined by a <see cref="RadioLink"/> in virtual time
/// (deterministic: what each side receives does not depend on machine load), with the UE's oscillator off by ±5 ppm: its
/// sample clock and both carriers. The UE finds the cell, attaches by random access, tracks the downlink's frequency and
/// drift, and transmits with its carrier pre-corrected and its slots where it tracks the downlink's; the gNB decodes its
/// PUSCH and its HARQ-ACKs every second. The 5 MHz cell at QPSK (configs/cell-n3-5mhz-fdd.yaml) keeps 60 s of air cheap.
/// Also: Timing Advance Commands take effect in the slot TS 38.213 §4.2 says.
/// </summary>
public sealed class UeEngineLinkTests
{
    [Theory]
    [InlineData(5.0)]
    [InlineData(-5.0)]
    public void UeClockOff5Ppm_GnbDecodesItsPuschAndHarqAckEverySecond(double ppm)
    {
        UeConfiguration ue = UeConfiguration.ReadFile(TestConfigs.PathOf("ue-n3-5mhz-fdd.yaml"));
        LinkRun run = Run(ue, ppm, seconds: 4);
        AssertFollowedAndHeard(run, ppm);
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(-5.0)]
    public void UeClockOff5Ppm_TrackedFor60SecondsOfAirWithoutLosingSync(double ppm)
    {
        // The cost of a minute of air is kept down by narrow grants (4 PRBs each way): the tracking, the random access and
        // the HARQ-ACK/PUSCH timing are what is tested here, and they do not depend on the grants' width.
        UeConfiguration ue = Narrow(UeConfiguration.ReadFile(TestConfigs.PathOf("ue-n3-5mhz-fdd.yaml")));
        LinkRun run = Run(ue, ppm, seconds: 60);
        AssertFollowedAndHeard(run, ppm);

        // 60 s at 5.76 Msps and 5 ppm: the UE's slot grid moved by 1728 samples (64 cyclic prefixes) in its clock.
        double drift = ppm * 1e-6 * ue.Cell.SampleRateHz * run.Ue.Slots / 1000.0;
        Assert.InRange(run.Ue.TimingOffsetSamples, drift - 10, drift + 10);
    }

    [Fact]
    public void UeMovesAway_TheGnbsTimingAdvanceCommandAppliesFromSlotNPlusKPlusOne()
    {
        // At 1.5 s the uplink's path grows by 15 samples (5 steps of 16·64·T_c at 5.76 Msps): the gNB measures it on
        // PUSCH and sends a Timing Advance Command, which moves the UE's uplink from slot n + k + 1 = n + 6 on.
        UeConfiguration ue = UeConfiguration.ReadFile(TestConfigs.PathOf("ue-n3-5mhz-fdd.yaml"));
        long change = (long)(1.5 * ue.Cell.SampleRateHz);
        LinkRun run = Run(ue, 0, seconds: 4, link => link.Ue.ChangeDelayAt(change, 15));
        UeEngine u = run.Ue;
        Assert.True(run.Result.Outcome == UeOutcome.Completed, run.Result.Message);
        UplinkTimingAdvance ta = u.TimingAdvance;
        Assert.Equal(5, ta.K);
        Assert.InRange(ta.LastCommandSlot, 1500, 1700);
        Assert.Equal(ta.LastCommandSlot + ta.K + 1, u.TimingAdvanceChangedSlot);
        Assert.Equal(5, ta.AppliedSteps);
        Assert.Equal(15, u.TimingAdvanceSamples);

        // The uplink is decoded before the move and again once the command applied.
        Assert.True(run.Seconds.Count >= 3, $"{run.Seconds.Count} gNB seconds");
        Assert.InRange(run.Seconds[0].PuschPassed, 700, 1000);
        Assert.True(run.Seconds[2].PuschFailed == 0 && run.Seconds[2].PuschPassed >= 700, $"second 3: {run.Seconds[2]}");
    }

    [Fact]
    public void GnbGoesAwayAndComesBack_UeReportsTheLossSearchesAgainAndReattaches()
    {
        // The gNB leaves the air at 2 s (its engine stops) and a new gNB engine starts at 3 s of the UE's air: its frames
        // start there, it knows nothing of the UE. With ue.reattach the UE reports the loss, searches through the silence,
        // finds the new cell, attaches by random access and carries traffic again.
        UeConfiguration ue = UeConfiguration.ReadFile(TestConfigs.PathOf("ue-n3-5mhz-fdd.yaml")) with { Reattach = true };
        CellSetup cell = ue.Cell;
        long away = (long)(2 * cell.SampleRateHz);
        long back = (long)(3 * cell.SampleRateHz);
        using var link = new RadioLink(cell, 0);
        link.Gnb.GoAway(away, back);
        link.Ue.HearSilence(away, back);

        // The first gNB runs up to the moment it leaves the air (its transmit advance has then sent the UE everything up to
        // it). Not further: its uplink past that point comes from the UE's reads into the silence, which advance only as
        // fast as the UE's cell search runs (on a loaded machine that took minutes).
        (GnbEngine first, Thread firstThread) = StartGnb(cell, link.Gnb, 2000);
        var reports = new List<string>();
        var u = new UeEngine(ue, link.Ue, new UeRunOptions { Seconds = 6, RadioTimeout = TimeSpan.FromMinutes(5), Report = reports.Add });
        UeRunResult result = default;
        var ueThread = new Thread(() => result = u.Run()) { Name = "test ue" };
        ueThread.Start();
        // The first gNB also ends once the UE has noticed the loss: the UE has then read past the moment the gNB left, so
        // nothing it needs is still to come from the first gNB (without this, a loaded machine left the first gNB waiting
        // minutes for uplink samples the searching UE had not yet asked for).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!firstThread.Join(TimeSpan.FromMilliseconds(50)))
        {
            if (u.CellLosses >= 1)
            {
                first.Stop();
            }

            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(3), "the first gNB ends");
        }

        long firstUplink = first.Metrics.UplinkCrcPassed;
        first.Dispose();
        (GnbEngine second, Thread secondThread) = StartGnb(cell, link.Gnb, long.MaxValue);
        Assert.True(ueThread.Join(TimeSpan.FromMinutes(3)), "the UE ends");
        second.Stop();
        Assert.True(secondThread.Join(TimeSpan.FromMinutes(2)), "the second gNB stops");

        string state = $"{result.Outcome}: {result.Message}; reports: {string.Join(" | ", reports)}";
        Assert.True(result.Outcome == UeOutcome.Completed, state);
        Assert.True(firstUplink > 1000, $"the first gNB decoded {firstUplink} PUSCH; {state}");
        Assert.Equal(1, u.CellLosses);
        Assert.Equal(1, u.Reattachments);
        Assert.Contains(reports, r => r.StartsWith("lost the cell", StringComparison.Ordinal));
        Assert.Contains(reports, r => r.StartsWith("found PCI 1 again", StringComparison.Ordinal));

        // The second gNB resolved the UE's contention and hears its PUSCH; the UE decodes its PDSCH again.
        Assert.Equal(1, second.Metrics.ContentionResolutions);
        Assert.True(second.Metrics.UplinkCrcPassed > 1500 && second.Metrics.UplinkCrcFailed <= 20, $"second gNB: {second.Metrics.UplinkCrcPassed} PUSCH decoded, {second.Metrics.UplinkCrcFailed} failed; {state}");
        Assert.True(u.TryGetSecond(6, out UeSecond last) && last.Synced && last.DownlinkDecoded >= 700 && last.DownlinkFailed == 0, $"second 6: {last}; {state}");
        second.Dispose();
    }

    [Fact]
    public void GscnScan_FindsAGnbWhoseBlockIsOnAnotherGscnAndAttaches()
    {
        // The gNB puts its SS/PBCH block on another GSCN of n3 inside the 20 MHz carrier than the UE's cell file says (at
        // 5 MHz only one GSCN fits); the UE scans the raster (10 usable GSCNs; no CFO here, so one hypothesis each), finds
        // it there, follows the cell at that GSCN (CORESET#0 and the rate matching move with it) and attaches.
        UeConfiguration ue = UeConfiguration.ReadFile(TestConfigs.PathOf("ue-n3-20mhz-fdd.yaml")) with { GscnScan = true, MaxCfoSubcarriers = 0 };
        IReadOnlyList<CellSetup> places = GscnScan.Cells(ue.Cell);
        Assert.True(places.Count >= 2, $"{places.Count} usable GSCNs");
        CellSetup gnbCell = places[1];
        Assert.NotEqual(ue.Cell.Plan.SsbGscn, gnbCell.Plan.SsbGscn);

        LinkRun run = Run(ue, 0, seconds: 2, gnbCell: gnbCell);
        UeEngine u = run.Ue;
        Assert.True(run.Result.Outcome == UeOutcome.Completed, run.Result.Message);
        Assert.Equal(places.Count, u.ScanPlaces);
        Assert.Equal(gnbCell.Plan.SsbGscn, u.Cell.Plan.SsbGscn);
        Assert.True(u.Ue.RandomAccess is { CRnti: >= 0 }, "attached");
        Assert.True(u.TryGetSecond(2, out UeSecond s2) && s2.DownlinkDecoded >= 700 && s2.DownlinkFailed == 0, $"second 2: {s2}");
        Assert.True(run.Seconds[1].PuschPassed >= 700 && run.Seconds[1].PuschFailed == 0, $"gNB second 2: {run.Seconds[1]}");
    }

    private static (GnbEngine Engine, Thread Thread) StartGnb(CellSetup cell, LinkedRadio radio, long slots)
    {
        var scheduler = new PhyTestScheduler(cell);
        var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, WarmUpRounds = 1, WarmUpScheduler = new PhyTestScheduler(cell) };
        var engine = new GnbEngine(cell, radio, scheduler, options, scheduler.MaxTransportBlockBytes);
        var thread = new Thread(() => engine.Run(slots)) { Name = "test gnb" };
        thread.Start();
        return (engine, thread);
    }

    /// <summary>The UE's cell with 4-PRB downlink and uplink grants.</summary>
    private static UeConfiguration Narrow(UeConfiguration ue)
    {
        string text = System.IO.File.ReadAllText(ue.CellFile);
        foreach ((string o, string n) in new[]
        {
            ("downlink: { mcs-table: qam64, mcs: 9, layers: 1, dci: 1_1 }", "downlink: { mcs-table: qam64, mcs: 9, layers: 1, dci: 1_1, start-prb: 0, prbs: 4 }"),
            ("start-prb: 0, prbs: 24 }", "start-prb: 0, prbs: 4 }"),
        })
        {
            Assert.Contains(o, text, StringComparison.Ordinal);
            text = text.Replace(o, n, StringComparison.Ordinal);
        }

        return ue with { Cell = CellSetup.Derive(GnbConfigurationReader.Read(text, "cell-n3-5mhz-fdd.yaml (4-PRB grants)")) };
    }

    private static void AssertFollowedAndHeard(LinkRun run, double ppm)
    {
        UeEngine u = run.Ue;
        CellSetup cell = u.Configuration.Cell;
        string state = $"{run.Result.Outcome}: {run.Result.Message}; sync CFO {u.SyncCfoHz:F0} Hz, CFO {u.CfoHz:F1} Hz, drift {u.TimingOffsetSamples}, SSB {u.SsbDetected}/{u.SsbMissed}, resyncs {u.Resyncs}, TA {u.TimingAdvanceSamples}";
        Assert.True(run.Result.Outcome == UeOutcome.Completed, state);
        double expectedCfo = -ppm * 1e-6 * cell.DownlinkCenterHz;
        Assert.InRange(u.CfoHz, expectedCfo - 20, expectedCfo + 20);
        Assert.Equal(0, u.Resyncs);
        Assert.Equal(0, u.SsbMissed);
        Assert.Equal(0, u.SfnMismatches);
        Assert.Equal(0, u.LateSlots);
        Assert.Equal(0, u.SteadyStateAllocatedBytes);
        var ra = u.Ue.RandomAccess!;
        Assert.True(ra.CRnti >= 0, $"the UE attached by random access: preambles {ra.PreambleTransmissions} (last slot {ra.PreambleSlot}), RAR slot {ra.ResponseSlot} T_A {ra.TimingAdvanceCommand}, Msg3 {ra.Msg3Transmissions} (slot {ra.Msg3Slot}), Msg4 receptions {ra.Msg4Receptions}, failed {ra.Failed}; gNB PRACH {run.Gnb.PrachDetections}, RAR {run.Gnb.RandomAccessResponses}, Msg3 {run.Gnb.Msg3Decoded}/{run.Gnb.Msg3Failed}, CR {run.Gnb.ContentionResolutions}; {state}");

        // From the second second on, every second: the UE decodes its PDSCH and the gNB decodes its PUSCH and hears its
        // HARQ-ACKs (each second's counts agree to within the blocks in flight across the second's boundary).
        int seconds = (int)Math.Min(run.Seconds.Count, u.SecondsCompleted);
        Assert.True(seconds >= (int)run.AirSeconds - 1, $"{seconds} seconds completed; {state}");
        for (int s = 2; s <= seconds; s++)
        {
            Assert.True(u.TryGetSecond(s, out UeSecond ueSecond), $"second {s}");
            GnbSecond g = run.Seconds[s - 1];
            string row = $"second {s}: UE decoded {ueSecond.DownlinkDecoded} (failed {ueSecond.DownlinkFailed}), sent {ueSecond.UplinkBlocks} PUSCH, {ueSecond.HarqAcks} ACK / {ueSecond.HarqNacks} NACK; gNB decoded {g.PuschPassed} PUSCH (failed {g.PuschFailed}), {g.HarqAcks} ACK / {g.HarqNacks} NACK / {g.PucchDtx} DTX; {state}";
            Assert.True(ueSecond.DownlinkDecoded >= 700 && ueSecond.DownlinkFailed == 0, row);
            Assert.True(ueSecond.UplinkBlocks >= 700, row);
            Assert.True(g.PuschFailed == 0 && Math.Abs(g.PuschPassed - ueSecond.UplinkBlocks) <= 10, row);
            Assert.True(g.HarqNacks == 0 && Math.Abs(g.HarqAcks - ueSecond.HarqAcks) <= 10, row);
        }
    }

    private static LinkRun Run(UeConfiguration ue, double ppm, double seconds, Action<RadioLink>? setUp = null, CellSetup? gnbCell = null)
    {
        CellSetup cell = gnbCell ?? ue.Cell;
        using var link = new RadioLink(cell, ppm);
        setUp?.Invoke(link);
        var scheduler = new PhyTestScheduler(cell);
        var rows = new List<GnbSecond>();
        GnbEngine? engine = null;
        GnbSecond previous = default;
        int slotsPerSecond = 1000 * cell.Numerology.SlotsPerSubframe;
        var options = new EngineRunOptions
        {
            Deadlines = DeadlineMode.VirtualTime,
            WarmUpRounds = 1,
            WarmUpScheduler = new PhyTestScheduler(cell),
            SlotCompleted = slot =>
            {
                if ((slot + 1) % slotsPerSecond == 0 && Volatile.Read(ref engine) is { } e)
                {
                    GnbSecond now = GnbSecond.Read(e.Metrics);
                    rows.Add(now.Minus(previous));
                    previous = now;
                }
            },
        };
        using var gnb = new GnbEngine(cell, link.Gnb, scheduler, options, scheduler.MaxTransportBlockBytes);
        Volatile.Write(ref engine, gnb);
        Exception? failure = null;
        var gnbThread = new Thread(() =>
        {
            try
            {
                gnb.Run(long.MaxValue);
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        { Name = "test gnb" };
        gnbThread.Start();
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (link.Gnb.State != RadioState.Streaming && started.Elapsed < TimeSpan.FromMinutes(2))
        {
            Thread.Sleep(5);
        }

        var u = new UeEngine(ue, link.Ue, new UeRunOptions { Seconds = seconds, RadioTimeout = TimeSpan.FromMinutes(5) });
        UeRunResult result = u.Run();
        gnb.Stop();
        Assert.True(gnbThread.Join(TimeSpan.FromMinutes(2)), "the gNB stops");
        Assert.Null(failure);
        lock (rows)
        {
            return new LinkRun(u, result, rows.ToArray(), seconds, gnb.Metrics);
        }
    }

    private sealed record LinkRun(UeEngine Ue, UeRunResult Result, IReadOnlyList<GnbSecond> Seconds, double AirSeconds, EngineMetrics Gnb);

    /// <summary>The gNB's uplink counters of one second (or cumulative).</summary>
    private readonly record struct GnbSecond(long PuschPassed, long PuschFailed, long HarqAcks, long HarqNacks, long PucchDtx)
    {
        public static GnbSecond Read(EngineMetrics m) => new(m.UplinkCrcPassed, m.UplinkCrcFailed, m.HarqAcks, m.HarqNacks, m.PucchDtx);

        public GnbSecond Minus(GnbSecond o) => new(PuschPassed - o.PuschPassed, PuschFailed - o.PuschFailed, HarqAcks - o.HarqAcks, HarqNacks - o.HarqNacks, PucchDtx - o.PucchDtx);
    }
}
