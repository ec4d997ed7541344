using OpenRan.Dsp;
using OpenRan.Engine.Processing;
using OpenRan.Engine.Scheduling;
using OpenRan.Radio.Streaming;

namespace OpenRan.Engine.Runtime;

/// <summary>An uplink slot: received samples and the plan to results.</summary>
internal sealed class UplinkTask(UplinkSlotPlan plan, SampleBlock<ComplexF32> samples, UplinkSlotResults results) : SlotTask
{
    public UplinkSlotPlan Plan { get; } = plan;

    public SampleBlock<ComplexF32> Samples { get; } = samples;

    public UplinkSlotResults Results { get; } = results;

    /// <summary>The code-block split of this slot's PUSCHs (used when a helper task is dispatched with it).</summary>
    public CodeBlockSplit Split { get; } = new();

    /// <summary>The helper that decodes second halves of this task's code blocks on another worker.</summary>
    public CodeBlockHelpTask Helper { get; } = new();

    /// <summary>Whether this slot's PUSCH code blocks are shared with <see cref="Helper"/>.</summary>
    public bool SplitCodeBlocks { get; set; }

    /// <summary>Whether the slot's samples were received whole.</summary>
    public bool Received { get; set; }

    protected override void Execute(WorkerContext context) => context.Uplink.Process(Plan, Samples, Results, SplitCodeBlocks ? Split : null);
}
