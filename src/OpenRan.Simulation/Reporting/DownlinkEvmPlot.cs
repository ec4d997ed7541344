using System;
using System.Linq;
using OpenRan.Simulation.Measurement;
using ScottPlot;

namespace OpenRan.Simulation.Reporting;

/// <summary>
/// Renders a <see cref="DownlinkEvmResult"/> as a PNG (ScottPlot): the equalized PDSCH constellation (every modulation, one
/// colour each) on the left and the RMS EVM per resource block on the right.
/// </summary>
public static class DownlinkEvmPlot
{
    /// <summary>Writes the plot to <paramref name="path"/> (<paramref name="width"/> × <paramref name="height"/> pixels).</summary>
    public static void Write(DownlinkEvmResult result, string path, int width = 1100, int height = 480)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();

        Plot left = multiplot.GetPlot(0);
        foreach (ConstellationSample c in result.Constellations.Where(c => c.Points.Count > 0))
        {
            var points = left.Add.ScatterPoints(c.Points.Select(p => (double)p.I).ToArray(), c.Points.Select(p => (double)p.Q).ToArray());
            points.MarkerSize = 2;
            points.LegendText = c.Modulation;
        }

        left.Axes.SquareUnits();
        left.Title(FormattableString.Invariant($"PDSCH constellation, EVM {result.EvmPercent:0.00} %"));
        left.XLabel("I");
        left.YLabel("Q");
        left.ShowLegend(Alignment.UpperRight);

        Plot right = multiplot.GetPlot(1);
        double[] rb = [.. Enumerable.Range(0, result.EvmPerRbPercent.Count).Select(i => (double)i)];
        double[] evm = [.. result.EvmPerRbPercent.Select(v => double.IsNaN(v) ? 0 : v)];
        var bars = right.Add.Bars(rb, evm);
        bars.Color = Colors.SteelBlue;
        right.Axes.Margins(bottom: 0);
        right.Title(FormattableString.Invariant($"{result.Waveform}: EVM per RB"));
        right.XLabel(FormattableString.Invariant($"resource block (frequency error {(Math.Abs(result.FrequencyErrorHz) < 0.05 ? 0 : result.FrequencyErrorHz):0.0} Hz)"));
        right.YLabel("RMS EVM (%)");
        multiplot.SavePng(path, width, height);
    }
}
