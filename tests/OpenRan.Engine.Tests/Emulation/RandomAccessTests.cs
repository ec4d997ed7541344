using System;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Emulation;
using OpenRan.Engine.Runtime;
using OpenRan.Engine.Scheduling;
using OpenRan.Radio;
using OpenRan.Radio.Loopback;

namespace OpenRan.Engine.Tests.Emulation;

/// <summary>
/// Random access in virtual time over the loopback radio: the emulated UE sends a preamble in a PRACH occasion with a
/// propagation delay, the gNB detects it, answers with a RAR (RA-RNTI of TS 38.321 §5.1.3, the detector's T_A, a UL
/// grant, a TC-RNTI), the UE decodes that RAR from the gNB's samples and sends its Msg3 K2 + Δ slots later with the
/// timing advance applied, and the gNB decodes the Msg3 aligned.
/// </summary>
public sealed class RandomAccessTests
{
    [Theory]
    [InlineData("gnb-n3-20mhz-fdd.yaml", 60, 17)]
    [InlineData("gnb-n78-40mhz-tdd.yaml", 100, 5)]
    public void Run_EmulatedUe_PreambleRarAndMsg3WithTheTimingAdvance(string config, int delaySamples, int preamble)
    {
        CellSetup cell = TestConfigs.Cell(config);
        var factory = new RadioFactory([new LoopbackRadioDriver(new TestUeUplinkChannelProvider(cell))]);
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
        Assert.Equal(0, msg3.Bytes[0]);
        Assert.Equal(TestUeRandomAccess.Identity.ToArray(), msg3.Bytes[1..7]);
        double residualSamples = scheduler.LastMsg3TimingOffsetSeconds * cell.SampleRateHz;
        Assert.InRange(residualSamples, -(stepSamples / 2) - 1, (stepSamples / 2) + 1);
        TestContext.Current.SendDiagnosticMessage($"{config}: RAR in slot {rar.Slot}, T_A {ta}, Msg3 in slot {msg3.Slot}, residual timing {residualSamples:F1} samples");
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
