using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace OpenRan.Cli.Bench;

/// <summary>Times a prepared workload: warm-up, then repeated samples of a batch of operations, reporting the median.</summary>
public static class QuickBenchRunner
{
    /// <summary>Measures <paramref name="bench"/>.</summary>
    /// <param name="name">Benchmark name for the report.</param>
    /// <param name="bench">The workload.</param>
    /// <param name="samples">Number of timed samples (≥ 3).</param>
    /// <param name="sampleMilliseconds">Target duration of one sample; the batch size is chosen to reach it.</param>
    public static QuickBenchResult Measure(string name, PreparedBenchmark bench, int samples, double sampleMilliseconds)
    {
        if (samples < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "samples must be at least 3.");
        }

        if (!(sampleMilliseconds > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleMilliseconds), sampleMilliseconds, "sample duration must be > 0 ms.");
        }

        // Warm-up: at least three calls and twice the sample duration, so that JIT compilation (and tier-up, where it
        // is enabled) is over before the batch size is calibrated.
        var watch = Stopwatch.StartNew();
        for (int calls = 0; calls < 3 || watch.Elapsed.TotalMilliseconds < 2 * sampleMilliseconds; calls++)
        {
            bench.Operation();
        }

        // Calibration: the number of operations one timed sample needs to last about sampleMilliseconds.
        int batch = 1;
        while (true)
        {
            watch.Restart();
            for (int i = 0; i < batch; i++)
            {
                bench.Operation();
            }

            double ms = watch.Elapsed.TotalMilliseconds;
            if (ms >= sampleMilliseconds || batch >= 1 << 24)
            {
                break;
            }

            batch = ms <= 0 ? batch * 16 : Math.Max(batch * 2, (int)Math.Min(1 << 24, batch * sampleMilliseconds / ms));
        }

        // Bytes per operation in steady state: the smallest count of any sample. An allocation the operation makes shows in
        // every sample; a one-off on this thread (the runtime's own, e.g. under load with small batches) in one only.
        var perOp = new double[samples];
        long allocated = long.MaxValue;
        for (int s = 0; s < samples; s++)
        {
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            for (int i = 0; i < batch; i++)
            {
                bench.Operation();
            }

            perOp[s] = watch.Elapsed.TotalMicroseconds / batch;
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        }

        Array.Sort(perOp);
        double median = Percentile(perOp, 0.5);
        return new QuickBenchResult(
            name,
            bench.Parameters,
            samples,
            batch,
            median,
            Percentile(perOp, 0.1),
            Percentile(perOp, 0.9),
            bench.WorkPerOperation / (median * 1e-6),
            bench.WorkUnit + "/s",
            allocated / (double)batch,
            bench.RealTimeBudgetMicroseconds);
    }

    private static double Percentile(double[] sorted, double p)
    {
        double pos = p * (sorted.Length - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((pos - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>Formats parameters as <c>k=v, k=v</c>.</summary>
    public static string FormatParameters(IReadOnlyDictionary<string, string> parameters) =>
        string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value}"));
}
