using OpenRan.Engine.Configuration;
using OpenRan.Engine.Emulation;
using OpenRan.Engine.Runtime;
using OpenRan.Engine.Scheduling;
using OpenRan.Radio;
using OpenRan.Radio.Loopback;

namespace OpenRan.Engine.Tests.Processing;

/// <summary>The engine with two workers shares each PUSCH's code blocks between them: every block still decodes, with 0 B.</summary>
public sealed class CodeBlockSplitEngineTests
{
    [Fact]
    public void Run_TwoWorkers_PuschCodeBlocksSharedDecodeAndAllocateNothing()
    {
        string yaml = TestConfigs.N3With(("  workers: 1", "  workers: 2"));
        CellSetup cell = CellSetup.Derive(GnbConfigurationReader.Read(yaml, "gnb-two-workers.yaml"));
        var factory = new RadioFactory([new LoopbackRadioDriver(new TestUeUplinkChannelProvider(cell))]);
        RadioSetup radio = RadioSetup.Create(cell, factory, "loopback", "model=test-ue,ra_slot=-1");
        using IRadio device = radio.Open(factory);
        var scheduler = new PhyTestScheduler(cell);
        var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, WarmUpRounds = 1, WarmUpScheduler = new PhyTestScheduler(cell) };
        using var engine = new GnbEngine(cell, device, scheduler, options, scheduler.MaxTransportBlockBytes);
        Assert.Equal(400, engine.Run(400));
        Assert.True(engine.Metrics.UplinkCrcPassed > 250, $"{engine.Metrics.UplinkCrcPassed} PUSCH decoded");
        Assert.Equal(0, engine.Metrics.UplinkCrcFailed);
        Assert.Equal(0, engine.SteadyStateAllocatedBytes);
        TestContext.Current.SendDiagnosticMessage($"halves decoded by the helper worker: {engine.CodeBlockHalvesHelped}");
    }
}
