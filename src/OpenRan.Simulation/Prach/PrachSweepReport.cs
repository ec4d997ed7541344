using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using OpenRan.Simulation.Reporting;
using OpenRan.Simulation.Sweeps;
using ScottPlot;

namespace OpenRan.Simulation.Prach;

/// <summary>
/// Writes a whole PRACH sweep: PREFIX.json (the batch counts, <see cref="SweepJson"/>, mergeable), PREFIX.csv (per SNR:
/// occasions, misses — of which timing errors — and the probability of detection with its 95 % interval; for noise-only
/// sweeps occasions, false alarms and their probability with its interval) and the plot PREFIX.png or .svg (the
/// probability of a missed detection versus SNR on a logarithmic axis with the 1 % line, the requirement, the measured
/// crossing, the margin and the verdict).
/// </summary>
public static class PrachSweepReport
{
    /// <summary>The CSV header of detection sweeps.</summary>
    public const string Header = "snr_db,occasions,missed,missed_by_timing,detection_probability,detection_lower,detection_upper";

    /// <summary>The CSV header of noise-only (false-alarm) sweeps.</summary>
    public const string FalseAlarmHeader = "snr_db,occasions,false_alarms,false_alarm_probability,false_alarm_lower,false_alarm_upper";

    /// <summary>Writes the files and returns their paths.</summary>
    public static IReadOnlyList<string> Write(SweepResult result, string prefix, bool plot, PlotFormat format = PlotFormat.Png)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(prefix));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var written = new List<string>();
        SweepJson.Write(result, prefix + ".json");
        written.Add(prefix + ".json");
        File.WriteAllText(prefix + ".csv", Format(result));
        written.Add(prefix + ".csv");
        if (plot && !IsNoiseOnly(result))
        {
            string image = prefix + ResultFigure.Extension(format);
            Plot(result, image, format);
            written.Add(image);
        }

        return written;
    }

    /// <summary>Whether the sweep measured false alarms (noise only).</summary>
    public static bool IsNoiseOnly(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Plan.Description.TryGetValue(PrachSimulationSetup.ModeKey, out string? mode) && mode == "false-alarm";
    }

    /// <summary>The CSV text.</summary>
    public static string Format(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        bool noiseOnly = IsNoiseOnly(result);
        var text = new StringBuilder(noiseOnly ? FalseAlarmHeader : Header).Append('\n');
        foreach (PointResult p in result.Points)
        {
            LinkCounters c = p.Counters;
            if (noiseOnly)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{p.SnrDb:R},{c.Transmissions},{c.TransmissionErrors},{SweepCsv.Number(p.Bler)},{SweepCsv.Number(p.BlerLower)},{SweepCsv.Number(p.BlerUpper)}\n");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{p.SnrDb:R},{c.Transmissions},{c.TransmissionErrors},{c.BitErrors},{SweepCsv.Number(1 - p.Bler)},{SweepCsv.Number(1 - p.BlerUpper)},{SweepCsv.Number(1 - p.BlerLower)}\n");
            }
        }

        return text.ToString();
    }

    private static void Plot(SweepResult result, string path, PlotFormat format)
    {
        List<PointResult> points = [.. result.Points.OrderBy(p => p.SnrDb)];
        double[] snr = [.. points.Select(p => p.SnrDb)];
        var figure = new ResultFigure(result.Plan.Title, SweepPlot.Configuration(result, "occasions"));
        ScottPlot.Plot plot = figure.Panel(0);
        plot.Title("missed detection versus SNR");
        const double target = 1 - PrachRequirementComparison.RequiredDetection;
        int bottom = ResultPlotStyle.LogProbabilityAxis(plot, points.SelectMany(p => new[] { p.Bler, p.BlerUpper }).Append(target), "probability of missed detection");
        ResultPlotStyle.AddCurve(plot, snr, [.. points.Select(p => p.Bler)], [.. points.Select(p => p.BlerLower)], [.. points.Select(p => p.BlerUpper)],
            "missed detection (1 − P_d)", ResultPlotStyle.Primary, logY: true, bottom);
        ResultPlotStyle.AddTarget(plot, Math.Log10(target), "required: P_d ≥ 99 % (miss ≤ 1 %)");
        PrachRequirementComparison comparison = PrachRequirementComparison.For(result);
        if (comparison.RequirementSnrDb is double requirement)
        {
            ResultPlotStyle.AddRequirement(plot, requirement, FormattableString.Invariant($"requirement: 99 % at {requirement:0.0} dB"));
        }

        if (comparison.CrossingSnrDb is double crossing)
        {
            ResultPlotStyle.AddMeasured(plot, crossing, FormattableString.Invariant($"measured: 99 % at {(comparison.Bracketed ? "" : "≤ ")}{crossing:0.00} dB"));
        }

        if (comparison.Verdict != RequirementVerdict.NoRequirement)
        {
            ResultPlotStyle.AddNote(plot, ResultPlotStyle.MarginAndVerdict(comparison.MarginDb, !comparison.Bracketed, comparison.Verdict), Alignment.UpperRight,
                ResultPlotStyle.VerdictColor(comparison.Verdict));
        }

        ResultPlotStyle.SnrAxis(plot, snr, "SNR per PRACH subcarrier per Rx antenna (dB)", comparison.RequirementSnrDb, comparison.CrossingSnrDb);
        ResultPlotStyle.Legend(plot);
        figure.Save(path, format);
    }
}
