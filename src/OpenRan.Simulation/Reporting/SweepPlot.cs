using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using OpenRan.Simulation.Statistics;
using OpenRan.Simulation.Sweeps;
using ScottPlot;

namespace OpenRan.Simulation.Reporting;

/// <summary>
/// Plots a whole link sweep (<see cref="ResultFigure"/>): on the left BLER per transmission and residual BLER after HARQ
/// versus SNR on a logarithmic axis with their 95 % intervals; on the right the throughput as a share of the maximum with
/// its interval, the 70 % line, the 3GPP requirement, the measured 70 % crossing, the margin and the verdict. The title
/// names the link, FRC/MCS, channel with correlation, antennas and CSI; the line under it slots per point, HARQ and seed.
/// </summary>
public static class SweepPlot
{
    /// <summary>The x-axis label of the link sweeps.</summary>
    public const string SnrLabel = "SNR per RE per Rx antenna (dB)";

    /// <summary>Writes the plot of <paramref name="result"/> to <paramref name="path"/>.</summary>
    /// <param name="result">A whole-sweep result.</param>
    /// <param name="path">The image file.</param>
    /// <param name="format">PNG or SVG.</param>
    public static void Write(SweepResult result, string path, PlotFormat format = PlotFormat.Png)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Create(result).Save(path, format);
    }

    /// <summary>The figure of <paramref name="result"/>.</summary>
    public static ResultFigure Create(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        List<PointResult> points = [.. result.Points.OrderBy(p => p.SnrDb)];
        double[] snr = [.. points.Select(p => p.SnrDb)];
        string title = string.IsNullOrWhiteSpace(result.Plan.Title) ? "OpenRan link simulation" : result.Plan.Title;
        var figure = new ResultFigure(title, Configuration(result, "slots"), panelCount: 2, panelWidth: 900);
        RequirementComparison comparison = RequirementComparison.For(result);

        Plot left = figure.Panel(0);
        left.Title("BLER versus SNR");
        var residual = points.Select(p => ClopperPearson.Interval(p.Counters.ResidualErrors, p.Counters.TransportBlocks)).ToArray();
        int bottom = ResultPlotStyle.LogProbabilityAxis(left,
            points.SelectMany(p => new[] { p.Bler, p.BlerUpper, p.ResidualBler }).Concat(residual.Select(r => r.Upper)), "block error rate");
        ResultPlotStyle.AddCurve(left, snr, [.. points.Select(p => p.Bler)], [.. points.Select(p => p.BlerLower)], [.. points.Select(p => p.BlerUpper)],
            "BLER per transmission", ResultPlotStyle.Primary, logY: true, bottom);
        ResultPlotStyle.AddCurve(left, snr, [.. points.Select(p => p.ResidualBler)], [.. residual.Select(r => r.Lower)], [.. residual.Select(r => r.Upper)],
            HarqLabel(result), ResultPlotStyle.Secondary, logY: true, bottom);
        ResultPlotStyle.SnrAxis(left, snr, SnrLabel, comparison.RequirementSnrDb, comparison.AchievedSnrDb);
        ResultPlotStyle.Legend(left);

        Plot right = figure.Panel(1);
        right.Title("throughput versus SNR");
        ResultPlotStyle.AddCurve(right, snr, [.. points.Select(p => 100 * p.ThroughputShare)], [.. points.Select(p => 100 * p.ThroughputShareLower)],
            [.. points.Select(p => 100 * p.ThroughputShareUpper)], "throughput", ResultPlotStyle.Primary, logY: false);
        ResultPlotStyle.AddTarget(right, 100 * ThroughputRequirement.RequiredShare, "70 % of the maximum throughput");
        if (comparison.RequirementSnrDb is double required)
        {
            ResultPlotStyle.AddRequirement(right, required, Invariant($"3GPP requirement: 70 % at {required:0.0} dB"));
        }

        if (comparison.AchievedSnrDb is double achieved)
        {
            ResultPlotStyle.AddMeasured(right, achieved, Invariant($"measured: 70 % at {(comparison.Bracketed ? "" : "≤ ")}{achieved:0.00} dB"));
        }

        if (comparison.Verdict != RequirementVerdict.NoRequirement)
        {
            ResultPlotStyle.AddNote(right, ResultPlotStyle.MarginAndVerdict(comparison.MarginDb, !comparison.Bracketed, comparison.Verdict),
                Alignment.UpperLeft, ResultPlotStyle.VerdictColor(comparison.Verdict));
        }

        right.Axes.SetLimitsY(0, 105);
        right.YLabel("throughput (% of maximum)");
        ResultPlotStyle.SnrAxis(right, snr, SnrLabel, comparison.RequirementSnrDb, comparison.AchievedSnrDb);
        ResultPlotStyle.Legend(right);
        return figure;
    }

    /// <summary>
    /// The configuration line of a sweep's plot: the requirement, slots per point (range simulated, the stopping rule), HARQ,
    /// transport block, numerology and seed, from the plan and its description.
    /// </summary>
    public static string Configuration(SweepResult result, string unit)
    {
        ArgumentNullException.ThrowIfNull(result);
        IReadOnlyDictionary<string, string> d = result.Plan.Description;
        var parts = new List<string>();
        if (result.Points.Count > 0)
        {
            long min = result.Points.Min(p => p.Counters.Slots), max = result.Points.Max(p => p.Counters.Slots);
            string count = min == max ? Invariant($"{max}") : Invariant($"{min}–{max}");
            parts.Add(Invariant($"{count} {unit} per point (at most {result.Plan.MaxSlotsPerPoint}{(result.Plan.MinBlockErrors > 0 ? Invariant($", stop at {result.Plan.MinBlockErrors} errors") : "")})"));
        }

        if (d.TryGetValue("harq", out string? harq))
        {
            parts.Add("HARQ " + harq);
        }

        if (d.TryGetValue("tbs", out string? tbs))
        {
            parts.Add($"TBS {tbs} bits");
        }

        if (d.TryGetValue("scs-khz", out string? scs) && d.TryGetValue("grid-prbs", out string? prbs))
        {
            parts.Add($"{scs} kHz, {prbs} PRB");
        }

        parts.Add(Invariant($"seed {result.Plan.Seed}"));
        var text = new StringBuilder(string.Join(" · ", parts));
        if (d.TryGetValue(RequirementComparison.RequirementNameKey, out string? requirement))
        {
            text.Append(" · requirement: ").Append(requirement);
        }

        return text.ToString();
    }

    private static string HarqLabel(SweepResult result) =>
        result.Plan.Description.TryGetValue("harq", out string? harq) && harq.Split(',') is [_, string transmissions, ..]
            ? $"residual BLER ({transmissions.Trim()})"
            : "residual BLER after HARQ";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
