using System.Linq;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Emulation;
using OpenRan.Engine.Runtime;
using OpenRan.Engine.Scheduling;
using OpenRan.Radio;
using OpenRan.Radio.Loopback;

namespace OpenRan.Engine.Tests.Emulation;

/// <summary>The gNB's uplink against the emulated phy-test UE over the loopback radio, in virtual time.</summary>
public sealed class TestUeUplinkChannelTests
{
    [Fact]
    public void Run_EmulatedUe_EveryPuschDecodesWithHighSinrAndNoTimingAdvance()
    {
        (GnbEngineResult r, _) = Run(delaySamples: 0, slots: 300);
        Assert.True(r.Decoded >= 200, $"{r.Decoded} PUSCH decoded");
        Assert.Equal(0, r.Failed);
        Assert.True(r.MeanSinrDb > 25, $"SINR {r.MeanSinrDb} dB");
        Assert.Equal(0, r.TimingAdvanceCommands);
        Assert.Equal(r.Decoded, r.UplinkCaptured);
    }

    [Fact]
    public void Run_DelayedUe_GetsATimingAdvanceCommandInAMacCe()
    {
        // 16 samples at 23.04 Msps = 0.69 µs, one T_A step (16·64·T_c = 0.52 µs at 15 kHz) rounded: command 31 + 1.
        (GnbEngineResult r, RecordingSink sink) = Run(delaySamples: 16, slots: 300);
        Assert.Equal(0, r.Failed);
        Assert.True(r.TimingAdvanceCommands >= 1);
        byte[][] withTa = sink.Downlink.Where(t => t.Type == RntiType.CRnti && t.Bytes[0] == MacPdu.TimingAdvanceCommandLcid).Select(t => t.Bytes).ToArray();
        Assert.NotEmpty(withTa);
        Assert.All(withTa, b => Assert.Equal(32, b[1] & 0x3F));
    }

    private static (GnbEngineResult, RecordingSink) Run(int delaySamples, long slots)
    {
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        var factory = new RadioFactory([new LoopbackRadioDriver(new TestUeUplinkChannelProvider(cell))]);
        RadioSetup radio = RadioSetup.Create(cell, factory, "loopback", $"model=test-ue,ue_delay={delaySamples}");
        using IRadio device = radio.Open(factory);
        var scheduler = new PhyTestScheduler(cell);
        var sink = new RecordingSink();
        var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, Capture = sink, WarmUpRounds = 1 };
        using var engine = new GnbEngine(cell, device, scheduler, options, scheduler.MaxTransportBlockBytes);
        engine.Run(slots);
        var m = engine.Metrics;
        return (new GnbEngineResult(m.UplinkCrcPassed, m.UplinkCrcFailed, m.UplinkMeasurements == 0 ? double.NaN : m.UplinkSinrSum / m.UplinkMeasurements, scheduler.TimingAdvanceCommands, sink.Uplink.Count(u => u.Type == RntiType.CRnti)), sink);
    }

    private readonly record struct GnbEngineResult(long Decoded, long Failed, double MeanSinrDb, long TimingAdvanceCommands, int UplinkCaptured);
}
