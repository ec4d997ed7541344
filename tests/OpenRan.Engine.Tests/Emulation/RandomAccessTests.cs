using System;
using System.Linq;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Emulation;
using OpenRan.Engine.Metrics;
using OpenRan.Engine.Runtime;
using OpenRan.Engine.Scheduling;
using OpenRan.Radio;
using OpenRan.Radio.Loopback;

namespace OpenRan.Engine.Tests.Emulation;

/// <summary>
/// Random access in virtual time over the loopback radio: the emulated UE sends a preamble in a PRACH occasion with a
/// propagation delay, the gNB detects it, answers with a RAR (RA-RNTI of TS 38.321 §5.1.3, the detector's T_A, a UL
/// grant, a TC-RNTI), the UE decodes that RAR from the gNB's samples and sends its Msg3 K2 + Δ slots later with the
/// timing advance applied, the gNB decodes the Msg3 aligned and answers with a Msg4 (UE Contention Resolution Identity
/// MAC CE), which the UE matches against its CCCH SDU and acknowledges on PUCCH: the TC-RNTI becomes its C-RNTI. A Msg3
/// jammed by noise is retransmitted on a DCI 0_0 with the TC-RNTI and decodes combined.
/// </summary>
public sealed class RandomAccessTests
{
    [Theory]
    [InlineData("gnb-n3-20mhz-fdd.yaml", 60, 17)]
    [InlineData("gnb-n78-40mhz-tdd.yaml", 100, 5)]
    public void Run_EmulatedUe_PreambleRarAndMsg3WithTheTimingAdvance(string config, int delaySamples, int preamble)
    {
        CellSetup cell = TestConfigs.Cell(config);
        var provider = new TestUeUplinkChannelProvider(cell);
        var factory = new RadioFactory([new LoopbackRadioDriver(provider)]);
        RadioSetup radio = RadioSetup.Create(cell, factory, "loopback", $"model=test-ue,ue_delay={delaySamples},ra_slot=20,ra_preamble={preamble}");
        using IRadio device = radio.Open(factory);
        var scheduler = new PhyTestScheduler(cell);
        var sink = new RecordingSink();
        var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, Capture = sink, WarmUpRounds = 1 };
        using var engine = new GnbEngine(cell, device, scheduler, options, scheduler.MaxTransportBlockBytes);
        engine.Run(20 + (8 * cell.SlotsPerFrame));

        // One detection, one response, one Msg3 decoded.
        Assert.Equal(1, engine.Metrics.PrachDetections);
        Assert.Equal(1, engine.Metrics.RandomAccessResponses);
        Assert.Equal(1, engine.Metrics.Msg3Decoded);
        Assert.Equal(0, engine.Metrics.Msg3Failed);

        // The RAR: addressed to the RA-RNTI of the occasion, RAPID = the preamble, T_A = the delay in steps of 16·64·T_c/2^μ.
        var rar = Assert.Single(sink.Downlink, t => t.Type == RntiType.RaRnti);
        CellPrach prach = scheduler.Prach!;
        PrachOccasionPdu occasion = FirstOccasionAtOrAfter(prach, cell, 20);
        Assert.Equal(prach.RaRnti(occasion.Occasion, 0), rar.Rnti);
        Assert.True(MacPdu.TryReadRandomAccessResponse(rar.Bytes, out int rapid, out int ta, out int grantBits, out int tc));
        Assert.Equal(preamble, rapid);
        double stepSamples = 16.0 * 64 / (1 << cell.Numerology.Mu) / (480e3 * 4096) * cell.SampleRateHz;
        Assert.Equal((int)Math.Round(delaySamples / stepSamples), ta);
        Assert.NotEqual(cell.Options.TestUe.Rnti, tc);
        RarUplinkGrant grant = RarUplinkGrant.Unpack(grantBits);
        Assert.Equal(RandomAccessResponder.Msg3Mcs, grant.Mcs);
        Assert.False(grant.FrequencyHopping);

        // The Msg3: decoded in slot n + K2 + Δ with the TC-RNTI, carrying the CCCH SDU, timing within half a T_A step.
        var msg3 = Assert.Single(sink.Uplink, u => u.Type == RntiType.TcRnti);
        Assert.Equal(tc, msg3.Rnti);
        Assert.Equal(rar.Slot.Index + grant.Msg3SlotOffset(cell.Numerology.Mu), msg3.Slot.Index);
        Assert.Equal(MacPdu.Ccch48Lcid, msg3.Bytes[0]);
        Assert.Equal(TestUeRandomAccess.Identity.ToArray(), msg3.Bytes[1..7]);
        double residualSamples = scheduler.LastMsg3TimingOffsetSeconds * cell.SampleRateHz;
        Assert.InRange(residualSamples, -(stepSamples / 2) - 1, (stepSamples / 2) + 1);

        // Msg4: DCI 1_0 and PDSCH with the TC-RNTI carrying the CCCH SDU's first 48 bits in the contention resolution CE;
        // the UE matched it, took the TC-RNTI as its C-RNTI and acknowledged on PUCCH; the gNB counted the resolution.
        var msg4 = Assert.Single(sink.Downlink, t => t.Type == RntiType.TcRnti);
        Assert.Equal(tc, msg4.Rnti);
        Assert.True(msg4.Slot.Index > msg3.Slot.Index);
        Assert.Equal(MacPdu.ContentionResolutionIdentityLcid, msg4.Bytes[0]);
        Assert.Equal(TestUeRandomAccess.Identity.ToArray(), msg4.Bytes[1..7]);
        TestUeRandomAccess ue = provider.Created[0].RandomAccess!;
        Assert.Equal(tc, ue.CRnti);
        Assert.Equal(msg4.Slot.Index, ue.ContentionResolutionSlot);
        Assert.True(ue.Msg4AckSlot > msg4.Slot.Index);
        Assert.Equal(1, scheduler.ContentionResolutions);
        Assert.Equal(1, engine.Metrics.ContentionResolutions);
        Assert.Equal(1, scheduler.Msg4Transmissions);
        Assert.Equal(0, scheduler.Msg3Retransmissions);
        TestContext.Current.SendDiagnosticMessage($"{config}: RAR in slot {rar.Slot}, T_A {ta}, Msg3 in slot {msg3.Slot}, residual timing {residualSamples:F1} samples, Msg4 in slot {msg4.Slot}, HARQ-ACK in slot {ue.Msg4AckSlot}");
    }

    [Fact]
    public void Run_FirstMsg3JammedByNoise_RetransmittedOnDci0_0WithTheTcRntiAndDecoded()
    {
        // SNR −10 dB per resource element in the first Msg3 slot only: that Msg3 cannot decode.
        (CellSetup cell, EngineMetrics metrics, PhyTestScheduler scheduler, TestUeRandomAccess ue, RecordingSink sink) =
            RunWithFirstSlotJammed(static ue => ue.Msg3Slot, noiseAboveSignalDb: 10, frames: 8);

        // The first Msg3 failed, one DCI 0_0 with the TC-RNTI granted a retransmission with RV 2, which decoded.
        Assert.Equal(1, metrics.Msg3Failed);
        Assert.Equal(1, metrics.Msg3Decoded);
        Assert.Equal(1, scheduler.Msg3Retransmissions);
        Assert.Equal(2, ue.Msg3Transmissions);
        Assert.Equal(2, ue.Msg3RedundancyVersion);
        var msg3 = Assert.Single(sink.Uplink, u => u.Type == RntiType.TcRnti);
        Assert.Equal(ue.TemporaryCRnti, msg3.Rnti);
        Assert.Equal(ue.Msg3Slot, msg3.Slot.Index);
        Assert.Equal(TestUeRandomAccess.Identity.ToArray(), msg3.Bytes[1..7]);

        // The retransmission is K2 slots after its DCI (no Δ) and after the first Msg3; contention resolution follows.
        long first = ue.ResponseSlot + ue.Grant.Msg3SlotOffset(cell.Numerology.Mu);
        Assert.True(msg3.Slot.Index > first);
        Assert.Equal(ue.TemporaryCRnti, ue.CRnti);
        Assert.Equal(1, scheduler.ContentionResolutions);
        TestContext.Current.SendDiagnosticMessage($"first Msg3 in slot {first} jammed; retransmission (RV {ue.Msg3RedundancyVersion}) decoded in slot {msg3.Slot}; Msg4 in slot {ue.ContentionResolutionSlot}");
    }

    [Fact]
    public void Run_FirstMsg4HarqAckJammed_Msg4RetransmittedWithRv2AndAcknowledgedAgain()
    {
        // Noise 30 dB above the signal in the slot of the first Msg4's HARQ-ACK: the gNB hears no ACK (DTX).
        (CellSetup cell, _, PhyTestScheduler scheduler, TestUeRandomAccess ue, RecordingSink sink) =
            RunWithFirstSlotJammed(static ue => ue.Msg4AckDueSlot, noiseAboveSignalDb: 30, frames: 10);

        // The gNB retransmitted the Msg4 (HARQ process 0, same NDI, RV 2: TS 38.321 §5.3.2.2) within the
        // ra-ContentionResolutionTimer started by the Msg3 (TS 38.321 §5.1.5); the UE, already resolved, acknowledged it
        // again without decoding, and that ACK completed the contention resolution at the gNB too.
        var msg4 = sink.Downlink.Where(t => t.Type == RntiType.TcRnti).ToArray();
        Assert.Equal(2, msg4.Length);
        Assert.Equal([0, 2], msg4.Select(t => t.Rv).ToArray());
        Assert.Equal(msg4[0].Bytes, msg4[1].Bytes);
        Assert.Equal(2, scheduler.Msg4Transmissions);
        Assert.True(msg4[1].Slot.Index <= ue.Msg3Slot + (RandomAccessResponder.ContentionResolutionTimerMs * cell.Numerology.SlotsPerSubframe));
        Assert.Equal(1, ue.Msg4Duplicates);
        Assert.Equal(ue.TemporaryCRnti, ue.CRnti);
        Assert.True(ue.Msg4AckSlot > msg4[1].Slot.Index);
        Assert.Equal(1, scheduler.ContentionResolutions);
        Assert.Equal(0, scheduler.ContentionResolutionFailures);
        TestContext.Current.SendDiagnosticMessage($"Msg4 in slots {msg4[0].Slot} and {msg4[1].Slot}; second HARQ-ACK in slot {ue.Msg4AckSlot}");
    }

    [Fact]
    public void Run_FirstPreambleLost_SentAgainAfterTheResponseWindowAndAttaches()
    {
        // Noise 30 dB above the signal in the first preamble's slot only: the gNB detects nothing there.
        (CellSetup cell, EngineMetrics metrics, PhyTestScheduler scheduler, TestUeRandomAccess ue, _) =
            RunWithFirstSlotJammed(static ue => ue.PreambleSlot, noiseAboveSignalDb: 30, frames: 10);

        // No response within the window to the first preamble (TS 38.321 §5.1.4): the UE sent it again in a later
        // occasion, and that attempt went through Msg3 and Msg4.
        Assert.Equal(2, ue.PreambleTransmissions);
        Assert.False(ue.Failed);
        Assert.Equal(1, metrics.PrachDetections);
        Assert.Equal(1, metrics.Msg3Decoded);
        Assert.True(ue.PreambleSlot > 20 + (2 * cell.SlotsPerFrame), $"second preamble in slot {ue.PreambleSlot}");
        Assert.Equal(ue.TemporaryCRnti, ue.CRnti);
        Assert.Equal(1, scheduler.ContentionResolutions);
    }

    [Fact]
    public void Run_AttachByRandomAccess_TrafficOnlyAfterTheMsg4AcknowledgementWithTheTcRntiAsCRnti()
    {
        CellSetup cell = CellSetup.Derive(GnbConfigurationReader.Read(
            TestConfigs.N3With(("dl-harq-feedback: assume-ack", "attach: random-access\n  dl-harq-feedback: assume-ack")), "n3-attach.yaml"));
        var provider = new TestUeUplinkChannelProvider(cell);
        var factory = new RadioFactory([new LoopbackRadioDriver(provider)]);
        RadioSetup radio = RadioSetup.Create(cell, factory, "loopback", "model=test-ue,ue_delay=30,ra_slot=20,ra_preamble=3");
        using IRadio device = radio.Open(factory);
        var scheduler = new PhyTestScheduler(cell);
        var sink = new RecordingSink();
        var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, Capture = sink, WarmUpRounds = 1 };
        using var engine = new GnbEngine(cell, device, scheduler, options, scheduler.MaxTransportBlockBytes);
        Assert.False(scheduler.TestUeAttached);
        engine.Run(20 + (8 * cell.SlotsPerFrame));

        // The RAR's TC-RNTI is the configured C-RNTI; the Msg4 resolved the contention and its ACK came back.
        TestUeRandomAccess ue = provider.Created[0].RandomAccess!;
        Assert.Equal(cell.Options.TestUe.Rnti, ue.TemporaryCRnti);
        Assert.Equal(cell.Options.TestUe.Rnti, ue.CRnti);
        Assert.True(scheduler.TestUeAttached);
        Assert.True(provider.Created[0].TestUeAttached);
        Assert.Equal(1, scheduler.ContentionResolutions);

        // No C-RNTI PDSCH or PUSCH before the acknowledgement; both after it, with that C-RNTI.
        var data = sink.Downlink.Where(t => t.Type == RntiType.CRnti).ToArray();
        Assert.NotEmpty(data);
        Assert.All(data, t => Assert.True(t.Slot.Index > ue.Msg4AckSlot && t.Rnti == ue.CRnti, $"C-RNTI PDSCH in slot {t.Slot}, Msg4 ACK in slot {ue.Msg4AckSlot}"));
        Assert.Equal(data[0].Slot.Index, scheduler.TestUeFirstSlot);
        var uplink = sink.Uplink.Where(u => u.Type == RntiType.CRnti).ToArray();
        Assert.NotEmpty(uplink);
        Assert.All(uplink, u => Assert.True(u.Slot.Index > ue.Msg4AckSlot));
        Assert.Equal(0, engine.Metrics.UplinkCrcFailed);
        TestContext.Current.SendDiagnosticMessage($"Msg4 in slot {ue.ContentionResolutionSlot}, ACK in slot {ue.Msg4AckSlot}, first PDSCH in slot {data[0].Slot}, first PUSCH in slot {uplink[0].Slot}");
    }

    [Fact]
    public void AttachByRandomAccess_WithoutPrach_IsAConfigurationErrorNamingTheKey()
    {
        GnbConfiguration config = TestConfigs.Load("gnb-n3-20mhz-fdd.yaml");
        config = config with { Prach = config.Prach with { Enabled = false }, TestUe = config.TestUe with { Attach = "random-access" } };
        var e = Assert.Throws<ConfigurationException>(() => new PhyTestScheduler(CellSetup.Derive(config)));
        Assert.Contains("test-ue.attach", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Msg3MaxTransmissions_OutOfRange_IsAConfigurationErrorNamingTheKey()
    {
        string yaml = TestConfigs.N3With(("  config-index: 16", "  config-index: 16\n  msg3-max-transmissions: 9"));
        var e = Assert.Throws<ConfigurationException>(() => GnbConfigurationReader.Read(yaml, "n3.yaml"));
        Assert.Contains("msg3-max-transmissions", e.Message, StringComparison.Ordinal);
        Assert.Contains("1..8", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs the n3 cell with a random access from slot 20 for 20 slots plus <paramref name="frames"/> frames, the UE's
    /// uplink passing through a channel that buries the first slot <paramref name="slotOf"/> names (as the gNB receives
    /// it) in noise <paramref name="noiseAboveSignalDb"/> dB above the signal.
    /// </summary>
    private static (CellSetup Cell, EngineMetrics Metrics, PhyTestScheduler Scheduler, TestUeRandomAccess Ue, RecordingSink Sink) RunWithFirstSlotJammed(
        Func<TestUeRandomAccess, long> slotOf, double noiseAboveSignalDb, int frames)
    {
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        TestUeUplinkChannelProvider? provider = null;
        const int delay = 40;
        double noiseDb = (20 * Math.Log10(cell.Options.Radio.BasebandScale)) + noiseAboveSignalDb;
        provider = new TestUeUplinkChannelProvider(cell, uplinkChannel: () => new SlotJammer(cell, delay, noiseDb, () => slotOf(provider!.Created[0].RandomAccess!)));
        var factory = new RadioFactory([new LoopbackRadioDriver(provider)]);
        RadioSetup radio = RadioSetup.Create(cell, factory, "loopback", $"model=test-ue,ue_delay={delay},ra_slot=20,ra_preamble=9");
        using IRadio device = radio.Open(factory);
        var scheduler = new PhyTestScheduler(cell);
        var sink = new RecordingSink();
        var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, Capture = sink, WarmUpRounds = 1 };
        using var engine = new GnbEngine(cell, device, scheduler, options, scheduler.MaxTransportBlockBytes);
        engine.Run(20 + (frames * cell.SlotsPerFrame));
        return (cell, engine.Metrics, scheduler, provider.Created[0].RandomAccess!, sink);
    }

    [Fact]
    public void Prach_TddConfigurationOutsideTheUplinkSlots_IsAConfigurationErrorNamingTheKey()
    {
        GnbConfiguration config = TestConfigs.Load("gnb-n78-40mhz-tdd.yaml");
        config = config with { Prach = config.Prach with { ConfigIndex = 16 } };
        CellSetup cell = CellSetup.Derive(config);
        var e = Assert.Throws<ConfigurationException>(() => new PhyTestScheduler(cell));
        Assert.Contains("prach.config-index", e.Message, StringComparison.Ordinal);
        Assert.Contains("159", e.Message, StringComparison.Ordinal);
    }

    private static PrachOccasionPdu FirstOccasionAtOrAfter(CellPrach prach, CellSetup cell, long slot)
    {
        for (long s = slot; ; s++)
        {
            var point = Timing.SlotPoint.FromIndex(s, cell.SlotsPerFrame, cell.Options.Engine.StartSfn);
            if (prach.HasOccasion(point))
            {
                var o = prach.Occasions(point)[0];
                return new PrachOccasionPdu(o, 0, prach.OffsetInSlot(point, 0), prach.RaRnti(o, 0));
            }
        }
    }
}
