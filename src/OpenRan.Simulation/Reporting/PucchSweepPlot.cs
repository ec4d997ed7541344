using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenRan.Simulation.Sweeps;
using ScottPlot;

namespace OpenRan.Simulation.Reporting;

/// <summary>
/// Plots a PUCCH sweep (<see cref="ResultFigure"/>): the error probability of the test (ACK missed, NACK to ACK, false ACK
/// or UCI BLER) versus SNR on a logarithmic axis with its 95 % interval, the required probability, the required SNR, the
/// measured crossing, the margin and the verdict.
/// </summary>
public static class PucchSweepPlot
{
    /// <summary>Writes the plot of <paramref name="result"/> to <paramref name="path"/>.</summary>
    public static void Write(SweepResult result, string path, PucchRequirementComparison? requirement, PlotFormat format = PlotFormat.Png)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        List<PointResult> points = [.. result.Points.OrderBy(p => p.SnrDb)];
        double[] snr = [.. points.Select(p => p.SnrDb)];
        string test = result.Plan.Description.TryGetValue("test", out string? t) ? TestName(t) : "error probability";
        var figure = new ResultFigure(string.IsNullOrWhiteSpace(result.Plan.Title) ? "OpenRan PUCCH" : result.Plan.Title, SweepPlot.Configuration(result, "occasions"));
        Plot plot = figure.Panel(0);
        plot.Title(test + " versus SNR");
        IEnumerable<double> range = points.SelectMany(p => new[] { p.Bler, p.BlerUpper });
        if (requirement is not null)
        {
            range = range.Append(requirement.TargetProbability);
        }

        int bottom = ResultPlotStyle.LogProbabilityAxis(plot, range, "probability");
        ResultPlotStyle.AddCurve(plot, snr, [.. points.Select(p => p.Bler)], [.. points.Select(p => p.BlerLower)], [.. points.Select(p => p.BlerUpper)],
            test, ResultPlotStyle.Primary, logY: true, bottom);
        if (requirement is not null)
        {
            ResultPlotStyle.AddTarget(plot, Math.Log10(requirement.TargetProbability), Invariant($"required probability ≤ {requirement.TargetProbability:0.###}"));
            if (!requirement.FlatTest)
            {
                ResultPlotStyle.AddRequirement(plot, requirement.RequirementSnrDb, Invariant($"requirement at {requirement.RequirementSnrDb:0.0} dB"));
            }

            if (requirement.CrossingSnrDb is double crossing)
            {
                ResultPlotStyle.AddMeasured(plot, crossing, Invariant($"measured: {requirement.TargetProbability:0.###} at {crossing:0.00} dB"));
            }

            ResultPlotStyle.AddNote(plot, ResultPlotStyle.MarginAndVerdict(requirement.MarginDb, false, requirement.Verdict), Alignment.UpperRight,
                ResultPlotStyle.VerdictColor(requirement.Verdict));
        }

        ResultPlotStyle.SnrAxis(plot, snr, SweepPlot.SnrLabel, requirement?.FlatTest == false ? requirement.RequirementSnrDb : null, requirement?.CrossingSnrDb);
        ResultPlotStyle.Legend(plot);
        figure.Save(path, format);
    }

    /// <summary>The test's name in words (AckMissed → "ACK missed").</summary>
    public static string TestName(string test) => test switch
    {
        "AckMissed" => "ACK missed",
        "NackToAck" => "NACK to ACK",
        "DtxToAck" => "false ACK (DTX to ACK)",
        "UciBler" => "UCI BLER",
        _ => test,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
