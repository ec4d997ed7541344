using System.Linq;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Emulation;
using OpenRan.Engine.Runtime;
using OpenRan.Engine.Scheduling;
using OpenRan.Radio;
using OpenRan.Radio.Loopback;

namespace OpenRan.Engine.Tests.Emulation;

/// <summary>Each example configuration runs a few frames in virtual time against the emulated UE (PUSCH traffic, one random access).</summary>
public sealed class ExampleConfigurationRunTests
{
    public static TheoryData<string> Examples() => new(TestConfigs.ExampleNames);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Run_ExampleConfiguration_CarriesSib1PuschAndARandomAccess(string name)
    {
        CellSetup cell = TestConfigs.Cell(name);
        var provider = new TestUeUplinkChannelProvider(cell);
        var factory = new RadioFactory([new LoopbackRadioDriver(provider)]);
        RadioSetup radio = RadioSetup.Create(cell, factory, "loopback", $"model=test-ue,ue_delay=30,ra_slot=4,channels={System.Math.Max(cell.Options.Antennas.Tx, cell.Options.Antennas.Rx)}");
        using IRadio device = radio.Open(factory);
        var scheduler = new PhyTestScheduler(cell);
        var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, WarmUpRounds = 1 };
        using var engine = new GnbEngine(cell, device, scheduler, options, scheduler.MaxTransportBlockBytes);
        long slots = 4 * cell.SlotsPerFrame;
        Assert.Equal(slots, engine.Run(slots));

        var m = engine.Metrics;
        Assert.Equal(0, m.DownlinkLate + m.UplinkLate);
        Assert.True(m.Sib1Transmissions >= 1);
        Assert.True(m.DownlinkTransportBlocks > 0);
        Assert.True(m.UplinkCrcPassed > 0 && m.UplinkCrcFailed == 0, $"PUSCH {m.UplinkCrcPassed} passed, {m.UplinkCrcFailed} failed");
        string ra = $"PRACH {m.PrachDetections}, RAR {m.RandomAccessResponses}, Msg3 {m.Msg3Decoded} ok {m.Msg3Failed} failed; UE: " + string.Join(", ", provider.Created.Select(c => $"preamble {c.RandomAccess?.PreambleSlot}, RAR {c.RandomAccess?.ResponseSlot}, Msg3 {c.RandomAccess?.Msg3Slot} sent {c.RandomAccess?.Msg3Sent}, TA {c.RandomAccess?.TimingAdvanceCommand}"));
        Assert.True(m.PrachDetections == 1 && m.RandomAccessResponses == 1 && m.Msg3Decoded == 1, ra);
    }
}
