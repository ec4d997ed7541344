using System;
using System.Diagnostics;
using System.Threading;

namespace OpenRan.Engine.Metrics;

/// <summary>
/// Durations of one pipeline (per slot): 5 µs buckets up to 20 ms plus an overflow bucket and the maximum, written by
/// any thread with interlocked increments (no locks, no allocation) and read as interval percentiles by the reporter.
/// </summary>
public sealed class LatencyHistogram
{
    private const int BucketMicroseconds = 5;
    private const int BucketCount = 4000;
    private readonly long[] _counts = new long[BucketCount + 1];
    private readonly long[] _previous = new long[BucketCount + 1];
    private readonly long[] _interval = new long[BucketCount + 1];
    private long _maxTicks;
    private long _intervalMaxTicks;

    /// <summary>Records one duration in <see cref="Stopwatch"/> ticks.</summary>
    public void Record(long ticks)
    {
        long us = ticks * 1_000_000 / Stopwatch.Frequency;
        int bucket = (int)Math.Min(us / BucketMicroseconds, BucketCount);
        Interlocked.Increment(ref _counts[bucket]);
        UpdateMax(ref _maxTicks, ticks);
        UpdateMax(ref _intervalMaxTicks, ticks);
    }

    /// <summary>The all-time maximum in µs.</summary>
    public double MaxMicroseconds => Volatile.Read(ref _maxTicks) * 1e6 / Stopwatch.Frequency;

    /// <summary>Percentiles of the records since the last call (one reader thread; allocates nothing): (count, p50, p99, max) in µs.</summary>
    public LatencySummary TakeInterval()
    {
        long total = 0;
        Span<long> diff = _interval; // one reader at a time: allocates nothing (callable from the slot thread)
        for (int i = 0; i <= BucketCount; i++)
        {
            long now = Volatile.Read(ref _counts[i]);
            diff[i] = now - _previous[i];
            _previous[i] = now;
            total += diff[i];
        }

        double max = Interlocked.Exchange(ref _intervalMaxTicks, 0) * 1e6 / Stopwatch.Frequency;
        return new LatencySummary(total, Percentile(diff, total, 0.5), Percentile(diff, total, 0.99), max);
    }

    private static double Percentile(ReadOnlySpan<long> counts, long total, double q)
    {
        if (total == 0)
        {
            return 0;
        }

        long rank = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return (i + 0.5) * BucketMicroseconds;
            }
        }

        return BucketCount * BucketMicroseconds;
    }

    private static void UpdateMax(ref long location, long value)
    {
        long current = Volatile.Read(ref location);
        while (value > current)
        {
            long seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
