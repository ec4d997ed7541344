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
        command.Subcommands.Add(SimPucchCommand.Create(console));
        return command;
    }

    /// <summary>Parses <c>start:step:stop</c> or a comma-separated list of dB values.</summary>
    public static IReadOnlyList<double> ParseRange(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split(':');
        try
        {
            if (parts.Length == 3)
            {
                double start = double.Parse(parts[0], CultureInfo.InvariantCulture);
                double step = double.Parse(parts[1], CultureInfo.InvariantCulture);
                double stop = double.Parse(parts[2], CultureInfo.InvariantCulture);
                if (!(step > 0) || stop < start || (stop - start) / step > 1000)
                {
                    throw new ArgumentException($"--ebn0 '{text}': need start ≤ stop and 0 < step with at most 1000 points.");
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
            throw new ArgumentException($"--ebn0 '{text}' is neither start:step:stop nor a comma-separated list of numbers.");
        }
    }

    private static Command CreateCode(IAnsiConsole console)
    {
        IReadOnlyList<ICodeSimulationFactory> codes = CodeSimulationFactories.CreateAll();
        var code = new Option<string>("--code") { Description = $"The code: {string.Join(", ", codes.Select(c => c.Name))}.", Required = true };
        var ebN0 = new Option<string>("--ebn0") { Description = "E_b/N_0 points in dB: start:step:stop or a comma-separated list.", DefaultValueFactory = _ => "1.0:0.2:2.0" };
        var modulation = new Option<string>("--modulation") { Description = "bpsk or qpsk.", DefaultValueFactory = _ => "bpsk" };
        var k = new Option<int>("--k") { Description = "Information bits K per frame." };
        var e = new Option<int>("--e") { Description = "Rate-matched (transmitted) bits E per frame." };
        var rate = new Option<double>("--rate") { Description = "Code rate R = K/E (when --e is not given)." };
        var iterations = new Option<int>("--iterations") { Description = "Maximum decoder iterations.", DefaultValueFactory = _ => 10 };
        var decoder = new Option<string>("--decoder") { Description = "Decoder implementation: auto, avx2 or generic.", DefaultValueFactory = _ => "auto" };
        var maxErrors = new Option<int>("--max-errors") { Description = "Stop a point after this many frame errors.", DefaultValueFactory = _ => 100 };
        var maxFrames = new Option<long>("--max-frames") { Description = "Stop a point after this many frames.", DefaultValueFactory = _ => 20000 };
        var seed = new Option<ulong>("--seed") { Description = "Master seed (work-unit seeds derive from it).", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = every core); results do not depend on it.", DefaultValueFactory = _ => 0 };
        var unit = new Option<int>("--frames-per-unit") { Description = "Frames per work unit (granularity of the stopping rule).", DefaultValueFactory = _ => 8 };
        var csv = new Option<FileInfo?>("--csv") { Description = "Also write the table to this CSV file." };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON (no progress bar)." };
        var command = new Command("code", "Coded BPSK/QPSK AWGN frame-error-rate simulation of a channel code (multithreaded, seeded, reproducible).")
        {
            code, ebN0, modulation, k, e, rate, iterations, decoder, maxErrors, maxFrames, seed, threads, unit, csv, json,
        };
        foreach (Option option in codes.SelectMany(c => c.Options))
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            CodedAwgnSimulation simulation;
            string codeName;
            try
            {
                string name = parse.GetValue(code)!.Trim().ToLowerInvariant();
                ICodeSimulationFactory factory = codes.FirstOrDefault(c => c.Name == name)
                    ?? throw new ArgumentException($"--code '{name}' is unknown; valid: {string.Join(", ", codes.Select(c => c.Name))}.");
                CodedModulation scheme = parse.GetValue(modulation)!.Trim().ToLowerInvariant() switch
                {
                    "bpsk" => CodedModulation.Bpsk,
                    "qpsk" => CodedModulation.Qpsk,
                    string other => throw new ArgumentException($"--modulation '{other}' is unknown; valid: bpsk, qpsk."),
                };
                var settings = new CodeSimulationSettings(parse.GetValue(k), parse.GetValue(e), parse.GetValue(rate), parse.GetValue(iterations), parse.GetValue(decoder)!);
                Func<IFrameCodec> codecs = factory.Prepare(parse, settings);
                var options = new CodedAwgnSimulationOptions(
                    ParseRange(parse.GetValue(ebN0)!), scheme, parse.GetValue(maxErrors), parse.GetValue(maxFrames), parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(unit));
                codeName = codecs().Name;
                simulation = new CodedAwgnSimulation(codecs, options);
            }
            catch (ArgumentException ex)
            {
                CliOutput.WriteError(console, ex.Message);
                return 2;
            }

            bool asJson = parse.GetValue(json);
            CodedAwgnSimulationOptions o = simulation.Options;
            if (!asJson)
            {
                console.MarkupLine($"[bold]{Markup.Escape(codeName)}[/]");
                console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"{o.Modulation}, AWGN; stop after {o.MaxFrameErrors} frame errors or {o.MaxFrames} frames; seed {o.Seed}; {o.EffectiveThreadCount} thread(s), {o.FramesPerWorkUnit} frames per work unit; CPU: {string.Join(' ', CpuFeatures.Current.Names)}")));
            }

            IReadOnlyList<CodedAwgnPointResult> results = asJson || !console.Profile.Capabilities.Interactive
                ? simulation.Run()
                : RunWithProgress(console, simulation);

            FileInfo? csvFile = parse.GetValue(csv);
            if (csvFile is not null)
            {
                File.WriteAllText(csvFile.FullName, ToCsv(results), new UTF8Encoding(false));
            }

            if (asJson)
            {
                CliOutput.WriteJson(console, new { code = codeName, modulation = o.Modulation, seed = o.Seed, threads = o.EffectiveThreadCount, points = results.Select(ToJson) });
                return 0;
            }

            WriteTable(console, results);
            if (csvFile is not null)
            {
                console.MarkupLine($"CSV: {Markup.Escape(csvFile.FullName)}");
            }

            return 0;
        });
        return command;
    }

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
