using System;
using System.Globalization;
using OpenRan.Simulation.Statistics;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Reporting;

/// <summary>How a sweep compares with a 3GPP performance requirement (70 % of maximum throughput).</summary>
/// <param name="RequirementSnrDb">The SNR at which the requirement asks for 70 %, or null when the sweep has none.</param>
/// <param name="AchievedSnrDb">The interpolated SNR at which the simulated throughput reaches 70 %, or null when it never does.</param>
/// <param name="Bracketed">True when the achieved SNR lies between two simulated points (false: at or below the lowest one).</param>
public sealed record RequirementComparison(double? RequirementSnrDb, double? AchievedSnrDb, bool Bracketed)
{
    /// <summary>The plan description key holding the requirement SNR in dB.</summary>
    public const string RequirementKey = "requirement-snr-db";

    /// <summary>The plan description key naming the requirement (table and row).</summary>
    public const string RequirementNameKey = "requirement";

    /// <summary>
    /// The plan description key set to <c>true</c> when the run was asked to check the requirement (<c>--requirement</c>):
    /// then any verdict but <see cref="RequirementVerdict.Met"/> is a failure (non-zero exit).
    /// </summary>
    public const string CheckedKey = "requirement-check";

    /// <summary>The requirement's name (TS 38.104 table and row), or null.</summary>
    public string? RequirementName { get; init; }

    /// <summary>Whether the run was asked to check the requirement (then anything but <see cref="RequirementVerdict.Met"/> fails).</summary>
    public bool Checked { get; init; }

    /// <summary>True when the requirement was asked for and is not shown to be met (missed, undetermined or not reached).</summary>
    public bool Failed => Checked && Verdict != RequirementVerdict.Met;

    /// <summary>
    /// Margin in dB: requirement − achieved (positive = better than required), or null. When the achieved SNR is not
    /// bracketed (70 % already at the lowest SNR simulated) the margin is a lower bound.
    /// </summary>
    public double? MarginDb => RequirementSnrDb is double r && AchievedSnrDb is double a ? r - a : null;

    /// <summary>The verdict against the requirement.</summary>
    public RequirementVerdict Verdict => (RequirementSnrDb, AchievedSnrDb) switch
    {
        (null, _) => RequirementVerdict.NoRequirement,
        (_, null) => RequirementVerdict.NotReached,
        (double r, double a) when a <= r => RequirementVerdict.Met,
        _ when !Bracketed => RequirementVerdict.Undetermined,
        _ => RequirementVerdict.Missed,
    };

    /// <summary>True when the requirement exists and is met (the 70 % point lies at or below the required SNR).</summary>
    public bool Passed => Verdict == RequirementVerdict.Met;

    /// <summary>Compares a whole sweep with the requirement stored in its plan description, if any.</summary>
    public static RequirementComparison For(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double? requirement = null;
        if (result.Plan.Description.TryGetValue(RequirementKey, out string? text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            requirement = value;
        }

        double? achieved = ThroughputRequirement.SnrAtShare(result.Points, ThroughputRequirement.RequiredShare, out bool bracketed);
        result.Plan.Description.TryGetValue(RequirementNameKey, out string? name);
        return new RequirementComparison(requirement, achieved, bracketed)
        {
            RequirementName = name,
            Checked = result.Plan.Description.TryGetValue(CheckedKey, out string? asked) && asked == "true",
        };
    }
}
