using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Runtime;
using OpenRan.Engine.Scheduling;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.Radio;
using OpenRan.Radio.SigMf;

namespace OpenRan.Engine.Tests.Runtime;

/// <summary>
/// The engine in virtual time over the free-running loopback radio (its clock advances only as the engine reads), so the
/// runs are deterministic and do not depend on machine load: steady-state allocation, injected late work, recovery.
/// </summary>
public sealed class GnbEngineVirtualTimeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("openran-gnb-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Run_TenThousandSlots_AllocatesNothingInTheSlotPath()
    {
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        var factory = new RadioFactory(RadioFactory.SoftwareDrivers());
        RadioSetup radio = RadioSetup.Create(cell, factory, "loopback", "model=ideal");
        using IRadio device = radio.Open(factory);
        var scheduler = new PhyTestScheduler(cell);
        var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, WarmUpRounds = 1, WarmUpScheduler = new PhyTestScheduler(cell) };
        using var engine = new GnbEngine(cell, device, scheduler, options, scheduler.MaxTransportBlockBytes);
        int gen0 = GC.CollectionCount(0);
        Assert.Equal(10_000, engine.Run(10_000));
        int collections = GC.CollectionCount(0) - gen0;

        // Bytes allocated by the slot thread and the worker after the first 200 slots: none.
        Assert.Equal(0, engine.SteadyStateAllocatedBytes);
        Assert.Equal(0, engine.Metrics.DownlinkLate);
        Assert.Equal(0, engine.Metrics.UplinkLate);
        Assert.True(engine.Metrics.DownlinkTransportBlocks > 8_000, $"{engine.Metrics.DownlinkTransportBlocks} PDSCH");
        Assert.InRange(engine.Metrics.Sib1Transmissions, 500, 501); // one SIB1 per 20 ms; the transmit advance may add the next
        // The radio counts what it never sent as Dropped (issue 13): at stop, the slots prepared ahead of the last one
        // (the transmit advance) are the only loss allowed.
        RadioEventCounters events = device.Events.Snapshot();
        Assert.True(events.Late == 0 && events.Underflow == 0 && events.Overflow == 0 && events.Disconnected == 0 && events.Stalled == 0, events.ToString());
        Assert.InRange(events.LostSamples, 0, (long)cell.Timing.MaxSlotSampleCount * (cell.Options.Engine.TxAdvanceSlots + 1));
        TestContext.Current.SendDiagnosticMessage($"10000 slots: gen0 collections in the process {collections}, PUSCH decodes {engine.Metrics.UplinkCrcPassed + engine.Metrics.UplinkCrcFailed}");
    }

    [Fact]
    public void Run_LateDownlinkSlots_TransmitSsbOnlyResendTheirTransportBlocksAndRecover()
    {
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        string recording = Path.Combine(_directory, "late");
        var factory = new RadioFactory(RadioFactory.SoftwareDrivers());
        RadioSetup radio = RadioSetup.Create(cell, factory, "file", $"tx={recording}");
        var sink = new RecordingSink();
        var faults = new Faults { LateDownlink = [100, 101, 102, 103, 104] };
        long slots = 140;
        using (IRadio device = radio.Open(factory))
        {
            var scheduler = new PhyTestScheduler(cell);
            var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, Capture = sink, Faults = faults, WarmUpRounds = 1, WarmUpScheduler = new PhyTestScheduler(cell) };
            using var engine = new GnbEngine(cell, device, scheduler, options, scheduler.MaxTransportBlockBytes);
            Assert.Equal(slots, engine.Run(slots));
            Assert.Equal(5, engine.Metrics.DownlinkLate);
            Assert.Equal(104, engine.Metrics.LastLateSlot);
        }

        // The late slots carried no PDSCH; the transport blocks scheduled there went out later, whole and with RV 0.
        Assert.DoesNotContain(sink.Downlink, t => t.Slot.Index is >= 100 and <= 104);
        Assert.Contains(sink.Downlink, t => t.Slot.Index == 105 && t.Type == RntiType.CRnti);
        var dropped = new PhyTestScheduler(cell);
        var bytesByHarq = sink.Downlink.Where(t => t.Type == RntiType.CRnti).GroupBy(t => Convert.ToHexString(t.Bytes)).ToList();
        Assert.All(bytesByHarq, g => Assert.All(g, t => Assert.Equal(0, t.Rv)));
        Assert.Equal(sink.Downlink.Count(t => t.Type == RntiType.CRnti), bytesByHarq.Count);

        // Slot 100 is slot 0 of frame 10: the SS/PBCH block is still there, with SFN 10.
        using SigMfReader reader = SigMfReader.Open(recording);
        var samples = new ComplexF32[reader.SampleCount];
        reader.Read(samples);
        var decoder = new CellDecoder(cell);
        decoder.Demodulate(samples, 100);
        (CellIdentity id, PbchReceiveResult pbch) = decoder.DecodeSsb(2);
        Assert.Equal(cell.Pci, id.NIdCell);
        Assert.True(pbch.CrcPassed);
        Assert.Equal(10, pbch.Mib!.Value.SystemFrameNumber);
        _ = dropped;
    }

    [Fact]
    public void Run_LateUplinkDecodes_AreCountedAndReportedToTheSchedulerAsFailures()
    {
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        var factory = new RadioFactory(RadioFactory.SoftwareDrivers());
        RadioSetup radio = RadioSetup.Create(cell, factory, "loopback", "model=ideal");
        using IRadio device = radio.Open(factory);
        var scheduler = new CountingScheduler(new PhyTestScheduler(cell));
        var faults = new Faults { LateUplink = [50, 52, 60] }; // PUSCH slots (slot 1 of each frame holds the PRACH occasion, no PUSCH)
        var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, Faults = faults, WarmUpRounds = 1 };
        using var engine = new GnbEngine(cell, device, scheduler, options, scheduler.Inner.MaxTransportBlockBytes);
        Assert.Equal(100, engine.Run(100));
        Assert.Equal(3, engine.Metrics.UplinkLate);
        Assert.Equal(3, scheduler.LateResults);
        Assert.True(scheduler.Results > 80);
    }

    private sealed class Faults : IEngineFaults
    {
        public HashSet<long> LateDownlink { get; init; } = [];

        public HashSet<long> LateUplink { get; init; } = [];

        public bool IsDownlinkLate(long slotIndex) => LateDownlink.Contains(slotIndex);

        public bool IsUplinkLate(long slotIndex) => LateUplink.Contains(slotIndex);
    }

    private sealed class CountingScheduler(PhyTestScheduler inner) : ISlotScheduler
    {
        public PhyTestScheduler Inner { get; } = inner;

        public int Results { get; private set; }

        public int LateResults { get; private set; }

        public int UplinkHorizonSlots => Inner.UplinkHorizonSlots;

        public void ScheduleDownlink(Timing.SlotPoint slot, DownlinkSlotPlan downlink, IUplinkPlanner uplink) => Inner.ScheduleDownlink(slot, downlink, uplink);

        public void OnDownlinkDropped(DownlinkSlotPlan downlink) => Inner.OnDownlinkDropped(downlink);

        public void OnUplinkResults(UplinkSlotResults results)
        {
            Results++;
            if (results.Pusch.Length > 0 && results.Pusch[0].Late)
            {
                LateResults++;
            }

            Inner.OnUplinkResults(results);
        }
    }
}
