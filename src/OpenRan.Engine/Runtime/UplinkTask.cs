using OpenRan.Dsp;
using OpenRan.Engine.Scheduling;
using OpenRan.Radio.Streaming;

namespace OpenRan.Engine.Runtime;

/// <summary>An uplink slot: received samples and the plan to results.</summary>
internal sealed class UplinkTask(UplinkSlotPlan plan, SampleBlock<ComplexF32> samples, UplinkSlotResults results) : SlotTask
{
    public UplinkSlotPlan Plan { get; } = plan;

    public SampleBlock<ComplexF32> Samples { get; } = samples;

    public UplinkSlotResults Results { get; } = results;

    /// <summary>Whether the slot's samples were received whole.</summary>
    public bool Received { get; set; }

    protected override void Execute(WorkerContext context) => context.Uplink.Process(Plan, Samples, Results);
}
