using System.Globalization;
using System.Linq;
using OpenRan.Engine.Cell;
using OpenRan.Simulation.Reporting;

namespace OpenRan.Cli.Commands;

/// <summary>
/// The figure of <c>openran cell</c> (<see cref="ResultFigure"/> style): downlink and uplink goodput per second of air time
/// against their configured maxima on the left, downlink and uplink BLER per second on the right.
/// </summary>
internal static class CellPlot
{
    /// <summary>Writes the figure of <paramref name="report"/> to <paramref name="path"/> as <paramref name="format"/>.</summary>
    public static void Write(CellReport report, string path, PlotFormat format = PlotFormat.Png)
    {
        string title = string.Create(CultureInfo.InvariantCulture,
            $"openran cell: {(report.Attached ? "UE attached" : "UE not attached")}, DL {report.DlGoodputMbps:0.00} of {report.DlMaxMbps:0.00} Mbit/s, UL {report.UlGoodputMbps:0.00} of {report.UlMaxMbps:0.00} Mbit/s");
        string subtitle = string.Create(CultureInfo.InvariantCulture,
            $"{report.Cell}; channel {report.Channel}; {report.AirSeconds:0.###} s of air in {report.Mode} time ({report.RealTimeRatio:0.00}× real time); BLER DL {report.DlBler:0.####} UL {report.UlBler:0.####}; HARQ retransmissions {report.HarqRetransmissions}; late slots {report.LateSlots}");
        var figure = new ResultFigure(title, subtitle, panelCount: 2, panelWidth: 640, panelHeight: 480);
        double[] x = [.. report.Seconds.Select(s => (double)s.Second)];

        var left = figure.Panel(0);
        AddLine(left, x, [.. report.Seconds.Select(s => s.DownlinkMbps)], "DL goodput", ResultPlotStyle.Primary);
        AddLine(left, x, [.. report.Seconds.Select(s => s.UplinkMbps)], "UL goodput", ResultPlotStyle.Secondary);
        var dlMax = left.Add.HorizontalLine(report.DlMaxMbps, 1, ResultPlotStyle.Primary, ScottPlot.LinePattern.Dashed);
        dlMax.LegendText = "DL configured maximum";
        var ulMax = left.Add.HorizontalLine(report.UlMaxMbps, 1, ResultPlotStyle.Secondary, ScottPlot.LinePattern.Dashed);
        ulMax.LegendText = "UL configured maximum";
        left.Axes.SetLimitsY(0, System.Math.Max(report.DlMaxMbps, report.UlMaxMbps) * 1.15);
        left.Title("Goodput per second");
        left.XLabel("air time (s)");
        left.YLabel("goodput (Mbit/s)");
        ResultPlotStyle.Legend(left);

        var right = figure.Panel(1);
        AddLine(right, x, [.. report.Seconds.Select(s => s.DownlinkBler * 100)], "DL BLER", ResultPlotStyle.Primary);
        AddLine(right, x, [.. report.Seconds.Select(s => s.UplinkBler * 100)], "UL BLER", ResultPlotStyle.Secondary);
        var bound = right.Add.HorizontalLine(report.MaxBler * 100, 1, ResultPlotStyle.Requirement, ScottPlot.LinePattern.Dotted);
        bound.LegendText = "bound";
        double top = report.Seconds.Select(s => System.Math.Max(s.DownlinkBler, s.UplinkBler)).DefaultIfEmpty(0).Max();
        right.Axes.SetLimitsY(0, System.Math.Max(report.MaxBler, top) * 100 * 1.15);
        right.Title("BLER per second");
        right.XLabel("air time (s)");
        right.YLabel("BLER (%)");
        ResultPlotStyle.Legend(right);
        figure.Save(path, format);
    }

    private static void AddLine(ScottPlot.Plot plot, double[] x, double[] y, string label, ScottPlot.Color color)
    {
        var line = plot.Add.Scatter(x, y, color);
        line.LineWidth = 2;
        line.MarkerSize = 6;
        line.LegendText = label;
    }
}
