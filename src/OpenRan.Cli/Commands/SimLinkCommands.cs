using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Simulation.Channels;
using OpenRan.Simulation.Configuration;
using OpenRan.Simulation.Link;
using OpenRan.Simulation.Reporting;
using OpenRan.Simulation.Sweeps;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>
/// The link-level simulation commands under <c>openran sim</c>: <c>pusch</c> and <c>pdsch</c> (sample-level link
/// sweeps), <c>merge</c> (sum shard results into the outputs of a single run), <c>presets</c> (the TS 38.104 fixed
/// reference channels and requirements), and <c>openran sim</c> alone: the main job, a PUSCH sweep reproducing a
/// TS 38.104 requirement.
/// </summary>
internal static class SimLinkCommands
{
    /// <summary>The main job's settings: TS 38.104 Table 8.2.1.2-3, G-FR1-A3-10 on TDLB100-400 with 2 Rx antennas.</summary>
    private static readonly (string Name, string Value)[] s_mainJob =
    [
        ("preset", "G-FR1-A3-10"),
        ("propagation", "TDLB100-400"),
        ("rx-antennas", "2"),
        ("snr-db", "-5:0.5:1"),
        ("max-slots", "10000"),
        ("min-block-errors", "1000"),
        ("batch-slots", "50"),
        ("requirement", "true"),
    ];

    public static void AddTo(Command sim, IAnsiConsole console)
    {
        sim.Subcommands.Add(CreateLink(console, LinkKind.Pusch));
        sim.Subcommands.Add(CreateLink(console, LinkKind.Pdsch));
        sim.Subcommands.Add(CreateMerge(console));
        sim.Subcommands.Add(CreatePresets(console));
        var bound = new LinkOptionsBinding();
        bound.AddTo(sim);
        sim.SetAction(parse => RunLink(console, parse, bound, LinkKind.Pusch, MainJobDefaults()));
    }

    private static List<LinkOptionAssignment> MainJobDefaults() =>
        s_mainJob.Select(d => new LinkOptionAssignment(LinkOptionCatalog.Find(d.Name)!, [d.Value], "main-job default")).ToList();

    private static Command CreateLink(IAnsiConsole console, LinkKind kind)
    {
        string name = kind == LinkKind.Pusch ? "pusch" : "pdsch";
        var command = new Command(name, kind == LinkKind.Pusch
            ? "PUSCH link sweep at sample level (UE → channel → gNB): BLER and throughput versus SNR with HARQ."
            : "PDSCH link sweep at sample level (gNB → channel → UE): BLER and throughput versus SNR with HARQ.");
        var bound = new LinkOptionsBinding();
        bound.AddTo(command);
        command.SetAction(parse => RunLink(console, parse, bound, kind, []));
        return command;
    }

    private static int RunLink(IAnsiConsole console, ParseResult parse, LinkOptionsBinding bound, LinkKind kind, IReadOnlyList<LinkOptionAssignment> defaults)
    {
        LinkSetup setup;
        ShardSpec shard;
        ReceiverPlugin? plugin;
        try
        {
            plugin = parse.GetValue(bound.Plugin) is string pluginSpecification ? ReceiverPlugin.Load(pluginSpecification) : null;
            IReadOnlyList<LinkOptionAssignment> file = parse.GetValue(bound.Config) is FileInfo config ? LinkConfiguration.ReadYamlFile(config.FullName) : [];
            LinkSimulationOptions options = LinkConfiguration.Build(kind, defaults, file, bound.Assignments(parse));
            setup = LinkSetup.Create(options);
            shard = options.Shard is null ? ShardSpec.Single : ShardSpec.Parse(options.Shard, Environment.GetEnvironmentVariable);
            foreach (string path in SweepOutputs.Paths(options.Output, shard, options.Plot, options.PlotFormat))
            {
                CliOutput.EnsureWritable(path, "--output");
            }
        }
        catch (Exception ex) when (ex is ConfigurationException or ArgumentException or FormatException)
        {
            CliOutput.WriteError(console, ex.Message);
            return CliExitCode.Usage;
        }

        LinkSimulationOptions o = setup.Options;
        SweepPlan plan = setup.Plan();
        console.MarkupLine($"[bold]{Markup.Escape(plan.Title)}[/]");
        console.MarkupLine(Markup.Escape(Invariant(
            $"TBS {setup.TransportBlockSize} bits, {setup.Coding.Segmentation.CodeBlockCount} code block(s), G = {setup.CodewordLength}; FFT {setup.Ofdm.Timing.FftSize} at {setup.SampleRateHz / 1e6:0.##} Msps; HARQ {o.HarqProcesses} processes × {o.HarqMaxTransmissions} transmissions")));
        console.MarkupLine(Markup.Escape(Invariant(
            $"{plan.SnrDb.Count} SNR points, ≤ {plan.MaxSlotsPerPoint} slots each (stop at {plan.MinBlockErrors} errors), seed {plan.Seed}, {o.Threads} thread(s){(shard.IsSingle ? "" : $", shard {shard}")}; CPU: {string.Join(' ', CpuFeatures.Current.Names)}")));

        if (plugin is not null)
        {
            console.MarkupLine(Markup.Escape($"receiver plugin: {plugin.Type.FullName} as the {plugin.Part} (from {plugin.Type.Assembly.GetName().Name})"));
        }

        var runner = new SweepRunner(plan, () => new SharedChannelLinkSimulator(setup, plugin is null ? null : plugin.Apply), o.Threads, shard);
        SweepResult result = console.Profile.Capabilities.Interactive ? RunWithProgress(console, runner, plan) : runner.Run(new PlainProgress(console));
        double slots = result.Batches.Sum(b => b.Counters.Slots);
        console.MarkupLine(Markup.Escape(Invariant(
            $"{slots:0} slots in {result.ElapsedSeconds:0.0} s: {slots / Math.Max(1e-9, result.ElapsedSeconds):0} slots/s on {o.Threads} thread(s)")));
        if (shard.IsSingle)
        {
            PrintSummary(console, result);
        }

        IReadOnlyList<string> written;
        try
        {
            written = SweepOutputs.Write(result, o.Output, o.Plot, o.PlotFormat);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CliOutput.WriteError(console, ex.Message);
            return CliExitCode.Failure;
        }

        foreach (string path in written)
        {
            console.MarkupLine($"wrote [blue]{Markup.Escape(path)}[/]");
        }

        return shard.IsSingle ? RequirementExitCode(console, result) : CliExitCode.Success;
    }

    /// <summary>
    /// Exit 1 with the reason on standard error when the sweep was asked to check its 3GPP requirement
    /// (<c>--requirement</c>) and does not show it met; else 0.
    /// </summary>
    private static int RequirementExitCode(IAnsiConsole console, SweepResult result)
    {
        RequirementComparison comparison = RequirementComparison.For(result);
        if (!comparison.Failed)
        {
            return CliExitCode.Success;
        }

        string achieved = comparison.AchievedSnrDb is double a ? Invariant($"70 % throughput at {a:0.00} dB") : "70 % throughput not reached in the simulated SNR range";
        CliOutput.WriteError(console, Invariant(
            $"requirement {comparison.Verdict switch { RequirementVerdict.Missed => "missed", RequirementVerdict.Undetermined => "undetermined (70 % already at the lowest SNR simulated; add lower SNR points)", _ => "not reached" }}: {comparison.RequirementName}: {achieved}, required ≤ {comparison.RequirementSnrDb:0.0} dB."));
        return CliExitCode.Failure;
    }

    private static SweepResult RunWithProgress(IAnsiConsole console, SweepRunner runner, SweepPlan plan)
    {
        SweepResult? result = null;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var tasks = new ProgressTask[plan.SnrDb.Count];
                for (int p = 0; p < tasks.Length; p++)
                {
                    tasks[p] = context.AddTask(Invariant($"SNR {plan.SnrDb[p],6:0.0#} dB"), maxValue: 1);
                }

                var sync = new object();
                var progress = new CallbackProgress(report =>
                {
                    lock (sync)
                    {
                        ProgressTask task = tasks[report.PointIndex];
                        task.MaxValue = Math.Max(1, report.MaxSlots);
                        task.Value = report.PointFinished ? task.MaxValue : report.SlotsDone;
                        task.Description = Invariant($"SNR {report.SnrDb,6:0.0#} dB  errors {report.TransmissionErrors,5}");
                    }
                });
                result = runner.Run(progress);
            });
        return result!;
    }

    private sealed class CallbackProgress(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }

    /// <summary>Progress for non-interactive consoles: one line per finished SNR point.</summary>
    private sealed class PlainProgress(IAnsiConsole console) : IProgress<SweepProgress>
    {
        private readonly object _sync = new();

        public void Report(SweepProgress value)
        {
            if (!value.PointFinished)
            {
                return;
            }

            lock (_sync)
            {
                console.WriteLine(Invariant($"  SNR {value.SnrDb:0.0#} dB done: {value.SlotsDone} slots, {value.TransmissionErrors} errors ({value.PointsFinished}/{value.PointCount})"));
            }
        }
    }

    /// <summary>The CLI options of a link command: one per <see cref="LinkOptionCatalog"/> entry plus <c>--config</c>.</summary>
    private sealed class LinkOptionsBinding
    {
        private readonly List<(LinkOptionSpec Spec, Option Option)> _options = [];

        public LinkOptionsBinding()
        {
            foreach (LinkOptionSpec spec in LinkOptionCatalog.All)
            {
                Option option = spec.Kind == LinkOptionKind.Flag
                    ? new Option<bool?>("--" + spec.Name) { Description = spec.Description }
                    : new Option<string>("--" + spec.Name) { Description = spec.Description };
                _options.Add((spec, option));
            }
        }

        public Option<FileInfo?> Config { get; } = new("--config") { Description = "A YAML file with any of these options (keys are the option names without --); the command line overrides it." };

        public Option<string?> Plugin { get; } = new("--plugin")
        {
            Description = "ASSEMBLY.dll[,TYPE]: your own IChannelEqualizer or IChannelEstimator (a public class whose constructor parameters are all optional) used in place of the built-in part.",
        };

        public void AddTo(Command command)
        {
            command.Options.Add(Config);
            command.Options.Add(Plugin);
            foreach ((_, Option option) in _options)
            {
                command.Options.Add(option);
            }
        }

        public IEnumerable<LinkOptionAssignment> Assignments(ParseResult parse)
        {
            foreach ((LinkOptionSpec spec, Option option) in _options)
            {
                if (parse.GetResult(option) is null)
                {
                    continue;
                }

                string value = option is Option<bool?> flag
                    ? (parse.GetValue(flag) ?? true) ? "true" : "false"
                    : parse.GetValue((Option<string>)option) ?? "";
                yield return new LinkOptionAssignment(spec, [value], "--" + spec.Name);
            }
        }
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
        var output = new Option<string>("--output") { Description = "Output path prefix: writes PREFIX.csv, PREFIX.json and the plot PREFIX.png or .svg (default: the shards' prefix)." };
        var noPlot = new Option<bool>("--no-plot") { Description = "Do not write the plot." };
        Option<string> plotFormat = CliOption.Choice("--plot-format", "Plot image format", ["png", "svg"], "png");
        var command = new Command("merge", "Merge the shard results of a sweep run with --shard into the outputs a single run gives.") { files, output, noPlot, plotFormat };
        command.SetAction(parse =>
        {
            FileInfo[] paths = parse.GetValue(files) ?? [];
            string prefix = parse.GetValue(output) ?? DefaultPrefix(paths[0].FullName);
            PlotFormat format = ResultFigure.ParseFormat(parse.GetValue(plotFormat)!);
            try
            {
                foreach (string path in SweepOutputs.Paths(prefix, ShardSpec.Single, !parse.GetValue(noPlot), format))
                {
                    CliOutput.EnsureWritable(path, "--output");
                }
            }
            catch (ArgumentException ex)
            {
                CliOutput.WriteError(console, ex.Message);
                return CliExitCode.Usage;
            }

            SweepResult merged;
            try
            {
                var shards = paths.Select(p => SweepJson.Read(p.FullName)).ToList();
                merged = SweepResult.Merge(shards);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException)
            {
                CliOutput.WriteError(console, ex.Message);
                return CliExitCode.Failure;
            }

            IReadOnlyList<string> written;
            try
            {
                written = SweepOutputs.Write(merged, prefix, !parse.GetValue(noPlot), format);
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

            return RequirementExitCode(console, merged);
        });
        return command;
    }

    private static Command CreatePresets(IAnsiConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the lists as JSON." };
        var command = new Command("presets", "List the TS 38.104 fixed reference channels (Annex A; MCS index of TS 38.214 Table 5.1.3.1-2), PUSCH requirements (Tables 8.2.1.2-3, 8.2.1.2-7) and PUCCH requirements (§8.3).") { json };
        command.SetAction(parse =>
        {
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(console, new
                {
                    fixedReferenceChannels = Ts38104AnnexA.All.Select(f => new
                    {
                        name = f.Name,
                        subcarrierSpacingKhz = f.SubcarrierSpacingKhz,
                        prbs = f.PrbCount,
                        channelBandwidthMhz = f.ChannelBandwidthMhz,
                        modulation = f.ModulationName,
                        targetCodeRate = f.TargetCodeRate,
                        mcsIndex = f.McsIndex,
                        layers = f.Layers,
                    }),
                    puschRequirements = Ts38104Table8_2_1_2.All.Select(r => new
                    {
                        table = r.Table,
                        fixedReferenceChannel = r.FixedReferenceChannel,
                        propagation = r.Propagation,
                        correlation = PropagationConditions.CorrelationName(r.Correlation),
                        rxAntennas = r.RxAntennas,
                        snrDb = r.SnrDb,
                    }),
                    pucchRequirements = SimPucchCommand.PresetsJson(),
                });
                return 0;
            }

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
                requirements.AddRow(r.Table, r.FixedReferenceChannel, r.Propagation, PropagationConditions.CorrelationName(r.Correlation),
                    Invariant($"{r.RxAntennas}"), Invariant($"{r.SnrDb:0.0}"));
            }

            console.Write(requirements);
            SimPucchCommand.WritePresets(console);
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
