using OpenRan.Dsp;
using OpenRan.Engine.Scheduling;
using OpenRan.Radio.Streaming;

namespace OpenRan.Engine.Runtime;

/// <summary>A downlink slot: plan to antenna samples.</summary>
internal sealed class DownlinkTask(DownlinkSlotPlan plan, SampleBlock<ComplexF32> samples) : SlotTask
{
    public DownlinkSlotPlan Plan { get; } = plan;

    public SampleBlock<ComplexF32> Samples { get; } = samples;

    protected override void Execute(WorkerContext context) => context.Downlink.Process(Plan, Samples);
}
