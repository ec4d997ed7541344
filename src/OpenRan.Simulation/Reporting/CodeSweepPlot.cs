using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Simulation.Coding;
using ScottPlot;

namespace OpenRan.Simulation.Reporting;

/// <summary>
/// Plots a coded AWGN sweep (<c>openran sim code</c>) with <see cref="ResultFigure"/>: frame-error rate with its 95 %
/// interval and bit-error rate versus E_b/N_0 on a logarithmic axis.
/// </summary>
public static class CodeSweepPlot
{
    /// <summary>Writes the plot of <paramref name="results"/> to <paramref name="path"/>.</summary>
    /// <param name="title">The code and its parameters, e.g. "LDPC BG1 K = 8448, E = 25344 (R = 1/3), BPSK, AWGN".</param>
    /// <param name="configuration">The line under the title (stopping rule, decoder, seed).</param>
    /// <param name="results">The points.</param>
    /// <param name="path">The image file.</param>
    /// <param name="format">PNG or SVG.</param>
    public static void Write(string title, string configuration, IReadOnlyList<CodedAwgnPointResult> results, string path, PlotFormat format = PlotFormat.Png)
    {
        ArgumentNullException.ThrowIfNull(results);
        List<CodedAwgnPointResult> points = [.. results.OrderBy(r => r.EbN0Db)];
        double[] ebN0 = [.. points.Select(p => p.EbN0Db)];
        var figure = new ResultFigure(title, configuration);
        Plot plot = figure.Panel(0);
        plot.Title("error rates versus Eb/N0");
        int bottom = ResultPlotStyle.LogProbabilityAxis(plot,
            points.SelectMany(p => new[] { p.FrameErrorRate, p.FrameErrorRateInterval.High, p.BitErrorRate }), "error rate");
        ResultPlotStyle.AddCurve(plot, ebN0, [.. points.Select(p => p.FrameErrorRate)], [.. points.Select(p => p.FrameErrorRateInterval.Low)],
            [.. points.Select(p => p.FrameErrorRateInterval.High)], "FER (frame error rate)", ResultPlotStyle.Primary, logY: true, bottom);
        ResultPlotStyle.AddCurve(plot, ebN0, [.. points.Select(p => p.BitErrorRate)], null, null, "BER (information bits)", ResultPlotStyle.Secondary, logY: true, bottom);
        ResultPlotStyle.SnrAxis(plot, ebN0, "Eb/N0 (dB)");
        ResultPlotStyle.Legend(plot);
        figure.Save(path, format);
    }
}
