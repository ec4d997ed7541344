using OpenRan.Engine.Cell;
using OpenRan.Engine.Configuration;
using OpenRan.Radio.Channels;

namespace OpenRan.Engine.Tests.Cell;

/// <summary>
/// A whole cell in virtual time (deterministic, independent of machine load): the default 20 MHz FDD cell with the
/// emulated UE behind AWGN channels. The UE attaches by random access (preamble, RAR, Msg3, Msg4 with its contention
/// resolution identity acknowledged on PUCCH: its TC-RNTI becomes its C-RNTI), and only then is its traffic scheduled
/// (<c>test-ue.attach: random-access</c>): it decodes its PDSCH with HARQ and answers on PUCCH; the gNB decodes its PUSCH.
/// </summary>
public sealed class EmulatedCellTests
{
    [Fact]
    public void Run_30Db_AttachesAndEveryTransportBlockDecodesAtTheConfiguredMaximum()
    {
        CellReport r = Run(dlSnrDb: 30, ulSnrDb: 30, seconds: 1);
        TestContext.Current.SendDiagnosticMessage(r.Verdict);

        // Random access: preamble, RAR with the timing advance, Msg3 decoded, Msg4 matched and acknowledged; the UE's
        // traffic is scheduled only after the gNB received that acknowledgement.
        Assert.True(r.Attached, r.Verdict);
        Assert.Equal("random-access", r.AttachMode);
        Assert.True(r.PreambleSlot >= 20 && r.RarSlot > r.PreambleSlot && r.Msg3Slot > r.RarSlot);
        Assert.Equal(1, r.Msg3Decoded);
        Assert.Equal(1, r.Msg3Transmissions);
        Assert.True(r.Msg4Slot > r.Msg3Slot && r.Msg4AckSlot > r.Msg4Slot, $"Msg3 {r.Msg3Slot}, Msg4 {r.Msg4Slot}, ACK {r.Msg4AckSlot}");
        Assert.Equal(1, r.ContentionResolutions);
        Assert.True(r.TrafficStartSlot > r.Msg4AckSlot, $"traffic from slot {r.TrafficStartSlot}, Msg4 ACK in slot {r.Msg4AckSlot}");

        // Every downlink and uplink transport block decodes at the first transmission: no NACK, no retransmission.
        Assert.Equal(0, r.DlFailures);
        Assert.Equal(r.DlTransportBlocks, r.DlReceptions);
        Assert.Equal(0, r.UlFailures);
        Assert.Equal(0, r.HarqNacks);
        Assert.Equal(0, r.PucchDtx);
        Assert.Equal(0, r.HarqRetransmissions);
        Assert.True(r.HarqAcks >= r.DlTransportBlocks - 16, $"{r.HarqAcks} ACKs for {r.DlTransportBlocks} blocks");

        // uci-on-pusch: with k1 = k2 = 4 nearly every HARQ-ACK rides on the UE's PUSCH (PUCCH only where it has none).
        Assert.True(r.HarqAckBitsOnPusch > 0.8 * r.HarqAcks, $"{r.HarqAckBitsOnPusch} of {r.HarqAcks} HARQ-ACK bits on PUSCH");

        // Goodput is the configured maximum from the first slot the UE is scheduled in (its maximum is 0 before).
        Assert.InRange(r.DlGoodputMbps / r.DlMaxMbps, 0.995, 1.0);
        Assert.InRange(r.UlGoodputMbps / r.UlMaxMbps, 0.99, 1.0);
        Assert.True(r.DlMaxMbps > 80 && r.UlMaxMbps > 50, $"DL max {r.DlMaxMbps}, UL max {r.UlMaxMbps}");
        Assert.InRange(r.DlSinrDb, 25, 40);
        Assert.Equal(0, r.LateSlots);
        Assert.True(r.Passed, r.Verdict);
        Assert.Single(r.Seconds);

        // Steady state: the gNB's slot thread and workers, and the emulated UE with its channels, allocate nothing.
        Assert.Equal(0, r.GnbSteadyStateAllocatedBytes);
        Assert.Equal(0, r.UeSteadyStateAllocatedBytes);
    }

    [Fact]
    public void Run_LowDownlinkSnr_NacksDriveRetransmissionsThatRecover()
    {
        CellReport r = Run(dlSnrDb: 22, ulSnrDb: 30, seconds: 1);
        TestContext.Current.SendDiagnosticMessage($"{r.Verdict}; DL {r.DlGoodputMbps:F2}/{r.DlMaxMbps:F2} Mbit/s, {r.DlFailures} of {r.DlReceptions} failed, {r.DlRetransmissions} retransmissions, {r.HarqNacks} NACKs");
        Assert.True(r.Attached, r.Verdict);

        // First transmissions fail often: the UE's NACKs bring retransmissions (RV 2, 3, 1) that it combines and decodes.
        Assert.True(r.DlFailures > 50, $"{r.DlFailures} failures");
        Assert.True(r.HarqNacks >= r.DlFailures - 16, $"{r.HarqNacks} NACKs for {r.DlFailures} failures");
        Assert.True(r.DlRetransmissions >= r.HarqNacks - 16, $"{r.DlRetransmissions} retransmissions for {r.HarqNacks} NACKs");
        long newBlocks = r.DlReceptions - r.DlRetransmissions;
        Assert.True(r.DlTransportBlocks >= 0.97 * newBlocks, $"{r.DlTransportBlocks} of {newBlocks} blocks recovered");
        Assert.True(r.DlGoodputMbps > 0.45 * r.DlMaxMbps, $"DL {r.DlGoodputMbps} of {r.DlMaxMbps} Mbit/s");
        Assert.Equal(0, r.UlFailures);
    }

    private static CellReport Run(double dlSnrDb, double ulSnrDb, double seconds)
    {
        CellSetup cell = CellSetup.Derive(EmulatedCell.DefaultConfiguration());
        var options = new CellRunOptions
        {
            Seconds = seconds,
            DownlinkChannel = () => new ImpairmentChannel(0, 0, EmulatedCell.NoisePowerDb(cell, dlSnrDb), 11),
            UplinkChannel = () => new ImpairmentChannel(0, 0, EmulatedCell.NoisePowerDb(cell, ulSnrDb), 12),
            ChannelDescription = $"AWGN DL {dlSnrDb} dB, UL {ulSnrDb} dB",
            DelaySamples = 40,
        };
        return new EmulatedCell(cell, options).Run();
    }
}
