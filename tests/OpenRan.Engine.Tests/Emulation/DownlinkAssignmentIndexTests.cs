using System;
using System.Linq;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Emulation;
using OpenRan.Engine.Runtime;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Timing;
using OpenRan.Radio;
using OpenRan.Radio.Loopback;

namespace OpenRan.Engine.Tests.Emulation;

/// <summary>
/// The dynamic (Type-2) HARQ-ACK codebook (TS 38.213 §9.1.3): the gNB counts the assignments of each PUCCH/PUSCH occasion
/// in the counter DAI of DCI 1_1/1_0 and puts the total in the DCI 0_1 granting the PUSCH; the emulated UE places each bit
/// at its counter DAI and fills what it missed with NACK, so a missed DCI keeps the codebook's size (and the PUSCH that
/// carries it decodable) and only that block is retransmitted.
/// </summary>
public sealed class DownlinkAssignmentIndexTests
{
    [Fact]
    public void Codebook_CounterDaiGap_IsANackInTheMissedPlace()
    {
        TestUeHarqFeedback ue = Feedback();
        Span<byte> bits = stackalloc byte[8];

        // Assignments with V_C-DAI 1 and 3 received (2 missed): three bits, the second a NACK.
        ue.Report(100, 4, 0, 1, decoded: true);
        ue.Report(101, 3, 0, 3, decoded: true);
        Assert.Equal(3, ue.TakeDue(104, bits));
        Assert.Equal(new byte[] { 1, 0, 1 }, bits[..3].ToArray());
        Assert.Equal(1, ue.MissedFromDai);
    }

    [Fact]
    public void Codebook_CounterDaiWrapsModulo4_StartsASecondRound()
    {
        TestUeHarqFeedback ue = Feedback();
        Span<byte> bits = stackalloc byte[8];

        // Five assignments (V_C-DAI 1, 2, 3, 4, 1), the second missed: 4·1 + 1 = 5 bits, NACK at position 1.
        ue.Report(100, 8, 0, 1, decoded: true);
        ue.Report(102, 6, 0, 3, decoded: true);
        ue.Report(103, 5, 0, 4, decoded: true);
        ue.Report(104, 4, 0, 1, decoded: true);
        Assert.Equal(5, ue.TakeDue(108, bits));
        Assert.Equal(new byte[] { 1, 0, 1, 1, 1 }, bits[..5].ToArray());
    }

    [Fact]
    public void Codebook_TotalDaiOfDci0_1_CoversMissedLastAssignments()
    {
        TestUeHarqFeedback ue = Feedback();
        Span<byte> bits = stackalloc byte[8];

        // Total DAI 3 on the PUSCH (TS 38.213 §9.1.3.2), only the first received: three bits, the last two NACK.
        ue.Report(100, 4, 0, 1, decoded: true);
        ue.OnUplinkTotalDai(104, 3);
        Assert.Equal(3, ue.TakeDue(104, bits));
        Assert.Equal(new byte[] { 1, 0, 0 }, bits[..3].ToArray());

        // Total DAI 1 below the last counter DAI 4: one more round, 4 + 1 = 5 bits.
        ue.Report(101, 4, 0, 2, decoded: true);
        ue.Report(102, 3, 0, 3, decoded: true);
        ue.Report(103, 2, 0, 4, decoded: true);
        ue.OnUplinkTotalDai(105, 1);
        Assert.Equal(5, ue.TakeDue(105, bits));
        Assert.Equal(new byte[] { 0, 1, 1, 1, 0 }, bits[..5].ToArray());

        // No assignment received: V_T-DAI,UL = 4 means none (no HARQ-ACK on the PUSCH); 2 means two missed.
        ue.OnUplinkTotalDai(106, 4);
        Assert.Equal(0, ue.TakeDue(106, bits));
        ue.OnUplinkTotalDai(107, 2);
        Assert.Equal(2, ue.TakeDue(107, bits));
        Assert.Equal(new byte[] { 0, 0 }, bits[..2].ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_UciOnPuschWithOneDciJammed_OtherBlocksAcknowledgedAndTheMissedOneRetransmitted(bool fallbackDci)
    {
        // DCI 1_1/0_1 (counter and total DAI) or 1_0/0_0 (counter DAI only: the PUSCH's codebook follows §9.1.3.2 without
        // a total DAI, so the gap must lie before the occasion's last assignment, as here).
        // n78 TDD (DDDDDDDSUU at 30 kHz): the assignments of downlink slots 0..4 of each half frame are acknowledged together
        // on the PUSCH of slot 8. The downlink of slot 2 of such a group (the third of its occasion) is buried in noise.
        CellSetup cell = TddUciOnPusch(fallbackDci);
        CellSchedule schedule = new PhyTestScheduler(cell).Schedule;
        long jammedSlot = 242;
        while (schedule.Sib1Block(SlotPoint.FromIndex(jammedSlot, cell.SlotsPerFrame, cell.Options.Engine.StartSfn)) >= 0 || !schedule.IsFullDownlink(jammedSlot))
        {
            jammedSlot += 10;
        }

        double noiseDb = (20 * Math.Log10(cell.Options.Radio.BasebandScale)) + 30;
        var provider = new TestUeUplinkChannelProvider(cell, downlinkChannel: () => new SlotJammer(cell, 0, noiseDb, () => jammedSlot));
        var factory = new RadioFactory([new LoopbackRadioDriver(provider)]);
        RadioSetup radio = RadioSetup.Create(cell, factory, "loopback", "model=test-ue,ra_slot=-1");
        using IRadio device = radio.Open(factory);
        var scheduler = new PhyTestScheduler(cell);
        var sink = new RecordingSink();
        var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, Capture = sink, WarmUpRounds = 1 };
        using var engine = new GnbEngine(cell, device, scheduler, options, scheduler.MaxTransportBlockBytes);
        engine.Run(320);
        TestUeUplinkChannel ue = provider.Created[0];
        TestUeHarqFeedback feedback = ue.HarqFeedback!;

        // The jammed slot carried an assignment that shared its PUSCH with others; the UE found it missing from the DAIs.
        var jammed = Assert.Single(sink.Downlink, t => t.Type == RntiType.CRnti && t.Slot.Index == jammedSlot);
        Assert.Equal(1, feedback.MissedFromDai);
        Assert.True(scheduler.HarqAckBitsOnPusch > 100, $"{scheduler.HarqAckBitsOnPusch} bits on PUSCH");

        // Every PUSCH (with its UCI) decoded; no HARQ-ACK lost; every bit arrived as sent.
        Assert.Equal(0, engine.Metrics.UplinkCrcFailed);
        Assert.Equal(0, scheduler.HarqDtx);
        Assert.InRange(feedback.AcksSent - scheduler.HarqAcks, 0, 12);
        Assert.InRange(feedback.NacksSent - scheduler.HarqNacks, 0, 12);

        // Only the missed block was NACKed (its retransmission, RV 2 with an NDI the UE never saw, may need RV 3 too).
        Assert.InRange(scheduler.HarqNacks, 1, 3);
        var next = sink.Downlink.First(t => t.Type == RntiType.CRnti && t.Harq == jammed.Harq && t.Slot.Index > jammedSlot);
        Assert.Equal(2, next.Rv);
        Assert.True(ue.Downlink!.TransportBlocksDecoded > 100);
        TestContext.Current.SendDiagnosticMessage($"jammed slot {jammedSlot} (HARQ {jammed.Harq}); retransmitted with RV 2 in slot {next.Slot}; {scheduler.HarqNacks} NACKs, {scheduler.HarqAckBitsOnPusch} bits on PUSCH");
    }

    /// <summary>
    /// The n78 example with HARQ-ACK on PUSCH (a PUCCH format 2 resource of 8 bits at PRB 105 beside a 105-PRB PUSCH), without
    /// PRACH: every whole uplink slot then has the UE's PUSCH, so no HARQ-ACK of 1–2 bits falls on format 2 (which carries 3
    /// or more, TS 38.213 §9.2.1).
    /// </summary>
    internal static CellSetup TddUciOnPusch(bool fallbackDci = false)
    {
        GnbConfiguration c = TestConfigs.Load("gnb-n78-40mhz-tdd.yaml");
        LinkOptions downlink = fallbackDci ? c.TestUe.Downlink with { Dci = "1_0", McsTable = "qam64", Mcs = 16 } : c.TestUe.Downlink;
        LinkOptions uplink = fallbackDci ? c.TestUe.Uplink with { Dci = "0_0" } : c.TestUe.Uplink;
        return CellSetup.Derive(c with
        {
            Prach = c.Prach with { Enabled = false },
            Pucch = [new PucchResourceOptions { Format = 2, StartPrb = 105, StartSymbol = 12, SymbolCount = 2, PrbCount = 1 }],
            TestUe = c.TestUe with
            {
                DlHarqFeedback = "pucch",
                UciOnPusch = true,
                Downlink = downlink,
                Uplink = uplink with { StartPrb = 0, PrbCount = 105 },
            },
        });
    }

    private static TestUeHarqFeedback Feedback() => new(TestConfigs.N3WithPucchFeedback(), 0, 0);
}
