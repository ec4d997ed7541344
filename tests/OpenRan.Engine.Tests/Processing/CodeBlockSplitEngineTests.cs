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

    [Fact]
    public void Run_TwoWorkersWithUciOnPusch_UlschCodeBlocksSharedAndEveryBitReceived()
    {
        // HARQ-ACK multiplexed on every PUSCH (k1 = k2 = 4 in FDD): its UL-SCH is split like a plain PUSCH's.
        CellSetup pucch = TestConfigs.N3WithPucchFeedback();
        CellSetup cell = CellSetup.Derive(pucch.Options with
        {
            Engine = pucch.Options.Engine with { Workers = 2 },
            TestUe = pucch.Options.TestUe with { UciOnPusch = true, BetaOffsetHarqAckIndex = 11 },
        });
        var provider = new TestUeUplinkChannelProvider(cell);
        var factory = new RadioFactory([new LoopbackRadioDriver(provider)]);
        RadioSetup radio = RadioSetup.Create(cell, factory, "loopback", "model=test-ue,ra_slot=-1");
        using IRadio device = radio.Open(factory);
        var scheduler = new PhyTestScheduler(cell);
        var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, WarmUpRounds = 1, WarmUpScheduler = new PhyTestScheduler(cell) };
        using var engine = new GnbEngine(cell, device, scheduler, options, scheduler.MaxTransportBlockBytes);
        Assert.Equal(400, engine.Run(400));
        Assert.True(scheduler.HarqAckBitsOnPusch > 250, $"{scheduler.HarqAckBitsOnPusch} bits on PUSCH");
        Assert.Equal(0, engine.Metrics.UplinkCrcFailed);
        Assert.Equal(0, scheduler.HarqDtx);
        Assert.Equal(0, scheduler.HarqNacks);
        Assert.True(engine.CodeBlockHalvesHelped + engine.CodeBlockHalvesByOwner > 250, $"{engine.CodeBlockHalvesHelped} halves helped");
        Assert.Equal(0, engine.SteadyStateAllocatedBytes);
    }
}
