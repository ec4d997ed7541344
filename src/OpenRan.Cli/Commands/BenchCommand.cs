using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using OpenRan.Cli.Bench;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary><c>openran bench NAME</c>: quick throughput figures for a kernel or chain.</summary>
internal static class BenchCommand
{
    /// <summary>Every quick benchmark; each speed-critical feature adds its own here.</summary>
    public static IReadOnlyList<IQuickBenchmark> CreateAll()
    {
        var all = new List<IQuickBenchmark>();
        all.AddRange(ComplexKernelBenchmark.CreateAll());
        all.Add(new ChannelQuickBenchmark());
        all.AddRange(ControlChannelBenchmark.CreateAll());
        all.AddRange(SharedChannelBenchmarks.CreateAll());
        all.Add(new RadioLoopbackBenchmark());
        all.Add(new FftQuickBenchmark());
        all.AddRange(OfdmQuickBenchmark.CreateAll());
        all.AddRange([new LdpcEncodeBenchmark(), new LdpcDecodeBenchmark(), new LdpcRateMatchBenchmark(dematch: false), new LdpcRateMatchBenchmark(dematch: true), new CrcBenchmark()]);
        all.Add(new PrachQuickBenchmark());
        all.Add(new PucchQuickBenchmark());
        return all;
    }

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("bench", "Quick throughput figures (median and spread after warm-up); BenchmarkDotNet in benchmarks/ is the rigorous reference.");
        foreach (IQuickBenchmark bench in CreateAll())
        {
            command.Subcommands.Add(CreateOne(console, bench));
        }

        var listJson = new Option<bool>("--json") { Description = "Print the list as JSON." };
        var list = new Command("list", "List the registered benchmarks.") { listJson };
        list.SetAction(parse =>
        {
            if (parse.GetValue(listJson))
            {
                CliOutput.WriteJson(console, CreateAll().Select(b => new { name = b.Name, description = b.Description }));
                return 0;
            }

            var table = new Table().AddColumn("name").AddColumn("measures");
            foreach (IQuickBenchmark bench in CreateAll())
            {
                table.AddRow(Markup.Escape(bench.Name), Markup.Escape(bench.Description));
            }

            console.Write(table);
            return 0;
        });
        command.Subcommands.Add(list);
        return command;
    }

    private static Command CreateOne(IAnsiConsole console, IQuickBenchmark bench)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var samples = new Option<int>("--samples") { Description = "Timed samples (3..10000).", DefaultValueFactory = _ => 21 };
        var sampleMs = new Option<double>("--sample-ms") { Description = "Target duration of one sample in milliseconds (0.1..10000).", DefaultValueFactory = _ => 50 };
        var maxWarmupMs = new Option<double>("--max-warmup-ms")
        {
            Description = "Limit of the warm-up that waits for JIT compilation to settle, in milliseconds (100..600000); past it the figures are flagged.",
            DefaultValueFactory = _ => QuickBenchRunner.DefaultMaxWarmupMilliseconds,
        };
        var command = new Command(bench.Name, bench.Description) { json, samples, sampleMs, maxWarmupMs };
        foreach (Option option in bench.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            QuickBenchResult result;
            try
            {
                int n = parse.GetValue(samples);
                double ms = parse.GetValue(sampleMs);
                if (n is < 3 or > 10000)
                {
                    throw new ArgumentException($"--samples = {n} is out of range; valid: 3..10000.");
                }

                if (ms is < 0.1 or > 10000)
                {
                    throw new ArgumentException($"--sample-ms = {ms} is out of range; valid: 0.1..10000.");
                }

                double warmupMs = parse.GetValue(maxWarmupMs);
                if (warmupMs is < 100 or > 600_000)
                {
                    throw new ArgumentException($"--max-warmup-ms = {warmupMs} is out of range; valid: 100..600000.");
                }

                PreparedBenchmark prepared = bench.Prepare(parse);
                result = QuickBenchRunner.Measure(bench.Name, prepared, n, ms, warmupMs);
            }
            catch (ArgumentException ex)
            {
                CliOutput.WriteError(console, ex.Message);
                return 2;
            }

            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(console, result);
                return 0;
            }

            console.MarkupLine($"[bold]{Markup.Escape(result.Name)}[/] ({Markup.Escape(QuickBenchRunner.FormatParameters(result.Parameters))})");
            var table = new Table().AddColumn("median").AddColumn("p10..p90").AddColumn("throughput").AddColumn("allocated/op");
            if (result.RealTimeBudgetMicroseconds is not null)
            {
                table.AddColumn("real-time budget");
            }

            var row = new List<string>
            {
                string.Create(CultureInfo.InvariantCulture, $"{result.MedianMicroseconds:F3} µs"),
                string.Create(CultureInfo.InvariantCulture, $"{result.P10Microseconds:F3}..{result.P90Microseconds:F3} µs"),
                FormatRate(result.MedianThroughput, result.ThroughputUnit),
                string.Create(CultureInfo.InvariantCulture, $"{result.AllocatedBytesPerOperation:F0} B"),
            };
            if (result.RealTimeBudgetMicroseconds is double budget)
            {
                row.Add(string.Create(CultureInfo.InvariantCulture, $"{budget:F0} µs ({100 * result.MedianMicroseconds / budget:F1} % used)"));
            }

            table.AddRow(row.ToArray());
            console.Write(table);
            console.MarkupLine(Markup.Escape(DescribeWarmup(result)));
            return 0;
        });
        return command;
    }

    /// <summary>The warm-up line under the figures: settled, or a warning that the figures may include unoptimized code.</summary>
    internal static string DescribeWarmup(QuickBenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.JitSettled
            ? string.Create(CultureInfo.InvariantCulture, $"JIT settled: optimized code timed (warm-up {result.WarmupMilliseconds / 1000:F1} s, no method compiled during the samples).")
            : string.Create(CultureInfo.InvariantCulture, $"warning: JIT compilation had not settled after {result.WarmupMilliseconds / 1000:F1} s of warm-up ({result.JitCompiledMethodsDuringMeasurement} methods compiled during the samples); the figures may include unoptimized code (raise --max-warmup-ms, or set DOTNET_TieredCompilation=0).");
    }

    /// <summary>
    /// A rate with its SI prefix chosen by magnitude, three significant digits: 0.012 Mblock/s prints as
    /// "12.0 kblock/s", 1520 Msample/s as "1.52 Gsample/s". <paramref name="unit"/> is the benchmark's unit (e.g. Mblock/s).
    /// </summary>
    internal static string FormatRate(double value, string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        double factor = 1;
        string bare = unit;
        if (unit.Length > 1 && char.IsLower(unit[1]) && "kMG".Contains(unit[0], StringComparison.Ordinal))
        {
            factor = unit[0] switch { 'k' => 1e3, 'M' => 1e6, _ => 1e9 };
            bare = unit[1..];
        }

        double perSecond = value * factor;
        if (!double.IsFinite(perSecond) || perSecond == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{value:G3} {unit}");
        }

        (double scale, string prefix) = Math.Abs(perSecond) switch
        {
            >= 1e9 => (1e9, "G"),
            >= 1e6 => (1e6, "M"),
            >= 1e3 => (1e3, "k"),
            _ => (1.0, ""),
        };
        double scaled = perSecond / scale;
        string digits = scaled >= 100 ? "F0" : scaled >= 10 ? "F1" : "F2";
        return string.Create(CultureInfo.InvariantCulture, $"{scaled.ToString(digits, CultureInfo.InvariantCulture)} {prefix}{bare}");
    }
}
