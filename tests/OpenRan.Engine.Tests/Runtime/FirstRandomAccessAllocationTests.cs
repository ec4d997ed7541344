using OpenRan.Engine.Configuration;
using OpenRan.Engine.Emulation;
using OpenRan.Engine.Runtime;
using OpenRan.Engine.Scheduling;
using OpenRan.Radio;
using OpenRan.Radio.Loopback;

namespace OpenRan.Engine.Tests.Runtime;

/// <summary>
/// A random access that starts well after the warm-up — the first RAR, Msg3 and Msg4 the engine ever handles — allocates
/// nothing in the gNB: the scheduler (measured around each of its calls on the slot thread) and the PHY workers. The
/// engine lays out and runs every configuration the scheduler can send before the radio starts (a RAR PDSCH per RA-RNTI,
/// each procedure's Msg3 and Msg4: small LDPC liftings and layouts otherwise built on first use).
/// </summary>
public sealed class FirstRandomAccessAllocationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_FirstRandomAccessAfterWarmUp_GnbAllocatesNothing(bool uciOnPusch)
    {
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        if (uciOnPusch)
        {
            CellSetup pucch = TestConfigs.N3WithPucchFeedback();
            cell = CellSetup.Derive(pucch.Options with { TestUe = pucch.Options.TestUe with { UciOnPusch = true } });
        }

        var provider = new TestUeUplinkChannelProvider(cell);
        var factory = new RadioFactory([new LoopbackRadioDriver(provider)]);
        RadioSetup radio = RadioSetup.Create(cell, factory, "loopback", "model=test-ue,ue_delay=20,ra_slot=150,ra_preamble=7");
        using IRadio device = radio.Open(factory);
        var scheduler = new PhyTestScheduler(cell);
        var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, WarmUpRounds = 1, WarmUpScheduler = new PhyTestScheduler(cell) };
        using var engine = new GnbEngine(cell, device, scheduler, options, scheduler.MaxTransportBlockBytes);
        Assert.Equal(260, engine.Run(260));

        // Steady state from slot 26 (a tenth of the run); the random access from slot 150 went through to its Msg4 ACK.
        TestUeRandomAccess ue = provider.Created[0].RandomAccess!;
        Assert.True(ue.PreambleSlot >= 150);
        Assert.Equal(1, scheduler.RandomAccessResponses);
        Assert.Equal(1, scheduler.Msg3Decoded);
        Assert.Equal(1, scheduler.ContentionResolutions);
        Assert.Equal(0, engine.SchedulerAllocatedBytes);
        Assert.Equal(0, engine.WorkerAllocatedBytes);
        TestContext.Current.SendDiagnosticMessage($"preamble in slot {ue.PreambleSlot}, Msg4 ACK in slot {ue.Msg4AckSlot}; slot thread with the emulated UE: {engine.SteadyStateAllocatedBytes} B");
    }
}
