using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using OpenRan.Dsp;

namespace OpenRan.Simulation.Sweeps;

/// <summary>
/// Runs a <see cref="SweepPlan"/> (or one shard of it) on all cores: worker threads, each with its own simulator, take
/// work units (SNR point × batch) in order, run them from their derived seeds, and the runner keeps for every point the
/// prefix of batches the stopping rule needs. Results therefore do not depend on the thread count.
/// </summary>
/// <remarks>
/// Scheduling: workers take the lowest SNR point that still needs batches, at most <c>threadCount</c> batches ahead of
/// that point's completed prefix, so speculative work beyond a point's stop is bounded and simply discarded.
/// With N shards, shard i owns batch b of point p when (p + b) mod N = i; it stops a point once its own completed prefix
/// of owned batches has <see cref="SweepPlan.MinBlockErrors"/> errors, which is safe: the global prefix up to that batch has
/// at least as many, so every batch the merged result needs has been computed by its owner.
/// </remarks>
public sealed class SweepRunner
{
    private readonly SweepPlan _plan;
    private readonly Func<IWorkUnitSimulator> _simulatorFactory;
    private readonly int _threadCount;
    private readonly ShardSpec _shard;

    /// <summary>Prepares a run of <paramref name="plan"/> with <paramref name="threadCount"/> workers (1 … 1024) on shard <paramref name="shard"/> (default: the whole sweep).</summary>
    public SweepRunner(SweepPlan plan, Func<IWorkUnitSimulator> simulatorFactory, int threadCount, ShardSpec? shard = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(simulatorFactory);
        plan.Validate();
        ThrowHelper.ThrowIfOutside(threadCount, 1, 1024);
        ShardSpec s = shard ?? ShardSpec.Single;
        if (s.Count < 1 || s.Index < 0 || s.Index >= s.Count)
        {
            ThrowHelper.ThrowOutOfRange(nameof(shard), s, "0 ≤ index < count");
        }

        _plan = plan;
        _simulatorFactory = simulatorFactory;
        _threadCount = threadCount;
        _shard = s;
    }

    /// <summary>Runs the sweep and returns its result (complete points for a whole sweep, batch records for a shard).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="AggregateException">A simulator threw; the first exception is inside.</exception>
    public SweepResult Run(IProgress<SweepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var state = new RunState(_plan, _shard, _threadCount);
        var workers = new Thread[_threadCount];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = new Thread(() => Work(state, progress, cancellationToken))
            {
                IsBackground = true,
                Name = FormattableString.Invariant($"openran-sweep-{i}"),
            };
            workers[i].Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        if (state.Failure is Exception failure)
        {
            throw new AggregateException("a work unit failed: " + failure.Message, failure);
        }

        cancellationToken.ThrowIfCancellationRequested();
        List<BatchRecord> records = state.Records();
        double elapsed = stopwatch.Elapsed.TotalSeconds;
        if (_shard.IsSingle)
        {
            return SweepResult.Complete(_plan, records, elapsed, _threadCount);
        }

        return new SweepResult
        {
            Plan = _plan,
            Shard = _shard,
            PlanFingerprint = _plan.Fingerprint(),
            Batches = records,
            ElapsedSeconds = elapsed,
            ThreadCount = _threadCount,
        };
    }

    private void Work(RunState state, IProgress<SweepProgress>? progress, CancellationToken cancellationToken)
    {
        IWorkUnitSimulator simulator;
        try
        {
            simulator = _simulatorFactory();
        }
        catch (Exception e)
        {
            state.Fail(e);
            return;
        }

        while (state.TryTake(cancellationToken, out WorkUnit unit, out int position))
        {
            LinkCounters counters;
            try
            {
                counters = simulator.Run(unit);
            }
            catch (Exception e)
            {
                state.Fail(e);
                return;
            }

            if (state.Complete(unit, position, counters) is SweepProgress report)
            {
                progress?.Report(report);
            }
        }
    }

    /// <summary>
    /// The shared scheduling state; every member is called under its lock. Memory grows with the work done, never with
    /// the plan's limits: a point keeps only its in-flight results (at most the look-ahead) and the records of its
    /// completed prefix, so <see cref="SweepPlan.MaxSlotsPerPoint"/> may be as large as the plan allows.
    /// </summary>
    private sealed class RunState
    {
        private readonly object _sync = new();
        private readonly SweepPlan _plan;
        private readonly int _lookahead;
        private readonly PointState[] _points;
        private int _pointsFinished;

        public RunState(SweepPlan plan, ShardSpec shard, int lookahead)
        {
            _plan = plan;
            _lookahead = lookahead;
            _points = new PointState[plan.SnrDb.Count];
            for (int p = 0; p < _points.Length; p++)
            {
                _points[p] = new PointState(p, shard, plan);
                if (_points[p].OwnedCount == 0)
                {
                    _points[p].Finished = true;
                    _pointsFinished++;
                }
            }
        }

        public Exception? Failure { get; private set; }

        public void Fail(Exception e)
        {
            lock (_sync)
            {
                Failure ??= e;
                Monitor.PulseAll(_sync);
            }
        }

        public bool TryTake(CancellationToken cancellationToken, out WorkUnit unit, out int position)
        {
            lock (_sync)
            {
                while (true)
                {
                    if (Failure is not null || cancellationToken.IsCancellationRequested || _pointsFinished == _points.Length)
                    {
                        Monitor.PulseAll(_sync);
                        unit = default;
                        position = -1;
                        return false;
                    }

                    for (int p = 0; p < _points.Length; p++)
                    {
                        PointState s = _points[p];
                        if (!s.Finished && s.NextToIssue < s.OwnedCount && s.NextToIssue - s.CompletedPrefix < _lookahead)
                        {
                            position = s.NextToIssue++;
                            unit = _plan.Unit(p, s.BatchAt(position));
                            return true;
                        }
                    }

                    // Everything issuable is in flight: wait for a completion (with a timeout to notice cancellation).
                    Monitor.Wait(_sync, 200);
                }
            }
        }

        /// <summary>
        /// Records a finished unit and returns the progress it makes, or null when its point had already finished (a
        /// speculative unit beyond the stop: nothing new to report, so every point reports its finish exactly once).
        /// </summary>
        public SweepProgress? Complete(WorkUnit unit, int position, LinkCounters counters)
        {
            lock (_sync)
            {
                PointState s = _points[unit.PointIndex];
                if (s.Finished)
                {
                    Monitor.PulseAll(_sync);
                    return null;
                }

                s.InFlight[position] = counters;

                while (!s.Finished && s.InFlight.Remove(s.CompletedPrefix, out LinkCounters done))
                {
                    s.Sum += done;
                    s.Records.Add(new BatchRecord(unit.PointIndex, s.BatchAt(s.CompletedPrefix), done));
                    s.CompletedPrefix++;
                    bool enoughErrors = _plan.MinBlockErrors > 0 && s.Sum.TransmissionErrors >= _plan.MinBlockErrors;
                    if (enoughErrors || s.CompletedPrefix == s.OwnedCount)
                    {
                        s.Finished = true;
                        s.InFlight.Clear(); // speculative results beyond the stop are not needed
                        _pointsFinished++;
                    }
                }

                Monitor.PulseAll(_sync);
                return new SweepProgress(unit.PointIndex, unit.SnrDb, s.Sum.Slots, s.MaxSlots, s.Sum.TransmissionErrors, s.Finished, _pointsFinished, _points.Length);
            }
        }

        public List<BatchRecord> Records()
        {
            lock (_sync)
            {
                var records = new List<BatchRecord>();
                foreach (PointState s in _points)
                {
                    records.AddRange(s.Records);
                }

                return records;
            }
        }
    }

    /// <summary>
    /// One point's share of a run: the batches this shard owns are b = first, first + N, first + 2N, … below the plan's
    /// batch count (shard i of N owns batch b of point p when (p + b) mod N = i), computed, never listed.
    /// </summary>
    private sealed class PointState
    {
        private readonly int _firstBatch;
        private readonly int _stride;

        public PointState(int pointIndex, ShardSpec shard, SweepPlan plan)
        {
            int batches = plan.MaxBatchesPerPoint;
            _stride = shard.Count;
            _firstBatch = (int)((((long)shard.Index - pointIndex) % shard.Count + shard.Count) % shard.Count);
            OwnedCount = _firstBatch < batches ? (int)(((long)batches - _firstBatch + _stride - 1) / _stride) : 0;

            // Every owned batch is full except the plan's last batch, which may be short.
            MaxSlots = (long)OwnedCount * plan.SlotsPerBatch;
            if (OwnedCount > 0 && BatchAt(OwnedCount - 1) == batches - 1)
            {
                MaxSlots -= ((long)batches * plan.SlotsPerBatch) - plan.MaxSlotsPerPoint;
            }
        }

        /// <summary>Batches this shard owns at this point.</summary>
        public int OwnedCount { get; }

        /// <summary>Results that arrived ahead of the completed prefix, by position (at most the look-ahead).</summary>
        public Dictionary<int, LinkCounters> InFlight { get; } = [];

        /// <summary>The records of the completed prefix.</summary>
        public List<BatchRecord> Records { get; } = [];

        public long MaxSlots { get; }

        public int NextToIssue { get; set; }

        public int CompletedPrefix { get; set; }

        public LinkCounters Sum { get; set; }

        public bool Finished { get; set; }

        /// <summary>The batch index of the owned batch at <paramref name="position"/>.</summary>
        public int BatchAt(int position) => (int)(_firstBatch + ((long)position * _stride));
    }
}
