using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using OpenRan.Simulation.Configuration;
using OpenRan.Simulation.Reporting;
using OpenRan.Simulation.Sweeps;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>
/// The link-level simulation commands under <c>openran sim</c>: <c>merge</c> (sum shard results into the outputs of a
/// single run) and <c>presets</c> (the TS 38.104 fixed reference channels and requirements).
/// </summary>
internal static class SimLinkCommands
{
    public static void AddTo(Command sim, IAnsiConsole console)
    {
        sim.Subcommands.Add(CreateMerge(console));
        sim.Subcommands.Add(CreatePresets(console));
    }

    /// <summary>Prints the per-point table and, when the sweep carries a 3GPP requirement, the comparison.</summary>
    public static void PrintSummary(IAnsiConsole console, SweepResult result)
    {
        if (!string.IsNullOrWhiteSpace(result.Plan.Title))
        {
            console.MarkupLine($"[bold]{Markup.Escape(result.Plan.Title)}[/]");
        }

        var table = new Table()
            .AddColumn(new TableColumn("SNR (dB)").RightAligned())
            .AddColumn(new TableColumn("slots").RightAligned())
            .AddColumn(new TableColumn("BLER [[95 % CI]]").RightAligned())
            .AddColumn(new TableColumn("residual BLER").RightAligned())
            .AddColumn(new TableColumn("throughput [[95 % CI]]").RightAligned())
            .AddColumn(new TableColumn("Mbit/s").RightAligned());
        foreach (PointResult p in result.Points)
        {
            table.AddRow(
                Markup.Escape(Invariant($"{p.SnrDb:0.##}")),
                Markup.Escape(Invariant($"{p.Counters.Slots}")),
                Markup.Escape(Invariant($"{p.Bler:0.0000} [{p.BlerLower:0.0000}, {p.BlerUpper:0.0000}]")),
                Markup.Escape(Invariant($"{p.ResidualBler:0.0000}")),
                Markup.Escape(Invariant($"{100 * p.ThroughputShare:0.0} % [{100 * p.ThroughputShareLower:0.0}, {100 * p.ThroughputShareUpper:0.0}]")),
                Markup.Escape(Invariant($"{p.ThroughputMbps:0.00} / {p.MaxThroughputMbps:0.00}")));
        }

        console.Write(table);
        RequirementComparison comparison = RequirementComparison.For(result);
        string achieved = comparison.AchievedSnrDb is double a
            ? Invariant($"{a:0.00} dB") + (comparison.Bracketed ? "" : " (at or below the lowest SNR simulated)")
            : "not reached in the simulated SNR range";
        console.MarkupLine(Markup.Escape($"SNR for 70 % of maximum throughput: {achieved}"));
        if (comparison.RequirementSnrDb is double r)
        {
            result.Plan.Description.TryGetValue(RequirementComparison.RequirementNameKey, out string? name);
            string margin = comparison.MarginDb is double m ? Invariant($"margin {(comparison.Bracketed ? "" : "≥ ")}{m:+0.00;-0.00} dB → ") : "";
            string verdict = comparison.Verdict switch
            {
                RequirementVerdict.Met => margin + "[green]meets the requirement[/]",
                RequirementVerdict.Missed => margin + "[red]misses the requirement[/]",
                RequirementVerdict.Undetermined => "[yellow]undetermined: 70 % already at the lowest SNR simulated; add lower SNR points[/]",
                _ => "[red]70 % not reached in the simulated SNR range[/]",
            };
            console.MarkupLine(Markup.Escape(Invariant($"3GPP requirement ({name ?? "TS 38.104"}): {r:0.0} dB; ")) + verdict);
        }
    }

    private static Command CreateMerge(IAnsiConsole console)
    {
        var files = new Argument<FileInfo[]>("shards") { Description = "The shard results (PREFIX.shard-I-of-N.json) of one sweep, every shard once.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output") { Description = "Output path prefix: writes PREFIX.csv, PREFIX.json and PREFIX.png (default: the shards' prefix)." };
        var noPlot = new Option<bool>("--no-plot") { Description = "Do not write the PNG." };
        var command = new Command("merge", "Merge the shard results of a sweep run with --shard into the outputs a single run gives.") { files, output, noPlot };
        command.SetAction(parse =>
        {
            FileInfo[] paths = parse.GetValue(files) ?? [];
            SweepResult merged;
            try
            {
                var shards = paths.Select(p => SweepJson.Read(p.FullName)).ToList();
                merged = SweepResult.Merge(shards);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException)
            {
                CliOutput.WriteError(console, ex.Message);
                return 1;
            }

            string prefix = parse.GetValue(output) ?? DefaultPrefix(paths[0].FullName);
            IReadOnlyList<string> written;
            try
            {
                written = SweepOutputs.Write(merged, prefix, !parse.GetValue(noPlot));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                CliOutput.WriteError(console, ex.Message);
                return 1;
            }

            console.MarkupLine(Markup.Escape(Invariant($"merged {paths.Length} shard(s): {merged.Batches.Count} batches, {merged.Points.Sum(p => p.Counters.Slots)} slots")));
            PrintSummary(console, merged);
            foreach (string path in written)
            {
                console.MarkupLine($"wrote [blue]{Markup.Escape(path)}[/]");
            }

            return 0;
        });
        return command;
    }

    private static Command CreatePresets(IAnsiConsole console)
    {
        var command = new Command("presets", "List the TS 38.104 fixed reference channels (Annex A; MCS index of TS 38.214 Table 5.1.3.1-2) and PUSCH requirements (Tables 8.2.1.2-3, 8.2.1.2-7).");
        command.SetAction(_ =>
        {
            var frcs = new Table().AddColumn("FRC").AddColumn("SCS").AddColumn("PRBs").AddColumn("bandwidth").AddColumn("modulation")
                .AddColumn("rate").AddColumn("MCS").AddColumn("layers");
            foreach (FixedReferenceChannel f in Ts38104AnnexA.All)
            {
                frcs.AddRow(f.Name, Invariant($"{f.SubcarrierSpacingKhz} kHz"), Invariant($"{f.PrbCount}"), Invariant($"{f.ChannelBandwidthMhz} MHz"),
                    f.ModulationName, Invariant($"{f.TargetCodeRateX1024}/1024"), Invariant($"{f.McsIndex}"), Invariant($"{f.Layers}"));
            }

            console.Write(frcs);
            var requirements = new Table().AddColumn("table").AddColumn("FRC").AddColumn("propagation").AddColumn("correlation")
                .AddColumn("Rx antennas").AddColumn(new TableColumn("SNR for 70 % (dB)").RightAligned());
            foreach (PuschRequirement r in Ts38104Table8_2_1_2.All)
            {
                requirements.AddRow(r.Table, r.FixedReferenceChannel, r.Propagation, r.Correlation.ToString().ToLowerInvariant(),
                    Invariant($"{r.RxAntennas}"), Invariant($"{r.SnrDb:0.0}"));
            }

            console.Write(requirements);
            return 0;
        });
        return command;
    }

    private static string DefaultPrefix(string shardPath)
    {
        string name = shardPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? shardPath[..^5] : shardPath;
        int shard = name.LastIndexOf(".shard-", StringComparison.Ordinal);
        return shard > 0 ? name[..shard] : name + ".merged";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
