using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using OpenRan.Cli.Sim;
using OpenRan.Dsp;
using OpenRan.Simulation.Coding;
using OpenRan.Simulation.Reporting;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary><c>openran sim code</c>: coded BPSK/QPSK AWGN frame-error-rate curves.</summary>
internal static class SimCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("sim", "Link-level simulations.");
        command.Subcommands.Add(CreateCode(console));
        SimLinkCommands.AddTo(command, console);
        command.Subcommands.Add(SimPrachCommand.Create(console));
        command.Subcommands.Add(SimPucchCommand.Create(console));
        command.Subcommands.Add(SimFalseDetectionCommand.Create(console));
        return command;
    }

    /// <summary>Parses <c>start:step:stop</c> or a comma-separated list of dB values.</summary>
    /// <param name="text">The option value.</param>
    /// <param name="option">The option's name, for error messages.</param>
    /// <param name="minimumDb">The smallest value accepted.</param>
    /// <param name="maximumDb">The largest value accepted.</param>
    public static IReadOnlyList<double> ParseRange(string text, string option = "--ebn0", double minimumDb = -20, double maximumDb = 40)
    {
        ArgumentNullException.ThrowIfNull(text);
        IReadOnlyList<double> values = ParseValues(text, option);
        foreach (double value in values)
        {
            if (!(value >= minimumDb && value <= maximumDb))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{option} = {text} is not valid: {value:G} dB is outside {Signed(minimumDb)} … {Signed(maximumDb)} dB."));
            }
        }

        return values.Count > 0 ? values : throw new ArgumentException($"{option} = {text} is not valid; valid: start:step:stop or a comma-separated list of numbers.");
    }

    /// <summary>A number with a typographic minus sign (U+2212), as the range messages print it.</summary>
    private static string Signed(double value) =>
        value < 0 ? "\u2212" + (-value).ToString("G", CultureInfo.InvariantCulture) : value.ToString("G", CultureInfo.InvariantCulture);

    private static IReadOnlyList<double> ParseValues(string text, string option)
    {
        string[] parts = text.Split(':');
        try
        {
            if (parts.Length == 3)
            {
                double start = double.Parse(parts[0], CultureInfo.InvariantCulture);
                double step = double.Parse(parts[1], CultureInfo.InvariantCulture);
                double stop = double.Parse(parts[2], CultureInfo.InvariantCulture);
                if (!(step > 0) || !(stop >= start) || !((stop - start) / step <= 1000))
                {
                    throw new ArgumentException($"{option} = {text} is not valid; valid: start:step:stop with start ≤ stop and 0 < step, at most 1000 points.");
                }

                var values = new List<double>();
                for (int i = 0; start + (i * step) <= stop + (step * 1e-9); i++)
                {
                    values.Add(Math.Round(start + (i * step), 10));
                }

                return values;
            }

            return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        }
        catch (FormatException)
        {
            throw new ArgumentException($"{option} = {text} is not valid; valid: start:step:stop or a comma-separated list of numbers.");
        }
    }

    private static Command CreateCode(IAnsiConsole console)
    {
        IReadOnlyList<ICodeSimulationFactory> codes = CodeSimulationFactories.CreateAll();
        Option<string> code = CliOption.Choice("--code", "The code", codes.Select(c => c.Name).ToArray());
        code.Required = true;
        var ebN0 = new Option<string>("--ebn0") { Description = "E_b/N_0 points in dB: start:step:stop or a comma-separated list (each −20 … 40).", DefaultValueFactory = _ => "1.0:0.2:2.0" };
        Option<string> modulation = CliOption.Choice("--modulation", "The modulation", ["bpsk", "qpsk"], "bpsk");
        Option<int> k = CliOption.Integer("--k", "Information bits K per frame", 1, CodeSimulationSettings.MaxCodedBits);
        Option<int> e = CliOption.Integer("--e", "Rate-matched (transmitted) bits E per frame, at least K", 1, CodeSimulationSettings.MaxCodedBits);
        Option<double> rate = CliOption.Real("--rate", "Code rate R = K/E (instead of --e)", 0, 1, minimumExclusive: true);
        Option<int> iterations = CliOption.Integer("--iterations", "Maximum decoder iterations", 1, 100, 10);
        var decoder = new Option<string>("--decoder") { Description = "Decoder implementation: auto, avx512, avx2 or generic.", DefaultValueFactory = _ => "auto" };
        Option<int> maxErrors = CliOption.Integer("--max-errors", "Stop a point after this many frame errors", 1, 10_000_000, 100);
        Option<long> maxFrames = CliOption.Integer("--max-frames", "Stop a point after this many frames", 1L, 1_000_000_000L, 20000L);
        Option<ulong> seed = CliOption.Integer("--seed", "Master seed (work-unit seeds derive from it)", ulong.MinValue, ulong.MaxValue, 1UL);
        Option<int> threads = CliOption.Integer("--threads", "Worker threads, 0 = every core; results do not depend on it", 0, 1024, 0);
        Option<int> unit = CliOption.Integer("--frames-per-unit", "Frames per work unit (granularity of the stopping rule)", 1, 4096, 8);
        var csv = new Option<string?>("--csv") { Description = "Also write the table to this CSV file (checked writable before the run)." };
        var output = new Option<string?>("--output") { Description = "Also write PREFIX.csv, PREFIX.json and the plot PREFIX.png or .svg (e.g. results/ldpc; checked writable before the run)." };
        Option<string> plotFormat = CliOption.Choice("--plot-format", "Plot image format for --output", ["png", "svg"], "png");
        var json = new Option<bool>("--json") { Description = "Print the results as JSON (no progress bar)." };
        var command = new Command("code", "Coded BPSK/QPSK AWGN frame-error-rate simulation of a channel code (multithreaded, seeded, reproducible).")
        {
            code, ebN0, modulation, k, e, rate, iterations, decoder, maxErrors, maxFrames, seed, threads, unit, csv, output, plotFormat, json,
        };
        foreach (Option option in codes.SelectMany(c => c.Options))
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            CodedAwgnSimulation simulation;
            string codeName;
            string? csvPath = parse.GetValue(csv);
            string? prefix = parse.GetValue(output);
            try
            {
                ICodeSimulationFactory factory = codes.First(c => c.Name == parse.GetValue(code));
                CodedModulation scheme = parse.GetValue(modulation) == "qpsk" ? CodedModulation.Qpsk : CodedModulation.Bpsk;
                if (parse.GetResult(e) is not null && parse.GetResult(rate) is not null)
                {
                    throw new ArgumentException("--e and --rate are alternatives (R = K/E); give one of them.");
                }

                var settings = new CodeSimulationSettings(parse.GetValue(k), parse.GetValue(e), parse.GetValue(rate), parse.GetValue(iterations), parse.GetValue(decoder)!);
                Func<IFrameCodec> codecs = CodeSimulationSettings.Prepare(factory, parse, settings, out IFrameCodec first);
                var options = new CodedAwgnSimulationOptions(
                    ParseRange(parse.GetValue(ebN0)!), scheme, parse.GetValue(maxErrors), parse.GetValue(maxFrames), parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(unit));
                codeName = first.Name;
                simulation = new CodedAwgnSimulation(codecs, options);
                if (csvPath is not null)
                {
                    CliOutput.EnsureWritable(csvPath, "--csv");
                }

                if (prefix is not null)
                {
                    foreach (string extension in new[] { ".csv", ".json", ResultFigure.Extension(ResultFigure.ParseFormat(parse.GetValue(plotFormat)!)) })
                    {
                        CliOutput.EnsureWritable(prefix + extension, "--output");
                    }
                }
            }
            catch (ArgumentException ex)
            {
                CliOutput.WriteError(console, ex.Message);
                return CliExitCode.Usage;
            }

            bool asJson = parse.GetValue(json);
            CodedAwgnSimulationOptions o = simulation.Options;
            if (!asJson)
            {
                console.MarkupLine($"[bold]{Markup.Escape(codeName)}[/]");
                console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"{o.Modulation.ToString().ToUpperInvariant()}, AWGN; stop after {o.MaxFrameErrors} frame errors or {o.MaxFrames} frames; seed {o.Seed}; {o.EffectiveThreadCount} thread(s), {o.FramesPerWorkUnit} frames per work unit; CPU: {string.Join(' ', CpuFeatures.Current.Names)}")));
            }

            IReadOnlyList<CodedAwgnPointResult> results = asJson || !console.Profile.Capabilities.Interactive
                ? simulation.Run()
                : RunWithProgress(console, simulation);

            if (csvPath is not null)
            {
                File.WriteAllText(csvPath, ToCsv(results), new UTF8Encoding(false));
            }

            object document = new { code = codeName, modulation = o.Modulation.ToString().ToUpperInvariant(), seed = o.Seed, threads = o.EffectiveThreadCount, points = results.Select(ToJson) };
            var written = new List<string>();
            if (prefix is not null)
            {
                PlotFormat format = ResultFigure.ParseFormat(parse.GetValue(plotFormat)!);
                File.WriteAllText(prefix + ".csv", ToCsv(results), new UTF8Encoding(false));
                File.WriteAllText(prefix + ".json", CliOutput.Json(document) + "\n", new UTF8Encoding(false));
                string configuration = string.Create(CultureInfo.InvariantCulture,
                    $"{results.Min(r => r.Frames)}–{results.Max(r => r.Frames)} frames per point (at most {o.MaxFrames}, stop at {o.MaxFrameErrors} frame errors) · seed {o.Seed}");
                CodeSimulationPlot(codeName, o, configuration, results, prefix + ResultFigure.Extension(format), format);
                written.AddRange([prefix + ".csv", prefix + ".json", prefix + ResultFigure.Extension(format)]);
            }

            if (asJson)
            {
                CliOutput.WriteJson(console, document);
                return CliExitCode.Success;
            }

            WriteTable(console, results);
            if (csvPath is not null)
            {
                console.MarkupLine($"CSV: {Markup.Escape(Path.GetFullPath(csvPath))}");
            }

            foreach (string path in written)
            {
                console.MarkupLine($"wrote [blue]{Markup.Escape(path)}[/]");
            }

            return CliExitCode.Success;
        });
        return command;
    }

    private static void CodeSimulationPlot(string codeName, CodedAwgnSimulationOptions o, string configuration, IReadOnlyList<CodedAwgnPointResult> results, string path, PlotFormat format) =>
        CodeSweepPlot.Write($"{codeName}, {o.Modulation.ToString().ToUpperInvariant()}, AWGN", configuration, results, path, format);

    private static IReadOnlyList<CodedAwgnPointResult> RunWithProgress(IAnsiConsole console, CodedAwgnSimulation simulation)
    {
        IReadOnlyList<CodedAwgnPointResult> results = [];
        CodedAwgnSimulationOptions o = simulation.Options;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var tasks = o.EbN0Db.Select(v => ctx.AddTask(string.Create(CultureInfo.InvariantCulture, $"Eb/N0 {v,5:F2} dB"), autoStart: false, maxValue: 1)).ToArray();
                results = simulation.Run(p =>
                {
                    ProgressTask task = tasks[p.PointIndex];
                    task.StartTask();

                    // Progress towards the nearer of the two stopping limits.
                    double fraction = Math.Max((double)p.FrameErrors / o.MaxFrameErrors, (double)p.Frames / o.MaxFrames);
                    task.Value = p.Done ? 1 : Math.Min(0.999, fraction);
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"Eb/N0 {p.EbN0Db,5:F2} dB: {p.FrameErrors} errors / {p.Frames} frames");
                    if (p.Done)
                    {
                        task.StopTask();
                    }
                });
            });
        return results;
    }

    private static void WriteTable(IAnsiConsole console, IReadOnlyList<CodedAwgnPointResult> results)
    {
        var table = new Table();
        foreach (string column in new[] { "Eb/N0 dB", "Es/N0 dB", "frames", "frame errors", "FER", "FER 95% CI", "BER", "decoder failures", "undetected", "seconds" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (CodedAwgnPointResult r in results)
        {
            (double low, double high) = r.FrameErrorRateInterval;
            table.AddRow(
                F(r.EbN0Db, "F2"), F(r.EsN0Db, "F3"), r.Frames.ToString(CultureInfo.InvariantCulture), r.FrameErrors.ToString(CultureInfo.InvariantCulture),
                F(r.FrameErrorRate, "0.00E+0"), $"{F(low, "0.0E+0")}..{F(high, "0.0E+0")}", F(r.BitErrorRate, "0.00E+0"),
                r.DecoderFailures.ToString(CultureInfo.InvariantCulture), r.UndetectedErrors.ToString(CultureInfo.InvariantCulture), F(r.ElapsedSeconds, "F1"));
        }

        console.Write(table);
    }

    /// <summary>The results as CSV (invariant culture, one row per point).</summary>
    public static string ToCsv(IReadOnlyList<CodedAwgnPointResult> results)
    {
        var text = new StringBuilder("ebn0_db,esn0_db,noise_variance,frames,frame_errors,fer,fer_ci95_low,fer_ci95_high,bit_errors,information_bits,ber,decoder_failures,undetected_errors,seconds\n");
        foreach (CodedAwgnPointResult r in results)
        {
            (double low, double high) = r.FrameErrorRateInterval;
            text.Append(CultureInfo.InvariantCulture,
                $"{r.EbN0Db:R},{r.EsN0Db:R},{r.NoiseVariance:R},{r.Frames},{r.FrameErrors},{r.FrameErrorRate:R},{low:R},{high:R},{r.BitErrors},{r.InformationBits},{r.BitErrorRate:R},{r.DecoderFailures},{r.UndetectedErrors},{r.ElapsedSeconds:F3}\n");
        }

        return text.ToString();
    }

    private static object ToJson(CodedAwgnPointResult r) => new
    {
        ebN0Db = r.EbN0Db,
        esN0Db = r.EsN0Db,
        noiseVariance = r.NoiseVariance,
        frames = r.Frames,
        frameErrors = r.FrameErrors,
        frameErrorRate = r.FrameErrorRate,
        frameErrorRateCi95 = new[] { r.FrameErrorRateInterval.Low, r.FrameErrorRateInterval.High },
        bitErrors = r.BitErrors,
        bitErrorRate = r.BitErrorRate,
        decoderFailures = r.DecoderFailures,
        undetectedErrors = r.UndetectedErrors,
        seconds = r.ElapsedSeconds,
    };

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
