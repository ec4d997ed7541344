using System;
using System.Threading;
using OpenRan.Radio.Streaming;

namespace OpenRan.Engine.Runtime;

/// <summary>
/// A fixed pool of worker threads created at start, each owning its <see cref="WorkerContext"/> and an SPSC inbox fed by
/// the slot thread. Completion is published on the task itself; the slot thread's <see cref="Parker"/> is signalled so
/// it can sleep while it waits. With zero workers the slot thread runs every task itself.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    private readonly Worker[] _workers;
    private readonly Parker _completion;
    private int _next;

    public WorkerPool(int count, Func<WorkerContext> createContext, Parker completion)
    {
        _completion = completion;
        _workers = new Worker[count];
        for (int i = 0; i < count; i++)
        {
            _workers[i] = new Worker(createContext(), completion, i);
        }
    }

    /// <summary>Number of workers.</summary>
    public int Count => _workers.Length;

    /// <summary>Bytes the worker threads allocated, as of their last finished batch.</summary>
    public long AllocatedBytes
    {
        get
        {
            long sum = 0;
            foreach (Worker w in _workers)
            {
                sum += w.AllocatedBytes;
            }

            return sum;
        }
    }

    /// <summary>The context of worker <paramref name="index"/> (for warm-up).</summary>
    public WorkerContext Context(int index) => _workers[index].Context;

    /// <summary>Hands <paramref name="task"/> to the least loaded worker (round robin among equals).</summary>
    public int Submit(SlotTask task)
    {
        task.MarkPending();
        int best = -1;
        int bestLoad = int.MaxValue;
        for (int i = 0; i < _workers.Length; i++)
        {
            int w = (_next + i) % _workers.Length;
            int load = _workers[w].Load;
            if (load < bestLoad)
            {
                best = w;
                bestLoad = load;
            }
        }

        _next = (best + 1) % _workers.Length;
        _workers[best].Enqueue(task);
        return best;
    }

    /// <summary>Hands <paramref name="task"/> to worker <paramref name="index"/>.</summary>
    public void SubmitTo(int index, SlotTask task)
    {
        task.MarkPending();
        _workers[index].Enqueue(task);
    }

    public void Dispose()
    {
        foreach (Worker w in _workers)
        {
            w.Dispose();
        }
    }

    private sealed class Worker : IDisposable
    {
        private readonly SpscQueue<SlotTask> _inbox = new(256);
        private readonly Parker _parker = new();
        private readonly Parker _completion;
        private readonly Thread _thread;
        private volatile bool _stopping;
        private int _load;
        private long _allocatedBytes;

        public Worker(WorkerContext context, Parker completion, int index)
        {
            Context = context;
            _completion = completion;
            _thread = new Thread(Run) { IsBackground = true, Name = $"gnb worker {index}", Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }

        public WorkerContext Context { get; }

        public int Load => Volatile.Read(ref _load);

        /// <summary>Bytes the worker thread allocated so far (steady state: unchanged).</summary>
        public long AllocatedBytes => Volatile.Read(ref _allocatedBytes);

        public void Enqueue(SlotTask task)
        {
            Interlocked.Increment(ref _load);
            while (!_inbox.TryEnqueue(task))
            {
                Thread.Yield();
            }

            _parker.Signal();
        }

        public void Dispose()
        {
            _stopping = true;
            _parker.Signal();
            _thread.Join();
            _parker.Dispose();
        }

        private void Run()
        {
            while (true)
            {
                _parker.WaitUntil(static w => w._stopping || w._inbox.Count > 0, this, TimeSpan.FromMilliseconds(100));
                while (_inbox.TryDequeue(out SlotTask? task))
                {
                    task!.Run(Context);
                    Interlocked.Decrement(ref _load);
                    _completion.Signal();
                }

                Volatile.Write(ref _allocatedBytes, GC.GetAllocatedBytesForCurrentThread());
                if (_stopping)
                {
                    return;
                }
            }
        }
    }
}
