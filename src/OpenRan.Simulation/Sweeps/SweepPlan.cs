using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using OpenRan.Dsp;
using OpenRan.Simulation.Randomness;

namespace OpenRan.Simulation.Sweeps;

/// <summary>
/// A sweep: SNR points, each simulated in batches of <see cref="SlotsPerBatch"/> slots until the stopping rule holds —
/// at least <see cref="MinBlockErrors"/> transmission errors, or <see cref="MaxSlotsPerPoint"/> slots. Batch b of point p
/// is the work unit with seed Derive(<see cref="Seed"/>, b); results are the sums over the shortest prefix of batches
/// 0, 1, … that satisfies the rule, so they do not depend on thread count or sharding.
/// </summary>
public sealed record SweepPlan
{
    /// <summary>The SNR points in dB (1 … 1000 values, each −100 … 100).</summary>
    public required IReadOnlyList<double> SnrDb { get; init; }

    /// <summary>Slots per work unit (1 … 1000000).</summary>
    public int SlotsPerBatch { get; init; } = 50;

    /// <summary>The most slots simulated per SNR point (≥ 1).</summary>
    public long MaxSlotsPerPoint { get; init; } = 1000;

    /// <summary>A point stops once its transmission errors reach this count (0 = always run to <see cref="MaxSlotsPerPoint"/>).</summary>
    public long MinBlockErrors { get; init; } = 100;

    /// <summary>The master seed.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Slot duration in seconds (for throughput in Mbit/s), e.g. 1e-3 at 15 kHz.</summary>
    public double SlotDurationSeconds { get; init; } = 1e-3;

    /// <summary>A title for plots and reports.</summary>
    public string Title { get; init; } = "";

    /// <summary>The configuration that produced the sweep (name → value); part of the plan's identity, so shards of different configurations do not merge.</summary>
    public IReadOnlyDictionary<string, string> Description { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The most batches a point may have (batch indices are 32-bit): ⌈MaxSlotsPerPoint / SlotsPerBatch⌉ ≤ 2^31 − 1.</summary>
    public const int MaxBatchCount = int.MaxValue;

    /// <summary>Number of batches a point can have: ⌈MaxSlotsPerPoint / SlotsPerBatch⌉ (valid plans only).</summary>
    public int MaxBatchesPerPoint => (int)Math.Min(MaxBatchCount, BatchCount(MaxSlotsPerPoint, SlotsPerBatch));

    /// <summary>⌈<paramref name="maxSlots"/> / <paramref name="slotsPerBatch"/>⌉ without overflow.</summary>
    public static long BatchCount(long maxSlots, int slotsPerBatch) => slotsPerBatch <= 0 ? long.MaxValue : (maxSlots / slotsPerBatch) + (maxSlots % slotsPerBatch == 0 ? 0 : 1);

    /// <summary>Checks every value, throwing with the bad one named.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(SnrDb);
        ThrowHelper.ThrowIfOutside(SnrDb.Count, 1, 1000, nameof(SnrDb));
        for (int i = 0; i < SnrDb.Count; i++)
        {
            if (!(SnrDb[i] >= -100 && SnrDb[i] <= 100))
            {
                ThrowHelper.ThrowOutOfRange($"{nameof(SnrDb)}[{i}]", SnrDb[i], "−100 … 100 dB");
            }
        }

        ThrowHelper.ThrowIfOutside(SlotsPerBatch, 1, 1_000_000);
        if (MaxSlotsPerPoint < 1 || MaxSlotsPerPoint > 100_000_000_000)
        {
            ThrowHelper.ThrowOutOfRange(nameof(MaxSlotsPerPoint), MaxSlotsPerPoint, "1 … 1e11");
        }

        if (MinBlockErrors < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(MinBlockErrors), MinBlockErrors, "≥ 0");
        }

        if (!(SlotDurationSeconds > 0 && SlotDurationSeconds <= 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(SlotDurationSeconds), SlotDurationSeconds, "0 < duration ≤ 1 s");
        }

        if (BatchCount(MaxSlotsPerPoint, SlotsPerBatch) > MaxBatchCount)
        {
            ThrowHelper.ThrowArgument(nameof(SlotsPerBatch), $"{MaxSlotsPerPoint} slots in batches of {SlotsPerBatch} make more than 2^31 − 1 batches per point: raise SlotsPerBatch to at least {BatchCount(MaxSlotsPerPoint, MaxBatchCount)} or lower MaxSlotsPerPoint.");
        }
    }

    /// <summary>The work unit for batch <paramref name="batchIndex"/> of point <paramref name="pointIndex"/>.</summary>
    public WorkUnit Unit(int pointIndex, int batchIndex)
    {
        long first = (long)batchIndex * SlotsPerBatch;
        int slots = (int)Math.Min(SlotsPerBatch, MaxSlotsPerPoint - first);
        return new WorkUnit(pointIndex, SnrDb[pointIndex], batchIndex, slots, SeedSequence.Derive(Seed, (ulong)batchIndex));
    }

    /// <summary>
    /// Applies the stopping rule to the batches of one point in order: returns the number of batches the point uses
    /// (the shortest prefix reaching <see cref="MinBlockErrors"/>, else all), or the index of the first missing batch of
    /// that prefix (<paramref name="missingBatch"/> ≥ 0) when <paramref name="batch"/> has no result for it.
    /// </summary>
    public int UsedBatchCount(Func<int, LinkCounters?> batch, out int missingBatch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        long errors = 0;
        for (int b = 0; b < MaxBatchesPerPoint; b++)
        {
            if (batch(b) is not LinkCounters counters)
            {
                missingBatch = b;
                return b;
            }

            errors += counters.TransmissionErrors;
            if (MinBlockErrors > 0 && errors >= MinBlockErrors)
            {
                missingBatch = -1;
                return b + 1;
            }
        }

        missingBatch = -1;
        return MaxBatchesPerPoint;
    }

    /// <summary>A SHA-256 over every field (description included), used to refuse merging shards of different sweeps.</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"snr={string.Join(",", SnrDb.Select(s => s.ToString("R", CultureInfo.InvariantCulture)))};");
        text.Append(CultureInfo.InvariantCulture, $"batch={SlotsPerBatch};max={MaxSlotsPerPoint};minErr={MinBlockErrors};seed={Seed};slot={SlotDurationSeconds:R};title={Title};");
        foreach (KeyValuePair<string, string> entry in Description.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{entry.Key}={entry.Value};");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
