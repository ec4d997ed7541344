using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenRan.Simulation.Sweeps;

/// <summary>
/// The outcome of a sweep or of one shard of it: the plan, the shard, and the counts of every batch it computed. The
/// per-point results (<see cref="Points"/>) exist for whole sweeps only — a single run, or the merge of all shards —
/// and are computed by one function from the batch records, so both give identical outputs.
/// </summary>
public sealed record SweepResult
{
    /// <summary>The file format version written to JSON.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The file format version.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>The sweep.</summary>
    public required SweepPlan Plan { get; init; }

    /// <summary>Which slice this is (0/1 for a whole sweep).</summary>
    public ShardSpec Shard { get; init; } = ShardSpec.Single;

    /// <summary>The plan's fingerprint (checked when merging).</summary>
    public string PlanFingerprint { get; init; } = "";

    /// <summary>Batch counts in (point, batch) order: for a whole sweep exactly the batches the stopping rule uses.</summary>
    public required IReadOnlyList<BatchRecord> Batches { get; init; }

    /// <summary>Wall-clock seconds spent (sum over merged shards).</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>Worker threads used (the largest over merged shards).</summary>
    public int ThreadCount { get; init; }

    /// <summary>Per-point results; empty for a shard (only a merge of all shards has complete points).</summary>
    public IReadOnlyList<PointResult> Points { get; init; } = [];

    /// <summary>
    /// Builds the result of a whole sweep from batch records (of one run or of all shards): keeps for every point the
    /// prefix of batches the stopping rule uses, drops any computed beyond it, and summarises every point.
    /// </summary>
    /// <exception cref="InvalidOperationException">A batch of some point's prefix is missing (e.g. a shard is absent or incomplete) or a batch appears twice.</exception>
    public static SweepResult Complete(SweepPlan plan, IEnumerable<BatchRecord> records, double elapsedSeconds, int threadCount, int shardCount = 1)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(records);
        var byPoint = new Dictionary<(int, int), LinkCounters>();
        foreach (BatchRecord record in records)
        {
            if (record.PointIndex < 0 || record.PointIndex >= plan.SnrDb.Count || record.BatchIndex < 0 || record.BatchIndex >= plan.MaxBatchesPerPoint)
            {
                throw new InvalidOperationException($"batch {record.BatchIndex} of point {record.PointIndex} does not belong to the plan ({plan.SnrDb.Count} points, {plan.MaxBatchesPerPoint} batches each).");
            }

            if (!byPoint.TryAdd((record.PointIndex, record.BatchIndex), record.Counters))
            {
                throw new InvalidOperationException($"batch {record.BatchIndex} of point {record.PointIndex} appears twice (the same shard merged twice?).");
            }
        }

        var used = new List<BatchRecord>();
        var points = new List<PointResult>();
        for (int p = 0; p < plan.SnrDb.Count; p++)
        {
            int point = p;
            int count = plan.UsedBatchCount(b => byPoint.TryGetValue((point, b), out LinkCounters c) ? c : null, out int missing);
            if (missing >= 0)
            {
                string owner = shardCount > 1 ? $" (shard {new ShardSpec((p + missing) % shardCount, shardCount)})" : "";
                throw new InvalidOperationException(
                    $"point {p} (SNR {plan.SnrDb[p]} dB) needs batch {missing}{owner}, which no result contains: merge every shard, each run to completion.");
            }

            var sum = default(LinkCounters);
            for (int b = 0; b < count; b++)
            {
                LinkCounters c = byPoint[(p, b)];
                sum += c;
                used.Add(new BatchRecord(p, b, c));
            }

            points.Add(PointResult.Create(plan.SnrDb[p], sum, count, plan.SlotDurationSeconds));
        }

        return new SweepResult
        {
            Plan = plan,
            Shard = ShardSpec.Single,
            PlanFingerprint = plan.Fingerprint(),
            Batches = used,
            Points = points,
            ElapsedSeconds = elapsedSeconds,
            ThreadCount = threadCount,
        };
    }

    /// <summary>
    /// Merges the results of all shards of one sweep into the whole-sweep result (identical to a single run's).
    /// </summary>
    /// <exception cref="InvalidOperationException">The shards belong to different sweeps, repeat, or leave a needed batch out.</exception>
    public static SweepResult Merge(IReadOnlyList<SweepResult> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0)
        {
            throw new InvalidOperationException("nothing to merge: no shard results given.");
        }

        SweepResult first = shards[0];
        string fingerprint = first.Plan.Fingerprint();
        var seen = new HashSet<int>();
        foreach (SweepResult shard in shards)
        {
            if (shard.Format != CurrentFormat)
            {
                throw new InvalidOperationException($"shard {shard.Shard} has format {shard.Format}; this version reads format {CurrentFormat}.");
            }

            if (shard.Plan.Fingerprint() != fingerprint)
            {
                throw new InvalidOperationException($"shard {shard.Shard} belongs to a different sweep (plan fingerprint {shard.Plan.Fingerprint()[..12]}… vs {fingerprint[..12]}…): shards must come from the same command and configuration.");
            }

            if (shard.Shard.Count != first.Shard.Count)
            {
                throw new InvalidOperationException($"shard {shard.Shard} comes from a {shard.Shard.Count}-way split but shard {first.Shard} from a {first.Shard.Count}-way split.");
            }

            if (!seen.Add(shard.Shard.Index))
            {
                throw new InvalidOperationException($"shard {shard.Shard} is given twice.");
            }
        }

        IEnumerable<BatchRecord> records = shards.SelectMany(s => s.Batches);
        return Complete(first.Plan, records, shards.Sum(s => s.ElapsedSeconds), shards.Max(s => s.ThreadCount), first.Shard.Count);
    }
}
