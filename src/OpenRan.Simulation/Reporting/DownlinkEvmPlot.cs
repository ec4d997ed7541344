using System;
using System.Globalization;
using System.Linq;
using OpenRan.Simulation.Measurement;
using ScottPlot;

namespace OpenRan.Simulation.Reporting;

/// <summary>
/// Renders a <see cref="DownlinkEvmResult"/> in the project's figure style (<see cref="ResultFigure"/>): the equalized
/// PDSCH constellation (every modulation, one colour each) on the left and the RMS EVM per resource block on the right,
/// under a title that names the waveform, the EVM, the frequency error and the EVM window.
/// </summary>
public static class DownlinkEvmPlot
{
    private static readonly Color[] s_modulationColors = [ResultPlotStyle.Primary, ResultPlotStyle.Secondary, ResultPlotStyle.Measured, ResultPlotStyle.Requirement];

    /// <summary>Writes the figure to <paramref name="path"/> as <paramref name="format"/>.</summary>
    public static void Write(DownlinkEvmResult result, string path, PlotFormat format = PlotFormat.Png)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        double frequencyErrorHz = Math.Abs(result.FrequencyErrorHz) < 0.05 ? 0 : result.FrequencyErrorHz;
        string title = string.Create(CultureInfo.InvariantCulture,
            $"{result.Waveform}: RMS EVM {result.EvmPercent:0.00} %, frequency error {frequencyErrorHz:0.0} Hz");
        string perModulation = string.Join(", ", result.Evm.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Modulation} {e.EvmPercent:0.00} %")));
        string subtitle = string.Create(CultureInfo.InvariantCulture,
            $"{result.SlotsAnalyzed} slots at {result.SampleRateHz / 1e6:0.###} Msps (FFT {result.FftSize}); EVM window W = {result.EvmWindowSamples} of {result.CyclicPrefixSamples} CP samples, larger of the two positions (TS 38.141-1 §6.6, TS 38.104 Annex B); {perModulation}; channel power {result.ChannelPowerDbfs:0.0} dBFS");
        var figure = new ResultFigure(title, subtitle, panelCount: 2, panelWidth: 620, panelHeight: 520);

        Plot left = figure.Panel(0);
        int colour = 0;
        foreach (ConstellationSample c in result.Constellations.Where(c => c.Points.Count > 0))
        {
            var points = left.Add.ScatterPoints(c.Points.Select(p => (double)p.I).ToArray(), c.Points.Select(p => (double)p.Q).ToArray());
            points.MarkerSize = 2;
            points.Color = s_modulationColors[colour++ % s_modulationColors.Length];
            points.LegendText = c.Modulation;
        }

        left.Axes.SquareUnits();
        left.Title("Equalized PDSCH constellation");
        left.XLabel("in-phase");
        left.YLabel("quadrature");
        ResultPlotStyle.Legend(left);

        Plot right = figure.Panel(1);
        double[] rb = [.. Enumerable.Range(0, result.EvmPerRbPercent.Count).Select(i => (double)i)];
        double[] evm = [.. result.EvmPerRbPercent.Select(v => double.IsNaN(v) ? 0 : v)];
        var bars = right.Add.Bars(rb, evm);
        bars.Color = ResultPlotStyle.Primary;
        right.Axes.Margins(bottom: 0);
        right.Title("RMS EVM per resource block");
        right.XLabel("resource block");
        right.YLabel("RMS EVM (%)");
        figure.Save(path, format);
    }
}
