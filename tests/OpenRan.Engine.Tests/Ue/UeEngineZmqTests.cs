using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Metrics;
using OpenRan.Engine.Runtime;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Ue.Runtime;
using OpenRan.Radio;
using OpenRan.Radio.Channels;
using OpenRan.Radio.Loopback;
using OpenRan.Radio.Zmq;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>
/// <c>openran gnb</c>'s engine and the UE runtime of <c>openran ue</c> in one process, each on its own ZMQ radio over
/// 127.0.0.1 (srsRAN's REQ/REP lockstep: the samples each side sees do not depend on machine load; the timeouts are
/// generous so that a loaded machine never makes a side give up), in virtual time: the UE syncs from the gNB's samples,
/// decodes its PDSCH and answers on PUCCH; the gNB decodes its PUSCH and its HARQ-ACKs.
/// </summary>
public sealed class UeEngineZmqTests
{
    [Fact]
    public void GnbAndUe_OverZmq_UeSyncsDecodesEveryPdschAndTheGnbDecodesItsUplink()
    {
        UeConfiguration ue = UeConfiguration.ReadFile(TestConfigs.PathOf("ue-n3-20mhz-fdd.yaml"));
        Pair run = RunPair(ue, seconds: 2, impairment: null);

        Assert.True(run.Result.Outcome == UeOutcome.Completed, run.Result.Message);
        UeEngine u = run.Ue;
        Assert.Equal(1, u.Pci);
        Assert.InRange(u.SyncCfoHz, -50, 50);
        Assert.Equal(0, u.TimingOffsetSamples);
        Assert.Equal(0, u.Resyncs);
        Assert.Equal(0, u.SsbMissed);
        Assert.Equal(0, u.SfnMismatches);
        Assert.True(u.SsbDetected >= 190, $"{u.SsbDetected} blocks tracked");
        Assert.Equal(0, u.LateSlots);

        // Second 2 (steady state): every PDSCH decoded at the first transmission (1000 slots minus the 50 SIB1 slots).
        Assert.True(u.TryGetSecond(2, out UeSecond s2));
        Assert.Equal(0, s2.DownlinkFailed);
        Assert.Equal(0, s2.HarqNacks);
        Assert.InRange(s2.DownlinkDecoded, 940, 960);
        Assert.InRange(s2.UplinkBlocks, 840, 860);
        Assert.Equal(0, u.SteadyStateAllocatedBytes);

        // The gNB heard the UE: every PUSCH it sent decoded (but those in flight at the end), every HARQ-ACK as sent. The
        // only failures are the grants of the first ~20 ms, made before the UE had found the cell (nothing was sent).
        EngineMetrics g = run.Gnb.Metrics;
        Assert.InRange(g.UplinkCrcFailed, 0, 30);
        Assert.InRange(u.Ue.TransportBlocks - g.UplinkCrcPassed, 0, 20);
        Assert.InRange(u.Ue.HarqFeedback!.AcksSent - g.HarqAcks, 0, 20);
        Assert.Equal(u.Ue.HarqFeedback.NacksSent, g.HarqNacks);
    }

    [Fact]
    public void Ue_DelayedDownlink_AdvancesItsUplinkByTheTimingAdvance()
    {
        // 60 samples (2.6 µs) between the gNB and the UE's receiver: the UE's slots, and so its uplink, start 60 samples
        // late at the gNB, which measures it on the preamble (the RAR's T_A: N_TA for the Msg3 and everything after) and
        // on PUSCH (Timing Advance Commands for what is left; 12 samples per step at 23.04 Msps).
        UeConfiguration ue = UeConfiguration.ReadFile(TestConfigs.PathOf("ue-n3-20mhz-fdd.yaml"));
        Pair run = RunPair(ue, seconds: 1.5, impairment: new ImpairmentChannel(60, 0, null, 1));
        UeEngine u = run.Ue;

        Assert.True(run.Result.Outcome == UeOutcome.Completed, run.Result.Message);
        Assert.InRange(u.Ue.RandomAccess!.TimingAdvanceCommand, 4, 6);
        Assert.InRange(u.TimingAdvanceSamples, 48, 72);
        Assert.True(u.TryGetSecond(1, out UeSecond s1));
        Assert.InRange(s1.TimingAdvanceSamples, 48, 72);
        Assert.InRange(run.Gnb.Metrics.UplinkCrcFailed, 0, 30);
    }

    [Fact]
    public void Ue_AnotherPci_ExitsWithWhatItFound()
    {
        UeConfiguration ue = UeConfiguration.ReadFile(TestConfigs.PathOf("ue-n3-20mhz-fdd.yaml"));
        GnbConfiguration other = ue.Cell.Options with { Cell = ue.Cell.Options.Cell with { Pci = 7 } };
        UeConfiguration expectsSeven = ue with { Cell = CellSetup.Derive(other) };
        Pair run = RunPair(expectsSeven, seconds: 0.2, impairment: null, gnbCell: ue.Cell);

        Assert.Equal(UeOutcome.PciMismatch, run.Result.Outcome);
        Assert.Contains("PCI 1", run.Result.Message, StringComparison.Ordinal);
        Assert.Contains("expects PCI 7", run.Result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ue_GnbStops_EndsWithTheRadioGoneAndWhatItHadFollowed()
    {
        UeConfiguration ue = UeConfiguration.ReadFile(TestConfigs.PathOf("ue-n3-20mhz-fdd.yaml"));
        Pair run = RunPair(ue, seconds: 5, impairment: null, gnbSlots: 400, radioTimeout: TimeSpan.FromSeconds(2));

        Assert.Equal(UeOutcome.RadioGone, run.Result.Outcome);
        Assert.InRange(run.Ue.Slots, 300, 400);
        Assert.Contains("no samples for 2.0 s", run.Result.Message, StringComparison.Ordinal);
        Assert.Contains("while following PCI 1", run.Result.Message, StringComparison.Ordinal);
        Assert.Contains("Missing: the peer's samples", run.Result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ue_NoGnb_ReportsNoCellWithWhatItSearched()
    {
        // The loopback radio hears only the UE's own (silent) transmitter.
        UeConfiguration ue = UeConfiguration.ReadFile(TestConfigs.PathOf("ue-n3-20mhz-fdd.yaml")) with { SyncTimeoutSeconds = 0.05 };
        var factory = new RadioFactory([new LoopbackRadioDriver()]);
        using IRadio radio = RadioSetup.CreateForUe(ue.Cell, factory, "loopback", string.Empty).Open(factory);
        UeRunResult result = new UeEngine(ue, radio).Run();

        Assert.Equal(UeOutcome.NoCell, result.Outcome);
        Assert.False(result.Succeeded);
        Assert.Contains("no cell found", result.Message, StringComparison.Ordinal);
        Assert.Contains("PCI 1", result.Message, StringComparison.Ordinal);
        Assert.Contains("1842.050 MHz", result.Message, StringComparison.Ordinal);
        Assert.Contains("Missing", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UeConfiguration_AssumeAckCell_IsRejectedNamingTheKey()
    {
        UeConfiguration ue = UeConfiguration.ReadFile(TestConfigs.PathOf("ue-n3-20mhz-fdd.yaml"));
        Assert.Null(ue.Problem());
        UeConfiguration assumeAck = ue with { Cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml") };
        Assert.Contains("test-ue.dl-harq-feedback: pucch", assumeAck.Problem(), StringComparison.Ordinal);
        Assert.Contains("uplink-lead-slots", (ue with { UplinkLeadSlots = 5 }).Problem(), StringComparison.Ordinal);
    }

    private static Pair RunPair(UeConfiguration ue, double seconds, ISampleChannel? impairment, CellSetup? gnbCell = null, long gnbSlots = long.MaxValue, TimeSpan? radioTimeout = null)
    {
        CellSetup cell = gnbCell ?? ue.Cell;
        int down = FreePort();
        int up = FreePort();
        var factory = new RadioFactory([new ZmqRadioDriver()]);
        using IRadio gnbRadio = RadioSetup.Create(cell, factory, "zmq", $"tx_port=tcp://127.0.0.1:{down},rx_port=tcp://127.0.0.1:{up},timeout_ms=600000").Open(factory);
        using IRadio ueRadio = RadioSetup.CreateForUe(ue.Cell, factory, "zmq", $"tx_port=tcp://127.0.0.1:{up},rx_port=tcp://127.0.0.1:{down},timeout_ms=600000").Open(factory);
        var scheduler = new PhyTestScheduler(cell);
        var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, WarmUpRounds = 1, WarmUpScheduler = new PhyTestScheduler(cell) };
        using var gnb = new GnbEngine(cell, gnbRadio, scheduler, options, scheduler.MaxTransportBlockBytes);
        Exception? failure = null;
        var gnbThread = new Thread(() =>
        {
            try
            {
                gnb.Run(gnbSlots);
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        { Name = "test gnb" };
        gnbThread.Start();

        // The gNB warms up before its radio starts; the UE's radio timeout counts from then.
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (gnbRadio.State != RadioState.Streaming && started.Elapsed < TimeSpan.FromMinutes(2))
        {
            Thread.Sleep(10);
        }

        var engine = new UeEngine(ue, ueRadio, new UeRunOptions { Seconds = seconds, RadioTimeout = radioTimeout ?? TimeSpan.FromMinutes(5), ReceiveImpairment = impairment });
        UeRunResult result = engine.Run();
        gnb.Stop();
        Assert.True(gnbThread.Join(TimeSpan.FromMinutes(2)), "the gNB stops");
        Assert.Null(failure);
        return new Pair(gnb, engine, result);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Pair(GnbEngine Gnb, UeEngine Ue, UeRunResult Result);
}
