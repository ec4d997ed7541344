using System;
using System.Collections.Generic;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Statistics;

/// <summary>
/// The SNR at which a throughput curve first reaches a share of its maximum (the 3GPP performance requirements use 70 %,
/// e.g. TS 38.104 §8.2.1): linear interpolation in dB between the last point below the target and the first point at or
/// above it, scanning the points in increasing SNR.
/// </summary>
public static class ThroughputRequirement
{
    /// <summary>The share of the maximum throughput the NR demodulation requirements specify (70 %).</summary>
    public const double RequiredShare = 0.7;

    /// <summary>
    /// The interpolated SNR in dB where <paramref name="points"/> reach <paramref name="share"/>, or null when no point
    /// reaches it. When the lowest SNR already reaches it, that SNR is returned with <paramref name="bracketed"/> false
    /// (the true crossing is at or below it).
    /// </summary>
    public static double? SnrAtShare(IReadOnlyList<PointResult> points, double share, out bool bracketed)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = new List<PointResult>(points);
        sorted.Sort((a, b) => a.SnrDb.CompareTo(b.SnrDb));
        bracketed = false;
        for (int i = 0; i < sorted.Count; i++)
        {
            double y = sorted[i].ThroughputShare;
            if (double.IsNaN(y) || y < share)
            {
                continue;
            }

            if (i == 0 || double.IsNaN(sorted[i - 1].ThroughputShare))
            {
                return sorted[i].SnrDb;
            }

            PointResult below = sorted[i - 1];
            bracketed = true;
            double t = (share - below.ThroughputShare) / (y - below.ThroughputShare);
            return below.SnrDb + (t * (sorted[i].SnrDb - below.SnrDb));
        }

        return null;
    }
}
