using System.Diagnostics;
using System.Threading;

namespace OpenRan.Engine.Runtime;

/// <summary>
/// One unit of slot work handed to a worker: preallocated, reused for every slot that maps to its pipeline position, with a
/// completion flag the slot thread polls. The worker records when it ran (for the per-pipeline timing metrics).
/// </summary>
internal abstract class SlotTask
{
    private int _state;
    private volatile bool _abandoned;

    /// <summary>The slot the task holds work for.</summary>
    public long SlotIndex { get; set; } = -1;

    /// <summary>Whether the work is finished (results may be read).</summary>
    public bool IsDone => Volatile.Read(ref _state) == 2;

    /// <summary>Whether the task was handed out and not yet finished.</summary>
    public bool IsPending => Volatile.Read(ref _state) == 1;

    /// <summary>Stopwatch ticks the work took.</summary>
    public long ElapsedTicks { get; private set; }

    /// <summary>
    /// Whether the slot thread gave up on the result (late): it is discarded when it arrives, and a worker that has not
    /// started the work yet skips it, so that an overloaded engine sheds its backlog instead of working through it late.
    /// </summary>
    public bool Abandoned
    {
        get => _abandoned;
        set => _abandoned = value;
    }

    /// <summary>Marks the task as handed out.</summary>
    public void MarkPending()
    {
        Abandoned = false;
        Volatile.Write(ref _state, 1);
    }

    /// <summary>Marks the task idle (its slot is finished with).</summary>
    public void MarkIdle() => Volatile.Write(ref _state, 0);

    /// <summary>Runs the work on <paramref name="context"/>'s processors and publishes completion.</summary>
    public void Run(WorkerContext context)
    {
        long start = Stopwatch.GetTimestamp();
        if (!_abandoned)
        {
            Execute(context);
        }

        ElapsedTicks = Stopwatch.GetTimestamp() - start;
        Volatile.Write(ref _state, 2);
    }

    /// <summary>The work.</summary>
    protected abstract void Execute(WorkerContext context);
}
