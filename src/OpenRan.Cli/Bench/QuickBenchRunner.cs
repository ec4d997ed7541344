using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace OpenRan.Cli.Bench;

/// <summary>
/// Times a prepared workload: warm-up until JIT compilation has settled (the hot code is fully optimized), then repeated
/// samples of a batch of operations, reporting the median.
/// </summary>
/// <remarks>
/// With tiered compilation a method first runs unoptimized code and is recompiled optimized on a background thread only
/// after it has been called 30 times and no new method has started for the call-counting delay (100 ms); callees tier
/// up separately, and on a busy machine the background compiler can lag by seconds. A fixed warm-up therefore can time
/// unoptimized code (FFT 4096 at 82 µs instead of 5.7 µs). The warm-up instead runs the workload in rounds until the
/// process's count of JIT-compiled methods (<see cref="JitInfo.GetCompiledMethodCount"/>) has not grown for
/// <see cref="SettleWindowMilliseconds"/>, and the timed part is repeated if any method was compiled during it.
/// </remarks>
public static class QuickBenchRunner
{
    /// <summary>
    /// How long the count of compiled methods must stay unchanged for compilation to count as settled (ms): 500, or five
    /// call-counting delays when <c>DOTNET_TC_CallCountingDelayMs</c> sets a longer delay than the default 100 ms.
    /// </summary>
    public static double SettleWindowMilliseconds { get; } = Math.Max(500, 5 * CallCountingDelayMilliseconds());

    /// <summary>The default limit of the warm-up (ms); past it the figures are reported with <c>JitSettled = false</c>.</summary>
    public const double DefaultMaxWarmupMilliseconds = 30_000;

    /// <summary>Duration of one warm-up sample (ms): short, so that the measuring code itself is called often enough to tier up.</summary>
    private const double WarmupSampleMilliseconds = 2;

    /// <summary>Fewest warm-up rounds (each at least the settle window long, and at least 64 operations).</summary>
    private const int MinimumWarmupRounds = 2;

    /// <summary>How many times the calibration and timed samples are repeated when a method was compiled during them.</summary>
    private const int MaximumMeasurementAttempts = 4;

    /// <summary>Measures <paramref name="bench"/>.</summary>
    /// <param name="name">Benchmark name for the report.</param>
    /// <param name="bench">The workload.</param>
    /// <param name="samples">Number of timed samples (≥ 3).</param>
    /// <param name="sampleMilliseconds">Target duration of one sample; the batch size is chosen to reach it.</param>
    /// <param name="maxWarmupMilliseconds">Limit of the warm-up that waits for JIT compilation to settle (&gt; 0).</param>
    public static QuickBenchResult Measure(string name, PreparedBenchmark bench, int samples, double sampleMilliseconds, double maxWarmupMilliseconds = DefaultMaxWarmupMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(bench);
        if (samples < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "samples must be at least 3.");
        }

        if (!(sampleMilliseconds > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleMilliseconds), sampleMilliseconds, "sample duration must be > 0 ms.");
        }

        if (!(maxWarmupMilliseconds > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxWarmupMilliseconds), maxWarmupMilliseconds, "warm-up limit must be > 0 ms.");
        }

        var warmup = Stopwatch.StartNew();
        var perOp = new double[samples];
        bool settled = false;
        long compiledDuringMeasurement = 0;
        int batch = 1;
        long allocated = long.MaxValue;
        double warmupMilliseconds = 0;
        for (int attempt = 0; attempt < MaximumMeasurementAttempts; attempt++)
        {
            settled = WarmUp(bench, warmup, maxWarmupMilliseconds);
            warmupMilliseconds = warmup.Elapsed.TotalMilliseconds;

            long compiledBefore = JitInfo.GetCompiledMethodCount();
            batch = Calibrate(bench, sampleMilliseconds);

            // Bytes per operation in steady state: the smallest count of any sample. An allocation the operation makes
            // shows in every sample; a one-off on this thread (the runtime's own, e.g. under load with small batches) in one.
            allocated = long.MaxValue;
            for (int s = 0; s < samples; s++)
            {
                (double microseconds, long bytes) = RunSample(bench, batch);
                perOp[s] = microseconds / batch;
                allocated = Math.Min(allocated, bytes);
            }

            compiledDuringMeasurement = JitInfo.GetCompiledMethodCount() - compiledBefore;
            if (compiledDuringMeasurement == 0 || warmup.Elapsed.TotalMilliseconds >= maxWarmupMilliseconds)
            {
                break;
            }
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
            bench.RealTimeBudgetMicroseconds,
            settled && compiledDuringMeasurement == 0,
            warmupMilliseconds,
            compiledDuringMeasurement);
    }

    /// <summary>
    /// Runs the workload in rounds of short samples until the count of compiled methods has been stable for the settle
    /// window (true), or until <paramref name="clock"/> passes <paramref name="maxMilliseconds"/> (false).
    /// </summary>
    private static bool WarmUp(PreparedBenchmark bench, Stopwatch clock, double maxMilliseconds)
    {
        int batch = Calibrate(bench, WarmupSampleMilliseconds);
        long compiled = JitInfo.GetCompiledMethodCount();
        double stableSince = clock.Elapsed.TotalMilliseconds;
        for (int round = 1; ; round++)
        {
            var roundClock = Stopwatch.StartNew();
            for (int operations = 0; operations < 64 || roundClock.Elapsed.TotalMilliseconds < SettleWindowMilliseconds / 2; operations += batch)
            {
                RunSample(bench, batch);
            }

            long now = JitInfo.GetCompiledMethodCount();
            double elapsed = clock.Elapsed.TotalMilliseconds;
            if (now != compiled)
            {
                compiled = now;
                stableSince = elapsed;
            }
            else if (round >= MinimumWarmupRounds && elapsed - stableSince >= SettleWindowMilliseconds)
            {
                return true;
            }

            if (elapsed >= maxMilliseconds)
            {
                return false;
            }
        }
    }

    /// <summary>The number of operations one sample needs to last about <paramref name="sampleMilliseconds"/>.</summary>
    private static int Calibrate(PreparedBenchmark bench, double sampleMilliseconds)
    {
        int batch = 1;
        while (true)
        {
            double ms = RunSample(bench, batch).Microseconds / 1000;
            if (ms >= sampleMilliseconds || batch >= 1 << 24)
            {
                return batch;
            }

            batch = ms <= 0 ? batch * 16 : Math.Max(batch * 2, (int)Math.Min(1 << 24, batch * sampleMilliseconds / ms));
        }
    }

    /// <summary>
    /// Times <paramref name="batch"/> operations: elapsed microseconds and bytes allocated on this thread. Compiled fully
    /// optimized from the start (it is the timing loop itself, called too few times to tier up); its callees tier up in
    /// the warm-up.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static (double Microseconds, long Bytes) RunSample(PreparedBenchmark bench, int batch)
    {
        Action operation = bench.Operation;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < batch; i++)
        {
            operation();
        }

        long stop = Stopwatch.GetTimestamp();
        long bytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return ((stop - start) * 1e6 / Stopwatch.Frequency, bytes);
    }

    /// <summary>The runtime's call-counting delay: <c>DOTNET_TC_CallCountingDelayMs</c> (or <c>COMPlus_</c>; the runtime reads it as hexadecimal) or the default 100 ms.</summary>
    private static double CallCountingDelayMilliseconds()
    {
        string? text = Environment.GetEnvironmentVariable("DOTNET_TC_CallCountingDelayMs") ?? Environment.GetEnvironmentVariable("COMPlus_TC_CallCountingDelayMs");
        return text is not null && long.TryParse(text.Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out long value) && value >= 0
            ? value
            : 100;
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
