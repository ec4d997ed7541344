using System.Linq;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Emulation;
using OpenRan.Engine.Runtime;
using OpenRan.Engine.Scheduling;
using OpenRan.Radio;
using OpenRan.Radio.Loopback;

namespace OpenRan.Engine.Tests.Emulation;

/// <summary>
/// Downlink HARQ driven by HARQ-ACK on PUCCH (<c>dl-harq-feedback: pucch</c>) in virtual time: the emulated UE reads its
/// DCI 1_1 (K1, PUCCH resource indicator), decodes the PDSCH and answers its CRC as ACK/NACK on PUCCH format 1 (turned
/// into a NACK with a configured probability, or nothing at all for a missed DCI), the engine receives it with the PHY
/// PUCCH receiver and drives new data / redundancy versions from it.
/// </summary>
public sealed class PucchHarqFeedbackTests
{
    [Fact]
    public void Run_Nacks_AreRetransmittedWithRedundancyVersions0231()
    {
        Run run = RunPucch("ue_bler=0.35", 400);
        TestUeHarqFeedback ue = run.Ue.HarqFeedback!;
        Assert.True(ue.NacksSent > 20, $"{ue.NacksSent} NACKs sent");

        // Every ACK and NACK the UE sent was received as sent (in flight at the end: at most one per slot of the pipeline).
        Assert.InRange(ue.AcksSent - run.Scheduler.HarqAcks, 0, 12);
        Assert.InRange(ue.NacksSent - run.Scheduler.HarqNacks, 0, 12);
        Assert.Equal(0, run.Scheduler.HarqDtx);
        Assert.Equal(run.Scheduler.HarqAcks, run.Engine.Metrics.HarqAcks);

        // Per HARQ process, the transmissions are chains 0 [2 [3 [1]]]: each NACK brings the next redundancy version.
        int chains = 0;
        int longest = 0;
        foreach (IGrouping<int, int> process in run.Sink.Downlink.Where(t => t.Type == RntiType.CRnti).GroupBy(t => t.Harq, t => t.Rv))
        {
            int length = 0;
            foreach (int rv in process)
            {
                int[] expected = [0, 2, 3, 1];
                length = rv == 0 ? 1 : length + 1;
                Assert.True(length <= 4 && rv == expected[length - 1], $"HARQ {process.Key}: RV {rv} at transmission {length}");
                chains += rv == 0 ? 1 : 0;
                longest = System.Math.Max(longest, length);
            }
        }

        Assert.True(chains > 50);
        Assert.Equal(4, longest);
        Assert.InRange(run.Engine.Metrics.DownlinkRetransmissions, 1, run.Scheduler.HarqNacks);
    }

    [Fact]
    public void Run_MissedAssignments_AreDtxAndRetransmitted()
    {
        Run run = RunPucch("ue_dtx=0.25", 300, capture: false);
        TestUeHarqFeedback ue = run.Ue.HarqFeedback!;
        Assert.True(ue.Missed > 10, $"{ue.Missed} assignments missed");

        // One bit per PUCCH here (FDD, one PDSCH per slot): each missed assignment is one DTX occasion.
        Assert.InRange(ue.Missed - run.Scheduler.HarqDtx, 0, 12);
        Assert.Equal(run.Scheduler.HarqDtx, run.Engine.Metrics.PucchDtx); // one bit per occasion

        // The UE decodes its PDSCH: a block whose first transmission it missed arrives as a retransmission with an NDI it
        // has not seen, so it is received afresh from that redundancy version (RV 2 alone may not decode: a NACK, then
        // RV 3 and 1 combine). Those are the only NACKs.
        Assert.InRange(run.Scheduler.HarqNacks, 0, 3 * ue.Missed);
        Assert.InRange(ue.NacksSent - run.Scheduler.HarqNacks, 0, 12);
        Assert.InRange(ue.AcksSent - run.Scheduler.HarqAcks, 0, 12);
        Assert.True(run.Engine.Metrics.DownlinkRetransmissions >= run.Scheduler.HarqDtx - 12);

        // The engine threads (slot thread with the emulated UE inside the loopback radio, and the worker) allocate nothing.
        Assert.Equal(0, run.Engine.SteadyStateAllocatedBytes);
    }

    [Fact]
    public void PucchFeedback_ResourceOverlappingThePusch_IsAConfigurationError()
    {
        string yaml = TestConfigs.N3With(("dl-harq-feedback: assume-ack", "dl-harq-feedback: pucch #"));
        CellSetup cell = CellSetup.Derive(GnbConfigurationReader.Read(yaml, "gnb.yaml"));
        var e = Assert.Throws<ConfigurationException>(() => new PhyTestScheduler(cell));
        Assert.Contains("pucch", e.Message, System.StringComparison.Ordinal);
        Assert.Contains("overlaps the test UE's PUSCH", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UciOnPusch_HarqAckMultiplexedOnThePuschReceivedAsSent()
    {
        CellSetup pucch = TestConfigs.N3WithPucchFeedback();
        CellSetup cell = CellSetup.Derive(pucch.Options with { TestUe = pucch.Options.TestUe with { UciOnPusch = true, BetaOffsetHarqAckIndex = 11 } });
        Run run = RunPucch("ue_bler=0.35", 400, cell: cell);
        TestUeHarqFeedback ue = run.Ue.HarqFeedback!;
        Assert.True(ue.NacksSent > 20, $"{ue.NacksSent} NACKs sent");

        // With k1 = k2 = 4 in FDD every HARQ-ACK is due in a slot with the UE's PUSCH: it rides on it (TS 38.213 §9.3),
        // decoded as sent, and the UL-SCH beside it still decodes (both ends rate-match around the same UCI).
        Assert.True(run.Scheduler.HarqAckBitsOnPusch > 200, $"{run.Scheduler.HarqAckBitsOnPusch} bits on PUSCH");
        Assert.InRange(ue.AcksSent - run.Scheduler.HarqAcks, 0, 12);
        Assert.InRange(ue.NacksSent - run.Scheduler.HarqNacks, 0, 12);
        Assert.Equal(0, run.Scheduler.HarqDtx);
        Assert.Equal(run.Scheduler.HarqAcks, run.Engine.Metrics.HarqAcks);
        Assert.Equal(0, run.Engine.Metrics.UplinkCrcFailed);
        Assert.True(run.Engine.Metrics.UplinkCrcPassed > 200);
        Assert.InRange(run.Engine.Metrics.DownlinkRetransmissions, 1, run.Scheduler.HarqNacks);
    }

    [Fact]
    public void UciOnPusch_WithAssumeAck_IsAConfigurationErrorNamingTheKey()
    {
        GnbConfiguration config = TestConfigs.Load("gnb-n3-20mhz-fdd.yaml");
        config = config with { TestUe = config.TestUe with { UciOnPusch = true } };
        var e = Assert.Throws<ConfigurationException>(() => new PhyTestScheduler(CellSetup.Derive(config)));
        Assert.Contains("test-ue.uci-on-pusch", e.Message, System.StringComparison.Ordinal);
    }

    private static Run RunPucch(string ueArguments, long slots, bool capture = true, CellSetup? cell = null)
    {
        cell ??= TestConfigs.N3WithPucchFeedback();
        var provider = new TestUeUplinkChannelProvider(cell);
        var factory = new RadioFactory([new LoopbackRadioDriver(provider)]);
        RadioSetup radio = RadioSetup.Create(cell, factory, "loopback", $"model=test-ue,ra_slot=-1,{ueArguments}");
        IRadio device = radio.Open(factory);
        var scheduler = new PhyTestScheduler(cell);
        var sink = new RecordingSink { Enabled = capture };
        var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, Capture = sink, WarmUpRounds = 1, WarmUpScheduler = new PhyTestScheduler(cell) };
        var engine = new GnbEngine(cell, device, scheduler, options, scheduler.MaxTransportBlockBytes);
        Assert.Equal(slots, engine.Run(slots));
        engine.Dispose();
        device.Dispose();
        return new Run(engine, scheduler, sink, provider.Created[0]);
    }

    private sealed record Run(GnbEngine Engine, PhyTestScheduler Scheduler, RecordingSink Sink, TestUeUplinkChannel Ue);
}
