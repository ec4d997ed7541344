using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using OpenRan.Simulation.Reporting;
using OpenRan.Simulation.Sweeps;
using ScottPlot;

namespace OpenRan.Simulation.Prach;

/// <summary>
/// Writes a whole PRACH sweep: PREFIX.json (the batch counts, <see cref="SweepJson"/>, mergeable), PREFIX.csv (per SNR:
/// occasions, misses or false alarms, probability of detection with its 95 % interval, timing errors) and PREFIX.png
/// (probability of detection versus SNR with the 99 % line and the requirement).
/// </summary>
public static class PrachSweepReport
{
    /// <summary>The CSV header.</summary>
    public const string Header = "snr_db,occasions,errors,detection_probability,detection_lower,detection_upper,timing_errors,false_alarm_probability";

    /// <summary>Writes the files and returns their paths.</summary>
    public static IReadOnlyList<string> Write(SweepResult result, string prefix, bool plot)
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
            Plot(result, prefix + ".png");
            written.Add(prefix + ".png");
        }

        return written;
    }

    /// <summary>Whether the sweep measured false alarms (noise only).</summary>
    public static bool IsNoiseOnly(SweepResult result) =>
        result.Plan.Description.TryGetValue(PrachSimulationSetup.ModeKey, out string? mode) && mode == "false-alarm";

    /// <summary>The CSV text.</summary>
    public static string Format(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        bool noiseOnly = IsNoiseOnly(result);
        var text = new StringBuilder(Header).Append('\n');
        foreach (PointResult p in result.Points)
        {
            LinkCounters c = p.Counters;
            double pd = noiseOnly ? double.NaN : 1 - p.Bler;
            text.Append(CultureInfo.InvariantCulture,
                $"{p.SnrDb:R},{c.Transmissions},{c.TransmissionErrors},{Number(pd)},{Number(noiseOnly ? double.NaN : 1 - p.BlerUpper)},{Number(noiseOnly ? double.NaN : 1 - p.BlerLower)},{c.BitErrors},{Number(noiseOnly ? p.Bler : double.NaN)}\n");
        }

        return text.ToString();
    }

    private static void Plot(SweepResult result, string path)
    {
        var snr = new List<double>();
        var pd = new List<double>();
        var low = new List<double>();
        var high = new List<double>();
        foreach (PointResult p in result.Points)
        {
            snr.Add(p.SnrDb);
            pd.Add(100 * (1 - p.Bler));
            low.Add(100 * (1 - p.BlerUpper));
            high.Add(100 * (1 - p.BlerLower));
        }

        var plot = new ScottPlot.Plot();
        if (snr.Count >= 2)
        {
            var band = plot.Add.FillY(snr.ToArray(), low.ToArray(), high.ToArray());
            band.FillColor = Colors.Blue.WithOpacity(0.15);
            band.LineWidth = 0;
        }

        var line = plot.Add.Scatter(snr.ToArray(), pd.ToArray());
        line.LegendText = "probability of detection";
        plot.Add.HorizontalLine(100 * PrachRequirementComparison.RequiredDetection, 1, Colors.Gray, LinePattern.Dashed);
        PrachRequirementComparison comparison = PrachRequirementComparison.For(result);
        if (comparison.RequirementSnrDb is double requirement)
        {
            var marker = plot.Add.VerticalLine(requirement, 1.5f, Colors.Red, LinePattern.Dotted);
            marker.LegendText = FormattableString.Invariant($"TS 38.104 requirement {requirement:0.0} dB");
        }

        plot.ShowLegend(Alignment.LowerRight);
        plot.Title(result.Plan.Title);
        plot.XLabel("SNR per PRACH subcarrier per Rx antenna (dB)");
        plot.YLabel("probability of detection (%)");
        plot.SavePng(path, 900, 560);
    }

    private static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("G9", CultureInfo.InvariantCulture);
}
