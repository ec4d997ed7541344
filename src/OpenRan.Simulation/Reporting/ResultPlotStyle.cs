using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ScottPlot;

namespace OpenRan.Simulation.Reporting;

/// <summary>
/// The one style of the project's result plots (used through <see cref="ResultFigure"/>): error rates on a logarithmic
/// axis scaled to the decades the data spans with 10ⁿ labels and minor ticks, each curve with its 95 % confidence band and
/// legend entry, points without errors shown as their 95 % upper bound, and the requirement, the measured crossing, the
/// margin and the verdict drawn and labelled.
/// </summary>
public static class ResultPlotStyle
{
    /// <summary>Colour of the first curve.</summary>
    public static readonly Color Primary = Color.FromHex("#1f77b4");

    /// <summary>Colour of the second curve.</summary>
    public static readonly Color Secondary = Color.FromHex("#ff7f0e");

    /// <summary>Colour of the requirement.</summary>
    public static readonly Color Requirement = Color.FromHex("#d62728");

    /// <summary>Colour of the measured crossing.</summary>
    public static readonly Color Measured = Color.FromHex("#2ca02c");

    private static readonly char[] s_superscripts = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

    /// <summary>Sets fonts, grid and legend of a panel.</summary>
    public static void Apply(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(0.15);
        plot.Grid.MinorLineColor = Colors.Black.WithOpacity(0.05);
        plot.Grid.MinorLineWidth = 1;
        plot.Axes.Title.Label.FontSize = 15;
        plot.Axes.Bottom.Label.FontSize = 14;
        plot.Axes.Left.Label.FontSize = 14;
        plot.Legend.FontSize = 12;
    }

    /// <summary>"10⁻³" for −3.</summary>
    public static string PowerOfTen(int exponent)
    {
        var text = new StringBuilder("10");
        if (exponent < 0)
        {
            text.Append('⁻');
        }

        foreach (char digit in Math.Abs(exponent).ToString(CultureInfo.InvariantCulture))
        {
            text.Append(s_superscripts[digit - '0']);
        }

        return text.ToString();
    }

    /// <summary>
    /// Makes the left axis of <paramref name="plot"/> a logarithmic probability axis (values are plotted as log10) spanning the
    /// whole decades of the positive values given (the curves and their upper bounds; lower bounds are clipped at the
    /// bottom rather than stretching the axis), at most up to 10⁰, with 10ⁿ labels and minor ticks at 2 … 9 × 10ⁿ.
    /// Returns the bottom decade.
    /// </summary>
    public static int LogProbabilityAxis(Plot plot, IEnumerable<double> values, string label)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(values);
        double[] positive = values.Where(v => v > 0 && double.IsFinite(v)).ToArray();
        int bottom = positive.Length == 0 ? -3 : (int)Math.Floor(Math.Log10(positive.Min()) + 1e-9);
        if (positive.Length > 0 && Math.Log10(positive.Min()) - bottom < 0.15)
        {
            bottom--; // a value at (or just above) a decade would sit on the bottom edge: give it room
        }

        int top = positive.Length == 0 ? 0 : Math.Min(0, (int)Math.Ceiling(Math.Log10(positive.Max()) - 1e-9));
        if (top <= bottom)
        {
            top = bottom + 1;
        }

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int d = bottom; d <= top; d++)
        {
            ticks.AddMajor(d, PowerOfTen(d));
            for (int m = 2; m <= 9 && d < top; m++)
            {
                ticks.AddMinor(d + Math.Log10(m));
            }
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimitsY(bottom - 0.03, top + 0.03);
        plot.YLabel(label);
        return bottom;
    }

    /// <summary>
    /// Adds a curve with markers and its 95 % band. With <paramref name="logY"/> the values are plotted as log10; points whose
    /// value is 0 (no errors observed) are left off the line and drawn as ▽ at their upper bound instead.
    /// </summary>
    /// <remarks>Without an interval (<paramref name="low"/> and <paramref name="high"/> null) no band is drawn.</remarks>
    public static void AddCurve(Plot plot, IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double>? low, IReadOnlyList<double>? high, string label, Color color, bool logY, int bottomDecade = -9)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        bool interval = low is not null && high is not null;
        low ??= y;
        high ??= y;
        double floor = bottomDecade - 0.03;
        double Map(double v) => logY ? (v > 0 ? Math.Max(floor, Math.Log10(v)) : floor) : v;
        var bandX = new List<double>();
        var bandLow = new List<double>();
        var bandHigh = new List<double>();
        var lineX = new List<double>();
        var lineY = new List<double>();
        var zeroX = new List<double>();
        var zeroY = new List<double>();
        for (int i = 0; i < x.Count; i++)
        {
            if (double.IsNaN(y[i]))
            {
                continue;
            }

            if (logY && y[i] <= 0 && !interval)
            {
                continue; // zero without an interval: nothing to draw on a log axis
            }

            bandX.Add(x[i]);
            bandLow.Add(Map(low[i]));
            bandHigh.Add(Map(high[i]));
            if (logY && y[i] <= 0)
            {
                zeroX.Add(x[i]);
                zeroY.Add(Map(high[i]));
            }
            else
            {
                lineX.Add(x[i]);
                lineY.Add(Map(y[i]));
            }
        }

        if (interval && bandX.Count >= 2)
        {
            var band = plot.Add.FillY(bandX.ToArray(), bandLow.ToArray(), bandHigh.ToArray());
            band.FillColor = color.WithOpacity(0.18);
            band.LineWidth = 0;
            band.LegendText = "95 % interval";
        }

        if (lineX.Count > 0)
        {
            var line = plot.Add.Scatter(lineX.ToArray(), lineY.ToArray(), color);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = label;
        }

        if (zeroX.Count > 0)
        {
            var bound = plot.Add.Scatter(zeroX.ToArray(), zeroY.ToArray(), color);
            bound.LineWidth = 0;
            bound.MarkerShape = MarkerShape.OpenTriangleDown;
            bound.MarkerSize = 10;
            bound.LegendText = (lineX.Count == 0 ? label + ": " : "") + "0 errors, ▽ = 95 % bound";
        }
    }

    /// <summary>Shows the legend of <paramref name="plot"/> beside its data area (right), where it hides no curve.</summary>
    public static void Legend(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.ShowLegend(Edge.Right);
    }

    /// <summary>A horizontal target line (e.g. 70 % throughput, 1 % BLER) with its legend entry.</summary>
    public static void AddTarget(Plot plot, double y, string label)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var line = plot.Add.HorizontalLine(y, 1.5f, Colors.Gray, LinePattern.Dashed);
        line.LegendText = label;
    }

    /// <summary>A vertical line at the required SNR, labelled in the legend.</summary>
    public static void AddRequirement(Plot plot, double snrDb, string legend)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var line = plot.Add.VerticalLine(snrDb, 2, Requirement, LinePattern.Dotted);
        line.LegendText = legend;
    }

    /// <summary>A vertical line at the measured crossing, labelled in the legend.</summary>
    public static void AddMeasured(Plot plot, double snrDb, string legend)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var line = plot.Add.VerticalLine(snrDb, 2, Measured, LinePattern.Dashed);
        line.LegendText = legend;
    }

    /// <summary>A boxed note (margin and verdict) in a corner of the data area.</summary>
    public static void AddNote(Plot plot, string text, Alignment corner, Color color)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var note = plot.Add.Annotation(text, corner);
        note.LabelFontSize = 13;
        note.LabelBold = true;
        note.LabelFontColor = color;
        note.LabelBackgroundColor = Colors.White.WithOpacity(0.9);
        note.LabelBorderColor = color;
    }

    /// <summary>Sets the SNR axis to span <paramref name="snrDb"/> and every marked value, with a small margin.</summary>
    public static void SnrAxis(Plot plot, IEnumerable<double> snrDb, string label, params double?[] marks)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(snrDb);
        double[] all = [.. snrDb.Concat(marks.Where(m => m is double).Select(m => m!.Value)).Where(double.IsFinite)];
        if (all.Length == 0)
        {
            all = [0];
        }

        double min = all.Min(), max = all.Max();
        double pad = Math.Max(0.25, 0.05 * (max - min));
        plot.Axes.SetLimitsX(min - pad, max + pad);
        plot.XLabel(label);
    }

    /// <summary>The verdict in words, for plots and messages.</summary>
    public static string Describe(RequirementVerdict verdict) => verdict switch
    {
        RequirementVerdict.Met => "requirement met",
        RequirementVerdict.Missed => "requirement missed",
        RequirementVerdict.Undetermined => "undetermined (crossing at the lowest SNR simulated)",
        RequirementVerdict.NotReached => "target not reached in the simulated range",
        _ => "no requirement",
    };

    /// <summary>The colour of a verdict.</summary>
    public static Color VerdictColor(RequirementVerdict verdict) => verdict switch
    {
        RequirementVerdict.Met => Measured,
        RequirementVerdict.Undetermined => Color.FromHex("#b8860b"),
        _ => Requirement,
    };

    /// <summary>"margin +0.63 dB → requirement met" (or the verdict alone when there is no margin).</summary>
    public static string MarginAndVerdict(double? marginDb, bool lowerBound, RequirementVerdict verdict) =>
        marginDb is double m ? Invariant($"margin {(lowerBound ? "≥ " : "")}{m:+0.00;−0.00} dB → {Describe(verdict)}") : Describe(verdict);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
