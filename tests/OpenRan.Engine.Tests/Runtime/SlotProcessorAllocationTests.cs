using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Processing;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Timing;
using OpenRan.Radio.Streaming;
using OpenRan.TestSupport;

namespace OpenRan.Engine.Tests.Runtime;

/// <summary>The slot processors and the phy-test scheduler allocate nothing per slot once warm (each on its own).</summary>
public sealed class SlotProcessorAllocationTests : IUplinkPlanner
{
    private readonly UplinkSlotPlan[] _uplink = new UplinkSlotPlan[64];

    public SlotProcessorAllocationTests()
    {
        for (int i = 0; i < _uplink.Length; i++)
        {
            _uplink[i] = new UplinkSlotPlan(2, 4);
        }
    }

    public UplinkSlotPlan PlanFor(long slotIndex)
    {
        UplinkSlotPlan p = _uplink[slotIndex % _uplink.Length];
        if (p.Slot.Index != slotIndex)
        {
            p.Reset(SlotPoint.FromIndex(slotIndex, 10, 0));
        }

        return p;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SchedulerAndProcessors_SteadyState_AllocateNothing(bool pucchFeedback)
    {
        CellSetup cell = pucchFeedback ? TestConfigs.N3WithPucchFeedback() : TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        var scheduler = new PhyTestScheduler(cell);
        var dl = new DownlinkSlotProcessor(cell, scheduler.MaxTransportBlockBytes);
        var ul = new UplinkSlotProcessor(cell, scheduler.MaxTransportBlockBytes);
        var plan = new DownlinkSlotPlan(4, 2, scheduler.MaxTransportBlockBytes);
        var samples = new SampleBlock<ComplexF32>(1, cell.Timing.MaxSlotSampleCount);
        var results = new UplinkSlotResults(2, scheduler.MaxTransportBlockBytes);
        long slot = 0;
        void Schedule()
        {
            plan.Reset(SlotPoint.FromIndex(slot, 10, 0));
            scheduler.ScheduleDownlink(plan.Slot, plan, this);
            slot++;
        }

        void Process()
        {
            Schedule();
            dl.Process(plan, samples);
            UplinkSlotPlan u = PlanFor(slot - 1);
            if (!u.IsEmpty)
            {
                ul.Process(u, samples, results);
                scheduler.OnUplinkResults(results);
            }
        }

        AllocationAssert.SteadyStateAllocatesNothing(Schedule, warmUpCalls: 40, rounds: 4, callsPerRound: 20);
        AllocationAssert.SteadyStateAllocatesNothing(Process, warmUpCalls: 40, rounds: 4, callsPerRound: 20);
    }
}
