using System;
using System.Collections.Generic;
using OpenRan.Simulation.Sweeps;
using ScottPlot;

namespace OpenRan.Simulation.Reporting;

/// <summary>
/// Renders a whole sweep as a PNG (ScottPlot): BLER versus SNR on a logarithmic axis with its 95 % interval on the left,
/// throughput (share of the maximum) versus SNR with its interval on the right, and optionally a marker at a
/// requirement (e.g. the 3GPP SNR for 70 % throughput).
/// </summary>
public static class SweepPlot
{
    /// <summary>Writes the plot of <paramref name="result"/> to <paramref name="path"/> (1400 × 560 pixels).</summary>
    /// <param name="result">A whole-sweep result.</param>
    /// <param name="path">The PNG file.</param>
    /// <param name="requirementSnrDb">Optional requirement SNR to mark on the throughput panel.</param>
    public static void Write(SweepResult result, string path, double? requirementSnrDb = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var snr = new List<double>();
        var bler = new List<double>();
        var blerLow = new List<double>();
        var blerHigh = new List<double>();
        var share = new List<double>();
        var shareLow = new List<double>();
        var shareHigh = new List<double>();
        foreach (PointResult p in result.Points)
        {
            snr.Add(p.SnrDb);

            // BLER on a log axis: plot log10, clipped at 1e-5 so that error-free points stay visible.
            bler.Add(Math.Log10(Math.Max(1e-5, double.IsNaN(p.Bler) ? 1 : p.Bler)));
            blerLow.Add(Math.Log10(Math.Max(1e-5, p.BlerLower)));
            blerHigh.Add(Math.Log10(Math.Max(1e-5, p.BlerUpper)));
            share.Add(100 * (double.IsNaN(p.ThroughputShare) ? 0 : p.ThroughputShare));
            shareLow.Add(100 * p.ThroughputShareLower);
            shareHigh.Add(100 * p.ThroughputShareUpper);
        }

        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        string title = string.IsNullOrWhiteSpace(result.Plan.Title) ? "OpenRan link simulation" : result.Plan.Title;

        Plot left = multiplot.GetPlot(0);
        AddBand(left, snr, blerLow, blerHigh);
        var blerLine = left.Add.Scatter(snr.ToArray(), bler.ToArray());
        blerLine.LegendText = "BLER";
        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => $"1e{y:0}",
        };
        left.Axes.Left.TickGenerator = ticks;
        left.Axes.SetLimitsY(-5.2, 0.2);
        left.Title(title + " — BLER");
        left.XLabel("SNR per RE per Rx antenna (dB)");
        left.YLabel("BLER");
        left.Grid.MajorLineColor = Colors.Black.WithOpacity(0.15);

        Plot right = multiplot.GetPlot(1);
        AddBand(right, snr, shareLow, shareHigh);
        var shareLine = right.Add.Scatter(snr.ToArray(), share.ToArray());
        shareLine.LegendText = "throughput";
        right.Add.HorizontalLine(100 * Statistics.ThroughputRequirement.RequiredShare, 1, Colors.Gray, LinePattern.Dashed);
        if (requirementSnrDb is double requirement)
        {
            var line = right.Add.VerticalLine(requirement, 1.5f, Colors.Red, LinePattern.Dotted);
            line.LegendText = FormattableString.Invariant($"3GPP requirement {requirement:0.0} dB");
            right.ShowLegend(Alignment.LowerRight);
        }

        right.Axes.SetLimitsY(0, 105);
        right.Title(title + " — throughput");
        right.XLabel("SNR per RE per Rx antenna (dB)");
        right.YLabel("throughput (% of maximum)");
        multiplot.SavePng(path, 1400, 560);
    }

    private static void AddBand(Plot plot, List<double> x, List<double> low, List<double> high)
    {
        if (x.Count < 2)
        {
            return;
        }

        var fill = plot.Add.FillY(x.ToArray(), low.ToArray(), high.ToArray());
        fill.FillColor = Colors.Blue.WithOpacity(0.15);
        fill.LineWidth = 0;
    }
}
