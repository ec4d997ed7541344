using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Reporting;

/// <summary>
/// How a PUCCH sweep compares with its TS 38.104 requirement (an error probability at most P at a given SNR): the SNR where
/// the simulated error rate falls to P (log-linear interpolation between the bracketing points), the margin (requirement −
/// crossing, positive = better than required), the error rate measured at the requirement SNR when that point was simulated
/// (with its 95 % Clopper–Pearson upper bound), and the verdict. For the false-ACK (DTX-to-ACK) tests, whose rate does not
/// depend on the SNR, the verdict is the largest rate measured against P.
/// </summary>
/// <param name="TargetProbability">P.</param>
/// <param name="RequirementSnrDb">The SNR of the requirement.</param>
/// <param name="CrossingSnrDb">Where the rate reaches P (null when never).</param>
/// <param name="RateAtRequirement">The rate at the requirement SNR, when simulated there.</param>
/// <param name="UpperBoundAtRequirement">Its 95 % upper bound.</param>
/// <param name="FlatTest">True for the SNR-independent false-ACK tests.</param>
/// <param name="Verdict">Met, missed, not reached or undetermined.</param>
public sealed record PucchRequirementComparison(
    double TargetProbability, double RequirementSnrDb, double? CrossingSnrDb, double? RateAtRequirement, double? UpperBoundAtRequirement, bool FlatTest, RequirementVerdict Verdict)
{
    /// <summary>Margin in dB (requirement − crossing), or null.</summary>
    public double? MarginDb => CrossingSnrDb is double c ? RequirementSnrDb - c : null;

    /// <summary>Whether the requirement is met.</summary>
    public bool Passed => Verdict == RequirementVerdict.Met;

    /// <summary>Compares a whole PUCCH sweep with the requirement in its plan, or returns null when it has none.</summary>
    public static PucchRequirementComparison? For(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        IReadOnlyDictionary<string, string> d = result.Plan.Description;
        if (!d.TryGetValue(RequirementComparison.RequirementKey, out string? snrText) || !d.TryGetValue("requirement-probability", out string? pText))
        {
            return null;
        }

        double requirement = double.Parse(snrText, CultureInfo.InvariantCulture);
        double target = double.Parse(pText, CultureInfo.InvariantCulture);
        bool flat = d.TryGetValue("test", out string? test) && test == "DtxToAck";
        List<PointResult> points = [.. result.Points.Where(p => p.Counters.Transmissions > 0).OrderBy(p => p.SnrDb)];
        PointResult? at = points.FirstOrDefault(p => Math.Abs(p.SnrDb - requirement) < 1e-9);
        if (flat)
        {
            double worst = points.Count == 0 ? double.NaN : points.Max(p => p.Bler);
            RequirementVerdict flatVerdict = points.Count == 0 ? RequirementVerdict.NotReached : worst <= target ? RequirementVerdict.Met : RequirementVerdict.Missed;
            return new PucchRequirementComparison(target, requirement, null, at?.Bler ?? worst, at?.BlerUpper, true, flatVerdict);
        }

        double? crossing = Crossing(points, target, out bool bracketed);
        RequirementVerdict verdict = crossing switch
        {
            null => RequirementVerdict.NotReached,
            double x when x <= requirement => RequirementVerdict.Met,
            _ when !bracketed => RequirementVerdict.Undetermined,
            _ => RequirementVerdict.Missed,
        };
        return new PucchRequirementComparison(target, requirement, crossing, at?.Bler, at?.BlerUpper, false, verdict);
    }

    /// <summary>The SNR where the rate first falls to <paramref name="target"/>, log-linear between the bracketing points.</summary>
    private static double? Crossing(List<PointResult> points, double target, out bool bracketed)
    {
        bracketed = false;
        for (int i = 0; i < points.Count; i++)
        {
            if (!(points[i].Bler <= target))
            {
                continue;
            }

            if (i == 0)
            {
                return points[0].SnrDb;
            }

            PointResult above = points[i - 1];
            PointResult below = points[i];
            bracketed = true;

            // Interpolate log10(rate); a point without errors counts as a tenth of the target.
            double y0 = Math.Log10(above.Bler);
            double y1 = Math.Log10(Math.Max(below.Bler, target / 10));
            double t = y0 == y1 ? 1 : (y0 - Math.Log10(target)) / (y0 - y1);
            return above.SnrDb + (t * (below.SnrDb - above.SnrDb));
        }

        return null;
    }
}
