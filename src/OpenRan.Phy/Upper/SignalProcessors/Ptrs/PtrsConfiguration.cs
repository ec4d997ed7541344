using System;
using System.Collections.Generic;

namespace OpenRan.Phy.Upper.SignalProcessors.Ptrs;

/// <summary>
/// Immutable PT-RS configuration for PDSCH (TS 38.211 §7.4.1.2) or PUSCH without transform precoding (§6.4.1.2.1.1),
/// one PT-RS port associated with one DM-RS port. The densities come from TS 38.214 §5.1.6.3 / §6.2.3.1 (MCS and
/// bandwidth thresholds), decided by the scheduler.
/// </summary>
public sealed record PtrsConfiguration
{
    /// <summary>L_PT-RS, the time density: a PT-RS symbol every 1, 2 or 4 symbols.</summary>
    public int TimeDensity { get; init; } = 1;

    /// <summary>K_PT-RS, the frequency density: one PT-RS subcarrier every 2 or 4 resource blocks.</summary>
    public int FrequencyDensity { get; init; } = 2;

    /// <summary><c>resourceElementOffset</c>: 0..3 for offset00, offset01, offset10, offset11.</summary>
    public int ResourceElementOffset { get; init; }

    /// <summary>The layer (index into the DM-RS port list) whose DM-RS port the PT-RS port is associated with; the PDSCH rule is the lowest port, layer 0 when ports are ascending.</summary>
    public int AssociatedLayer { get; init; }

    /// <summary>
    /// PT-RS amplitude relative to data in dB; null for the specification value for epre-Ratio / ptrs-Power 0:
    /// 10·log10(number of layers) (TS 38.214 Table 4.1-2 and Table 6.2.3.1-3).
    /// </summary>
    public double? PowerBoostDb { get; init; }

    /// <summary>The problems of this configuration for <paramref name="layerCount"/> layers; empty when valid.</summary>
    public IReadOnlyList<string> Validate(int layerCount)
    {
        var problems = new List<string>();
        if (TimeDensity is not (1 or 2 or 4))
        {
            problems.Add($"Ptrs.TimeDensity = {TimeDensity}; valid: 1, 2, 4");
        }

        if (FrequencyDensity is not (2 or 4))
        {
            problems.Add($"Ptrs.FrequencyDensity = {FrequencyDensity}; valid: 2, 4");
        }

        if (ResourceElementOffset is < 0 or > 3)
        {
            problems.Add($"Ptrs.ResourceElementOffset = {ResourceElementOffset}; valid: 0..3 (offset00..offset11)");
        }

        if (AssociatedLayer < 0 || AssociatedLayer >= layerCount)
        {
            problems.Add($"Ptrs.AssociatedLayer = {AssociatedLayer}; valid: 0..{layerCount - 1}");
        }

        if (PowerBoostDb is { } db && (!double.IsFinite(db) || db < -20 || db > 20))
        {
            problems.Add($"Ptrs.PowerBoostDb = {db}; valid: −20..20 dB");
        }

        return problems;
    }

    /// <summary>β_PT-RS as an amplitude for <paramref name="layerCount"/> layers.</summary>
    public float Beta(int layerCount) => (float)Math.Pow(10, (PowerBoostDb ?? (10 * Math.Log10(layerCount))) / 20);
}
