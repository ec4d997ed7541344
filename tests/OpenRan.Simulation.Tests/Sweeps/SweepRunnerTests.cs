using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OpenRan.Simulation.Reporting;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Tests.Sweeps;

public class SweepRunnerTests
{
    private static SweepPlan Plan(long minErrors = 40) => new()
    {
        SnrDb = [-4, -1, 2, 5, 8, 11],
        SlotsPerBatch = 25,
        MaxSlotsPerPoint = 2000,
        MinBlockErrors = minErrors,
        Seed = 12345,
        SlotDurationSeconds = 0.5e-3,
        Title = "fake",
    };

    [Fact]
    public void Run_OneTwoAndFiveThreads_IdenticalResults()
    {
        SweepResult one = new SweepRunner(Plan(), () => new FakeLinkSimulator(), 1).Run(null, TestContext.Current.CancellationToken);
        SweepResult two = new SweepRunner(Plan(), () => new FakeLinkSimulator(), 2).Run(null, TestContext.Current.CancellationToken);
        SweepResult five = new SweepRunner(Plan(), () => new FakeLinkSimulator(), 5).Run(null, TestContext.Current.CancellationToken);
        Assert.Equal(one.Batches, two.Batches);
        Assert.Equal(one.Batches, five.Batches);
        Assert.Equal(SweepCsv.Format(one), SweepCsv.Format(two));
        Assert.Equal(SweepCsv.Format(one), SweepCsv.Format(five));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Run_MaxSlotsFarBeyondInt32_MemoryFollowsWorkNotTheLimit(int shardCount)
    {
        // Issue 13 §5: 2^31 slots per point died with OutOfMemoryException because the runner listed every batch of every
        // point up front. 1e11 slots in batches of 50 are 2e9 batches per point; the stopping rule ends each point early.
        var plan = new SweepPlan { SnrDb = [-20, -10, -5], SlotsPerBatch = 50, MaxSlotsPerPoint = 100_000_000_000, MinBlockErrors = 20, Seed = 3 };
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var shards = new List<SweepResult>();
        for (int i = 0; i < shardCount; i++)
        {
            shards.Add(new SweepRunner(plan, () => new FakeLinkSimulator(), 2, new ShardSpec(i, shardCount)).Run(null, TestContext.Current.CancellationToken));
        }

        SweepResult result = shardCount == 1 ? shards[0] : SweepResult.Merge(shards);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 64L << 20, "allocation grew with the slot limit");
        Assert.Equal(plan.SnrDb.Count, result.Points.Count);
        foreach (PointResult point in result.Points)
        {
            Assert.True(point.Counters.TransmissionErrors >= plan.MinBlockErrors);
            Assert.True(point.Counters.Slots < 10_000);
        }
    }

    [Fact]
    public void Validate_MoreThanInt32Batches_NamesTheBatchSizeNeeded()
    {
        var plan = new SweepPlan { SnrDb = [0], SlotsPerBatch = 10, MaxSlotsPerPoint = 100_000_000_000 };
        ArgumentException e = Assert.Throws<ArgumentException>(plan.Validate);
        Assert.Contains("at least 47", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_StoppingRule_UsesShortestPrefixReachingMinimumErrors()
    {
        SweepPlan plan = Plan();
        SweepResult result = new SweepRunner(plan, () => new FakeLinkSimulator(), 3).Run(null, TestContext.Current.CancellationToken);
        for (int p = 0; p < plan.SnrDb.Count; p++)
        {
            var batches = result.Batches.Where(b => b.PointIndex == p).OrderBy(b => b.BatchIndex).ToList();
            Assert.Equal(Enumerable.Range(0, batches.Count), batches.Select(b => b.BatchIndex));
            long total = batches.Sum(b => b.Counters.TransmissionErrors);
            long withoutLast = total - batches[^1].Counters.TransmissionErrors;
            Assert.True(withoutLast < plan.MinBlockErrors, $"point {p} ran past its stop");
            Assert.True(total >= plan.MinBlockErrors || batches.Count == plan.MaxBatchesPerPoint, $"point {p} stopped early");
            Assert.Equal(total, result.Points[p].Counters.TransmissionErrors);
        }

        // Low SNR stops after a few batches, high SNR runs to the slot limit.
        Assert.True(result.Points[0].Counters.Slots < 200);
        Assert.Equal(plan.MaxSlotsPerPoint, result.Points[^1].Counters.Slots);
    }

    [Fact]
    public void Merge_AllShards_EqualsSingleRun()
    {
        SweepPlan plan = Plan();
        SweepResult single = new SweepRunner(plan, () => new FakeLinkSimulator(), 2).Run(null, TestContext.Current.CancellationToken);
        var shards = new List<SweepResult>();
        for (int i = 2; i >= 0; i--)
        {
            // Through JSON, as shard files would travel.
            SweepResult shard = new SweepRunner(plan, () => new FakeLinkSimulator(), 2, new ShardSpec(i, 3)).Run(null, TestContext.Current.CancellationToken);
            Assert.Empty(shard.Points);
            shards.Add(SweepJson.Deserialize(SweepJson.Serialize(shard), $"shard {i}"));
        }

        SweepResult merged = SweepResult.Merge(shards);
        Assert.Equal(single.Batches, merged.Batches);
        Assert.Equal(SweepCsv.Format(single), SweepCsv.Format(merged));
    }

    [Fact]
    public void Merge_MissingShard_NamesTheMissingBatchAndShard()
    {
        SweepPlan plan = Plan();
        SweepResult a = new SweepRunner(plan, () => new FakeLinkSimulator(), 1, new ShardSpec(0, 2)).Run(null, TestContext.Current.CancellationToken);
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => SweepResult.Merge([a]));
        Assert.Contains("shard 1/2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_ShardsOfDifferentPlans_Refused()
    {
        SweepResult a = new SweepRunner(Plan(), () => new FakeLinkSimulator(), 1, new ShardSpec(0, 2)).Run(null, TestContext.Current.CancellationToken);
        SweepResult b = new SweepRunner(Plan() with { Seed = 1 }, () => new FakeLinkSimulator(), 1, new ShardSpec(1, 2)).Run(null, TestContext.Current.CancellationToken);
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => SweepResult.Merge([a, b]));
        Assert.Contains("different sweep", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_SameShardTwice_Refused()
    {
        SweepResult a = new SweepRunner(Plan(), () => new FakeLinkSimulator(), 1, new ShardSpec(0, 2)).Run(null, TestContext.Current.CancellationToken);
        Assert.Throws<InvalidOperationException>(() => SweepResult.Merge([a, a]));
    }

    [Fact]
    public void Run_ReportsProgressUntilEveryPointFinishes()
    {
        var reports = new List<SweepProgress>();
        var progress = new SynchronousProgress(r =>
        {
            lock (reports)
            {
                reports.Add(r);
            }
        });
        SweepResult result = new SweepRunner(Plan(), () => new FakeLinkSimulator(), 2).Run(progress, TestContext.Current.CancellationToken);
        Assert.Equal(6, reports.Max(r => r.PointsFinished));
        Assert.All(reports, r => Assert.True(r.SlotsDone <= r.MaxSlots));
        Assert.True(reports.Count >= result.Batches.Count);
    }

    [Fact]
    public void Run_SimulatorThrows_AggregateExceptionWithTheCause()
    {
        AggregateException e = Assert.Throws<AggregateException>(() =>
            new SweepRunner(Plan(), () => new FakeLinkSimulator { FailOn = u => u.PointIndex == 3 && u.BatchIndex == 1 }, 2).Run(null, TestContext.Current.CancellationToken));
        Assert.IsType<InvalidOperationException>(e.InnerException);
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => new SweepRunner(Plan(), () => new FakeLinkSimulator(), 2).Run(null, cts.Token));
    }

    [Fact]
    public void Unit_SeedsDependOnBatchNotOnSnrList_NoiseDependsOnSnrValue()
    {
        SweepPlan a = Plan();
        SweepPlan b = Plan() with { SnrDb = [11, 0.5] };
        WorkUnit ua = a.Unit(5, 3); // 11 dB, batch 3
        WorkUnit ub = b.Unit(0, 3); // 11 dB, batch 3
        Assert.Equal(ua.Seed, ub.Seed);
        Assert.Equal(ua.StreamSeed(RandomStreamKind.Noise), ub.StreamSeed(RandomStreamKind.Noise));
        Assert.Equal(ua.StreamSeed(RandomStreamKind.Channel), b.Unit(1, 3).StreamSeed(RandomStreamKind.Channel));
        Assert.NotEqual(ua.StreamSeed(RandomStreamKind.Noise), b.Unit(1, 3).StreamSeed(RandomStreamKind.Noise));
        Assert.NotEqual(ua.StreamSeed(RandomStreamKind.Channel), ua.StreamSeed(RandomStreamKind.Data));
    }

    [Fact]
    public void Unit_LastBatch_TruncatedToMaximumSlots()
    {
        SweepPlan plan = Plan() with { SlotsPerBatch = 300, MaxSlotsPerPoint = 1000 };
        Assert.Equal(4, plan.MaxBatchesPerPoint);
        Assert.Equal(100, plan.Unit(0, 3).SlotCount);
    }

    [Fact]
    public void Validate_BadValues_NameTheField()
    {
        Assert.Equal("SnrDb", Assert.Throws<ArgumentOutOfRangeException>(() => (Plan() with { SnrDb = [] }).Validate()).ParamName);
        Assert.Equal("SlotsPerBatch", Assert.Throws<ArgumentOutOfRangeException>(() => (Plan() with { SlotsPerBatch = 0 }).Validate()).ParamName);
        Assert.Equal("MinBlockErrors", Assert.Throws<ArgumentOutOfRangeException>(() => (Plan() with { MinBlockErrors = -1 }).Validate()).ParamName);
    }

    private sealed class SynchronousProgress(Action<SweepProgress> action) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => action(value);
    }
}
