using System.Threading;

namespace OpenRan.Engine.Runtime;

/// <summary>
/// Runs on a second worker beside an uplink task: while that task runs, it takes the second half of each transport
/// block's code blocks the task publishes (<see cref="Processing.CodeBlockSplit"/>) and decodes it with this worker's
/// decoder; it ends when the task is done. The owner decodes a half itself when this helper is late, so neither waits on
/// the other for long and nothing locks.
/// </summary>
internal sealed class CodeBlockHelpTask : SlotTask
{
    private long _helped;

    /// <summary>The uplink task helped (set before dispatch).</summary>
    public UplinkTask? Target { get; set; }

    /// <summary>Halves decoded by this helper since start.</summary>
    public long Helped => Volatile.Read(ref _helped);

    protected override void Execute(WorkerContext context)
    {
        UplinkTask? target = Target;
        if (target is null)
        {
            return;
        }

        var spin = default(SpinWait);
        while (!target.IsDone && target.IsPending)
        {
            if (target.Split.TryHelp(context.Uplink.TransportBlockDecoder))
            {
                Volatile.Write(ref _helped, _helped + 1);
                continue;
            }

            spin.SpinOnce(sleep1Threshold: -1);
        }
    }
}
