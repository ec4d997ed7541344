using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Simulation.Configuration;
using OpenRan.Simulation.Prach;
using OpenRan.Simulation.Reporting;
using OpenRan.Simulation.Sweeps;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>
/// <c>openran sim prach</c>: PRACH detection (or, with <c>--false-alarm</c>, noise-only false-alarm) sweeps at sample level
/// against the TS 38.104 §8.4 requirements (presets of <see cref="Ts38104Table8_4_2_2"/>); <c>--requirement</c> exits 1
/// when the requirement is missed.
/// </summary>
internal static class SimPrachCommand
{
    public static Command Create(IAnsiConsole console)
    {
        string names = string.Join(", ", Ts38104Table8_4_2_2.All.Select(r => r.Name));
        var preset = new Option<string>("--preset") { Description = $"The requirement preset: {names}.", DefaultValueFactory = _ => "F0-AWGN" };
        var snr = new Option<string?>("--snr-db") { Description = "SNR points in dB (per PRACH subcarrier and Rx antenna): start:step:stop or a list (default: requirement −3 … +1 dB in 0.5 dB steps)." };
        var occasions = new Option<long>("--occasions") { Description = "Occasions per SNR point.", DefaultValueFactory = _ => 2000 };
        var batch = new Option<int>("--batch-occasions") { Description = "Occasions per work unit.", DefaultValueFactory = _ => 50 };
        var propagation = new Option<string?>("--propagation") { Description = "Override the preset's propagation condition (AWGN, TDLC300-100, …); drops the requirement verdict." };
        var cfo = new Option<double?>("--frequency-offset-hz") { Description = "Override the frequency offset in Hz; drops the requirement verdict." };
        var rx = new Option<int?>("--rx-antennas") { Description = "Override the receive antennas (1..8); drops the requirement verdict." };
        var falseAlarm = new Option<bool>("--false-alarm") { Description = "Noise only: measure the false-alarm probability (any preamble reported) instead of detection." };
        var pfa = new Option<double>("--false-alarm-design") { Description = "Design false-alarm probability of the detector threshold (1e-9..0.1).", DefaultValueFactory = _ => 1e-4 };
        var threshold = new Option<double?>("--threshold") { Description = "A fixed detection threshold on the metric (noise mean 1) instead of the design value." };
        var coherent = new Option<int>("--coherent-repetitions") { Description = "Repetitions summed coherently before correlation (0 = automatic: groups of at most 0.4 ms).", DefaultValueFactory = _ => 0 };
        var seed = new Option<ulong>("--seed") { Description = "Master seed.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = every core); results do not depend on it.", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--output") { Description = "Output prefix: PREFIX.csv, PREFIX.json and the plot PREFIX.png or .svg (default results/openran-prach).", DefaultValueFactory = _ => SweepOutputs.DefaultPrefix("openran-prach") };
        var noPlot = new Option<bool>("--no-plot") { Description = "Do not write the plot." };
        Option<string> plotFormat = CliOption.Choice("--plot-format", "Plot image format", ["png", "svg"], "png");
        var requirement = new Option<bool>("--requirement") { Description = "Exit 1 unless the requirement is met (detection ≥ 99 % at the required SNR; with --false-alarm: false alarms ≤ 0.1 %)." };
        var list = new Option<bool>("--presets") { Description = "List the presets with their test conditions and exit." };
        var json = new Option<bool>("--json") { Description = "With --presets: print the list as JSON." };
        var command = new Command("prach", "PRACH detection or false-alarm sweep at sample level (UE preamble → channel → gNB detector) against TS 38.104 §8.4.")
        {
            preset, snr, occasions, batch, propagation, cfo, rx, falseAlarm, pfa, threshold, coherent, seed, threads, output, noPlot, plotFormat, requirement, list, json,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(list))
            {
                if (parse.GetValue(json))
                {
                    CliOutput.WriteJson(console, Ts38104Table8_4_2_2.All.Select(r => new
                    {
                        name = r.Name,
                        table = r.Table,
                        format = r.FormatName,
                        prachSubcarrierSpacingKhz = r.PrachSubcarrierSpacingKhz is int k ? k : 1.25,
                        carrierSubcarrierSpacingKhz = r.CarrierSubcarrierSpacingKhz,
                        propagation = r.Propagation,
                        frequencyOffsetHz = r.FrequencyOffsetHz,
                        rxAntennas = r.RxAntennas,
                        snrDb = r.SnrDb,
                        configurationIndex = r.ConfigurationIndex,
                        zeroCorrelationZoneConfig = r.ZeroCorrelationZoneConfig,
                        rootSequenceIndex = r.RootSequenceIndex,
                        preambleIndex = r.PreambleIndex,
                        timeErrorToleranceUs = r.TimeErrorToleranceSeconds * 1e6,
                    }));
                }
                else
                {
                    PrintPresets(console);
                }

                return 0;
            }

            if (parse.GetValue(json))
            {
                CliOutput.WriteError(console, "--json applies to --presets only (a sweep writes PREFIX.json).");
                return 2;
            }

            PrachSimulationSetup setup;
            int threadCount;
            try
            {
                string name = parse.GetValue(preset)!;
                PrachRequirement r = Ts38104Table8_4_2_2.Find(name)
                    ?? throw new ArgumentException($"--preset '{name}' is unknown; valid: {names}.");
                bool noiseOnly = parse.GetValue(falseAlarm);
                IReadOnlyList<double> points = parse.GetValue(snr) is string text
                    ? LinkOptionCatalog.ParseSnr(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    : noiseOnly ? [r.SnrDb] : Enumerable.Range(0, 9).Select(i => Math.Round(r.SnrDb - 3 + (0.5 * i), 2)).ToArray();
                threadCount = parse.GetValue(threads) is int t && t > 0 ? t : Environment.ProcessorCount;
                setup = PrachSimulationSetup.Create(new PrachSimulationOptions
                {
                    Requirement = r,
                    Propagation = parse.GetValue(propagation),
                    FrequencyOffsetHz = parse.GetValue(cfo),
                    RxAntennas = parse.GetValue(rx),
                    SnrDb = points,
                    OccasionsPerPoint = parse.GetValue(occasions),
                    OccasionsPerBatch = parse.GetValue(batch),
                    NoiseOnly = noiseOnly,
                    FalseAlarmProbability = parse.GetValue(pfa),
                    Threshold = parse.GetValue(threshold),
                    CoherentRepetitions = parse.GetValue(coherent),
                    Seed = parse.GetValue(seed),
                    Threads = threadCount,
                });
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                CliOutput.WriteError(console, ex.Message);
                return 2;
            }

            SweepPlan plan = setup.Plan();
            var simulator = new PrachLinkSimulator(setup);
            PrachRequirement req = setup.Options.Requirement;
            console.MarkupLine($"[bold]{Markup.Escape(plan.Title)}[/]");
            console.MarkupLine(Markup.Escape(Invariant(
                $"prach-ConfigurationIndex {req.ConfigurationIndex} (FR1 paired), N_CS {setup.Configuration.NCs}, logical root {req.RootSequenceIndex}, preamble {req.PreambleIndex}; {setup.Timing.SampleRateHz / 1e6:0.##} Msps, N_RA {setup.Timing.RepetitionSamples}; timing offsets {setup.TimingOffsetsSeconds[0] * 1e6:0.00}…{setup.TimingOffsetsSeconds[^1] * 1e6:0.00} µs, tolerance {setup.TimeErrorToleranceSeconds * 1e6:0.00} µs around the strongest path (+{setup.StrongestPathDelaySeconds * 1e6:0.000} µs)")));
            console.MarkupLine(Markup.Escape(Invariant(
                $"detector threshold {simulator.Detector.ThresholdFor(simulator.Detector.ComponentsFor(setup.Occasion)):0.00} over {simulator.Detector.ComponentsFor(setup.Occasion)} non-coherent components (design P_FA {setup.Options.FalseAlarmProbability:G3}); {plan.SnrDb.Count} SNR point(s) × {plan.MaxSlotsPerPoint} occasions, seed {plan.Seed}, {threadCount} thread(s); CPU: {string.Join(' ', CpuFeatures.Current.Names)}")));
            var runner = new SweepRunner(plan, () => new PrachLinkSimulator(setup), threadCount);
            SweepResult result = runner.Run();
            double total = result.Points.Sum(p => p.Counters.Slots);
            console.MarkupLine(Markup.Escape(Invariant($"{total:0} occasions in {result.ElapsedSeconds:0.0} s ({total / Math.Max(1e-9, result.ElapsedSeconds):0} occasions/s)")));
            int exit = Summarise(console, result, setup.Options.NoiseOnly, parse.GetValue(requirement));
            try
            {
                foreach (string path in PrachSweepReport.Write(result, parse.GetValue(output)!, !parse.GetValue(noPlot), ResultFigure.ParseFormat(parse.GetValue(plotFormat)!)))
                {
                    console.MarkupLine($"wrote [blue]{Markup.Escape(path)}[/]");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                CliOutput.WriteError(console, ex.Message);
                return 1;
            }

            return exit;
        });
        return command;
    }

    private static int Summarise(IAnsiConsole console, SweepResult result, bool noiseOnly, bool requirement)
    {
        if (noiseOnly)
        {
            var fa = PrachRequirementComparison.FalseAlarms(result);
            bool met = fa.Rate <= PrachRequirementComparison.MaxFalseAlarm;
            console.MarkupLine(Markup.Escape(Invariant($"false alarms: {fa.FalseAlarms} in {fa.Occasions} noise-only occasions = {fa.Rate:0.0000e0} [95 % CI {fa.Lower:0.0e0}, {fa.Upper:0.0e0}]; TS 38.104 §8.4.1 allows 1e-3 → ")) + (met ? "[green]met[/]" : "[red]missed[/]"));
            return requirement && !met ? 1 : 0;
        }

        var table = new Table()
            .AddColumn(new TableColumn("SNR (dB)").RightAligned())
            .AddColumn(new TableColumn("occasions").RightAligned())
            .AddColumn(new TableColumn("missed").RightAligned())
            .AddColumn(new TableColumn("of which timing").RightAligned())
            .AddColumn(new TableColumn("P(detection) [[95 % CI]]").RightAligned());
        foreach (PointResult p in result.Points)
        {
            table.AddRow(
                Invariant($"{p.SnrDb:0.##}"),
                Invariant($"{p.Counters.Transmissions}"),
                Invariant($"{p.Counters.TransmissionErrors}"),
                Invariant($"{p.Counters.BitErrors}"),
                Markup.Escape(Invariant($"{100 * (1 - p.Bler):0.00} % [{100 * (1 - p.BlerUpper):0.00}, {100 * (1 - p.BlerLower):0.00}]")));
        }

        console.Write(table);
        PrachRequirementComparison comparison = PrachRequirementComparison.For(result);
        string crossing = comparison.CrossingSnrDb is double c
            ? Invariant($"{c:0.00} dB") + (comparison.Bracketed ? "" : " (at or below the lowest SNR simulated)")
            : "not reached in the simulated range";
        console.MarkupLine(Markup.Escape($"SNR for 99 % detection: {crossing}"));
        if (comparison.RequirementSnrDb is double r)
        {
            result.Plan.Description.TryGetValue("requirement", out string? name);
            string margin = comparison.MarginDb is double m ? Invariant($"margin {(comparison.Bracketed ? "" : "≥ ")}{m:+0.00;-0.00} dB → ") : "";
            string verdict = comparison.Verdict switch
            {
                RequirementVerdict.Met => margin + "[green]meets the requirement[/]",
                RequirementVerdict.Missed => margin + "[red]misses the requirement[/]",
                RequirementVerdict.Undetermined => "[yellow]undetermined: 99 % already at the lowest SNR simulated; add lower SNR points[/]",
                _ => "[red]99 % not reached in the simulated range[/]",
            };
            console.MarkupLine(Markup.Escape(Invariant($"requirement ({name}): 99 % at {r:0.0} dB; ")) + verdict);
            return requirement && comparison.Verdict != RequirementVerdict.Met ? 1 : 0;
        }

        return requirement ? 1 : 0;
    }

    private static void PrintPresets(IAnsiConsole console)
    {
        var table = new Table().AddColumn("preset").AddColumn("table").AddColumn("format").AddColumn("Δf_RA / Δf").AddColumn("propagation")
            .AddColumn("Rx").AddColumn(new TableColumn("SNR (dB)").RightAligned()).AddColumn("config").AddColumn("zcz").AddColumn("root").AddColumn("v").AddColumn("tolerance");
        foreach (PrachRequirement r in Ts38104Table8_4_2_2.All)
        {
            table.AddRow(r.Name, r.Table, r.FormatName, Invariant($"{(r.PrachSubcarrierSpacingKhz is int s ? s.ToString(CultureInfo.InvariantCulture) : "1.25")} / {r.CarrierSubcarrierSpacingKhz} kHz"),
                r.Propagation + (r.FrequencyOffsetHz != 0 ? Invariant($" + {r.FrequencyOffsetHz} Hz") : ""), Invariant($"{r.RxAntennas}"), Invariant($"{r.SnrDb:0.0}"),
                Invariant($"{r.ConfigurationIndex}"), Invariant($"{r.ZeroCorrelationZoneConfig}"), Invariant($"{r.RootSequenceIndex}"), Invariant($"{r.PreambleIndex}"),
                Invariant($"{r.TimeErrorToleranceSeconds * 1e6:0.00} µs"));
        }

        console.Write(table);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
