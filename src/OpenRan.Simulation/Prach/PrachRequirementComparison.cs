using System;
using System.Collections.Generic;
using System.Globalization;
using OpenRan.Simulation.Reporting;
using OpenRan.Simulation.Statistics;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Prach;

/// <summary>
/// How a PRACH detection sweep compares with its TS 38.104 §8.4.2 requirement: the SNR at which the probability of
/// detection reaches 99 % (miss rate 1 %, linear interpolation between the last point above 1 % and the first at or below,
/// scanning upwards), the margin (requirement − crossing) and the verdict; for a noise-only sweep, the false-alarm rate
/// against 0.1 % (§8.4.1).
/// </summary>
/// <param name="RequirementSnrDb">The required SNR, or null when the sweep has none.</param>
/// <param name="CrossingSnrDb">The SNR where detection reaches 99 %, or null when it never does.</param>
/// <param name="Bracketed">True when the crossing lies between two simulated points (false: at the lowest one or none).</param>
public sealed record PrachRequirementComparison(double? RequirementSnrDb, double? CrossingSnrDb, bool Bracketed)
{
    /// <summary>The required probability of detection (99 %).</summary>
    public const double RequiredDetection = 0.99;

    /// <summary>The largest allowed false-alarm probability (0.1 %).</summary>
    public const double MaxFalseAlarm = 1e-3;

    /// <summary>The margin in dB (positive = better than required); a lower bound when not bracketed.</summary>
    public double? MarginDb => RequirementSnrDb is double r && CrossingSnrDb is double c ? r - c : null;

    /// <summary>The verdict.</summary>
    public RequirementVerdict Verdict => (RequirementSnrDb, CrossingSnrDb) switch
    {
        (null, _) => RequirementVerdict.NoRequirement,
        (_, null) => RequirementVerdict.NotReached,
        (double r, double c) when c <= r => RequirementVerdict.Met,
        _ when !Bracketed => RequirementVerdict.Undetermined,
        _ => RequirementVerdict.Missed,
    };

    /// <summary>Compares a whole detection sweep with the requirement in its plan description.</summary>
    public static PrachRequirementComparison For(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double? requirement = null;
        if (result.Plan.Description.TryGetValue(PrachSimulationSetup.RequirementKey, out string? text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            requirement = value;
        }

        var sorted = new List<PointResult>(result.Points);
        sorted.Sort((a, b) => a.SnrDb.CompareTo(b.SnrDb));
        const double target = 1 - RequiredDetection;
        for (int i = 0; i < sorted.Count; i++)
        {
            double miss = sorted[i].Bler;
            if (double.IsNaN(miss) || miss > target)
            {
                continue;
            }

            if (i == 0)
            {
                return new PrachRequirementComparison(requirement, sorted[i].SnrDb, false);
            }

            PointResult below = sorted[i - 1];
            double t = (below.Bler - target) / (below.Bler - miss);
            return new PrachRequirementComparison(requirement, below.SnrDb + (t * (sorted[i].SnrDb - below.SnrDb)), true);
        }

        return new PrachRequirementComparison(requirement, null, false);
    }

    /// <summary>The false-alarm rate of a noise-only sweep over all its points, with the 95 % Clopper–Pearson interval.</summary>
    public static (long Occasions, long FalseAlarms, double Rate, double Lower, double Upper) FalseAlarms(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        long occasions = 0, alarms = 0;
        foreach (PointResult p in result.Points)
        {
            occasions += p.Counters.Transmissions;
            alarms += p.Counters.TransmissionErrors;
        }

        (double lower, double upper) = ClopperPearson.Interval(alarms, occasions);
        return (occasions, alarms, occasions == 0 ? double.NaN : (double)alarms / occasions, lower, upper);
    }
}
