using System;
using System.Collections.Generic;
using OpenRan.Simulation.Sweeps;
using ScottPlot;

namespace OpenRan.Simulation.Reporting;

/// <summary>
/// Renders a PUCCH sweep as a PNG (ScottPlot): the error probability of the test (ACK missed, NACK to ACK, false ACK or UCI
/// BLER) versus SNR on a logarithmic axis with its 95 % interval, the required probability as a horizontal line and the
/// required SNR as a vertical one.
/// </summary>
public static class PucchSweepPlot
{
    /// <summary>Writes the plot of <paramref name="result"/> to <paramref name="path"/> (900 × 560 pixels).</summary>
    public static void Write(SweepResult result, string path, PucchRequirementComparison? requirement)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var snr = new List<double>();
        var rate = new List<double>();
        var low = new List<double>();
        var high = new List<double>();
        foreach (PointResult p in result.Points)
        {
            snr.Add(p.SnrDb);
            rate.Add(Math.Log10(Math.Max(1e-5, double.IsNaN(p.Bler) ? 1 : p.Bler)));
            low.Add(Math.Log10(Math.Max(1e-5, p.BlerLower)));
            high.Add(Math.Log10(Math.Max(1e-5, p.BlerUpper)));
        }

        var plot = new Plot();
        if (snr.Count > 1)
        {
            var band = plot.Add.FillY(snr.ToArray(), low.ToArray(), high.ToArray());
            band.FillColor = Colors.Blue.WithOpacity(0.15);
            band.LineWidth = 0;
        }

        var line = plot.Add.Scatter(snr.ToArray(), rate.ToArray());
        line.LegendText = result.Plan.Description.TryGetValue("test", out string? test) ? test : "error probability";
        if (requirement is not null)
        {
            var target = plot.Add.HorizontalLine(Math.Log10(requirement.TargetProbability), 1, Colors.Gray, LinePattern.Dashed);
            target.LegendText = FormattableString.Invariant($"required ≤ {requirement.TargetProbability:0.###}");
            var snrLine = plot.Add.VerticalLine(requirement.RequirementSnrDb, 1.5f, Colors.Red, LinePattern.Dotted);
            snrLine.LegendText = FormattableString.Invariant($"at {requirement.RequirementSnrDb:0.0} dB");
            plot.ShowLegend(Alignment.UpperRight);
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => $"1e{y:0}",
        };
        plot.Axes.SetLimitsY(-5.2, 0.2);
        plot.Title(string.IsNullOrWhiteSpace(result.Plan.Title) ? "OpenRan PUCCH" : result.Plan.Title);
        plot.XLabel("SNR per RE per Rx antenna (dB)");
        plot.YLabel("probability");
        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(0.15);
        plot.SavePng(path, 900, 560);
    }
}
