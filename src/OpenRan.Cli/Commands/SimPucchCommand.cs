using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Channels.Pucch;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Simulation.Configuration;
using OpenRan.Simulation.Link;
using OpenRan.Simulation.Reporting;
using OpenRan.Simulation.Sweeps;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>
/// <c>openran sim pucch</c>: a PUCCH link sweep at sample level (UE → OFDM → channel → gNB receiver) counting ACK missed,
/// NACK-to-ACK, false ACK (DTX to ACK) or UCI block errors per SNR, with the TS 38.104 §8.3 presets and a verdict against
/// the requirement; <c>--requirement</c> makes a miss exit with code 1.
/// </summary>
internal static class SimPucchCommand
{
    /// <summary>Format 4 has no TS 38.104 requirement here: its default sweep (22 UCI bits, 14 symbols, N_SF = 2, hopping).</summary>
    private static readonly PucchRequirement s_format4Default = new(
        "F4-UCI", "-", "format 4, 14 symbols, N_SF 2, 22 UCI bits: UCI BLER (no TS 38.104 requirement)",
        new PucchConfiguration { Format = PucchFormat.Format4, NSizeBwp = Ts38104Table8_3.GridPrbs, StartSymbol = 0, SymbolCount = 14, StartPrb = 0, SecondHopPrb = Ts38104Table8_3.GridPrbs - 1, SpreadingFactor = 2, NId = 0, NRnti = 1 },
        new PucchUciSizes(0, 0, 22), PucchTest.UciBler, 15, Ts38104Table8_3.GridPrbs, "TDLC300-100-low", 2, 0.01, double.NaN);

    public static Command Create(IAnsiConsole console)
    {
        var preset = new Option<string>("--preset") { Description = $"A TS 38.104 §8.3 requirement: {string.Join(", ", Ts38104Table8_3.All.Select(r => r.Name))}." };
        var format = new Option<int?>("--format") { Description = "PUCCH format 0..4 (alone: that format's first preset; format 4 has no requirement)." };
        var test = new Option<string>("--test") { Description = "What to count: ack-missed, nack-to-ack, dtx (false ACK), uci-bler." };
        var snr = new Option<string>("--snr-db") { Description = "SNR points per RE per Rx antenna in dB: start:step:stop or a list (default: requirement −3 … +2 in 1 dB steps)." };
        var rx = new Option<int?>("--rx-antennas") { Description = "Receive antennas (default 2)." };
        var propagation = new Option<string>("--propagation") { Description = "Propagation condition, e.g. TDLC300-100-low, AWGN (default TDLC300-100-low)." };
        var maxOccasions = new Option<long>("--max-occasions") { Description = "Most PUCCH occasions per SNR point.", DefaultValueFactory = _ => 10_000 };
        var minErrors = new Option<long>("--min-errors") { Description = "Stop a point after this many errors (0 = always --max-occasions).", DefaultValueFactory = _ => 200 };
        var batch = new Option<int>("--batch") { Description = "Occasions per work unit.", DefaultValueFactory = _ => 100 };
        var seed = new Option<ulong>("--seed") { Description = "Master seed.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = every core); results do not depend on it.", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--output") { Description = "Output prefix for PREFIX.csv, PREFIX.json and the plot PREFIX.png or .svg (default results/openran-pucch-<preset>)." };
        var noPlot = new Option<bool>("--no-plot") { Description = "Do not write the plot." };
        Option<string> plotFormat = CliOption.Choice("--plot-format", "Plot image format", ["png", "svg"], "png");
        var requirement = new Option<bool>("--requirement") { Description = "Exit with code 1 unless the requirement is met." };
        var falseAlarm = new Option<double?>("--false-alarm") { Description = "The receiver's DTX false-alarm probability (default 0.01)." };
        var harqBits = new Option<int?>("--harq-bits") { Description = "HARQ-ACK bits per occasion." };
        var csiBits = new Option<int?>("--csi-bits") { Description = "CSI part 1 bits per occasion (formats 2–4)." };
        var csi2Bits = new Option<int?>("--csi2-bits") { Description = "CSI part 2 bits per occasion (formats 3, 4)." };
        var startSymbol = new Option<int?>("--start-symbol") { Description = "First PUCCH symbol in the slot." };
        var symbols = new Option<int?>("--symbols") { Description = "PUCCH symbols." };
        var prbs = new Option<int?>("--prbs") { Description = "PUCCH PRBs (formats 2, 3)." };
        var secondHop = new Option<int?>("--second-hop-prb") { Description = "Second-hop PRB (−1: no intra-slot hopping)." };
        var additionalDmrs = new Option<bool?>("--additional-dmrs") { Description = "Additional DM-RS (formats 3, 4)." };
        var modulation = new Option<string>("--modulation") { Description = "qpsk or pi2bpsk (formats 3, 4)." };
        var spreading = new Option<int?>("--spreading-factor") { Description = "Format 4 N_SF: 2 or 4." };
        var occ = new Option<int?>("--occ-index") { Description = "Format 4 OCC index." };
        var command = new Command("pucch", "PUCCH link sweep at sample level: ACK missed, NACK to ACK, false ACK or UCI BLER versus SNR, with the TS 38.104 §8.3 presets and verdicts.")
        {
            preset, format, test, snr, rx, propagation, maxOccasions, minErrors, batch, seed, threads, output, noPlot, plotFormat, requirement, falseAlarm,
            harqBits, csiBits, csi2Bits, startSymbol, symbols, prbs, secondHop, additionalDmrs, modulation, spreading, occ,
        };
        command.SetAction(parse =>
        {
            PucchLinkSetup setup;
            string prefix;
            try
            {
                PucchRequirement? chosen = Choose(parse.GetValue(preset), parse.GetValue(format));
                PucchConfiguration c = chosen.Configuration;
                c = c with
                {
                    StartSymbol = parse.GetValue(startSymbol) ?? c.StartSymbol,
                    SymbolCount = parse.GetValue(symbols) ?? c.SymbolCount,
                    PrbCount = parse.GetValue(prbs) ?? c.PrbCount,
                    SecondHopPrb = parse.GetValue(secondHop) is int h ? (h < 0 ? null : h) : c.SecondHopPrb,
                    AdditionalDmrs = parse.GetValue(additionalDmrs) ?? c.AdditionalDmrs,
                    Modulation = parse.GetValue(modulation) is string m ? ParseModulation(m) : c.Modulation,
                    SpreadingFactor = parse.GetValue(spreading) ?? c.SpreadingFactor,
                    OccIndex = parse.GetValue(occ) ?? c.OccIndex,
                };
                PucchUciSizes sizes = chosen.Sizes with
                {
                    HarqAckBitCount = parse.GetValue(harqBits) ?? chosen.Sizes.HarqAckBitCount,
                    CsiPart1BitCount = parse.GetValue(csiBits) ?? chosen.Sizes.CsiPart1BitCount,
                    CsiPart2BitCount = parse.GetValue(csi2Bits) ?? chosen.Sizes.CsiPart2BitCount,
                };
                PucchTest kind = parse.GetValue(test) is string t ? ParseTest(t) : chosen.Test;
                int rxAntennas = parse.GetValue(rx) ?? chosen.RxAntennas;
                string channel = parse.GetValue(propagation) ?? chosen.Propagation;

                // The verdict applies only to the requirement's own conditions.
                bool same = !double.IsNaN(chosen.SnrDb) && c == chosen.Configuration && sizes == chosen.Sizes && kind == chosen.Test
                    && rxAntennas == chosen.RxAntennas && string.Equals(channel, chosen.Propagation, StringComparison.OrdinalIgnoreCase);
                double centre = double.IsNaN(chosen.SnrDb) ? 0 : chosen.SnrDb;
                IReadOnlyList<double> points = parse.GetValue(snr) is string range ? SimCommand.ParseRange(range, "--snr-db", -60, 60)
                    : kind == PucchTest.DtxToAck ? [centre] : [.. Enumerable.Range(-3, 6).Select(i => Math.Round(centre + i, 1))];
                int threadCount = parse.GetValue(threads);
                var options = new PucchLinkOptions
                {
                    Configuration = c,
                    Sizes = sizes,
                    Test = kind,
                    Requirement = same ? chosen : null,
                    GridPrbs = chosen.GridPrbs,
                    Propagation = channel,
                    RxAntennas = rxAntennas,
                    SnrDb = points,
                    MaxOccasions = parse.GetValue(maxOccasions),
                    MinErrors = parse.GetValue(minErrors),
                    BatchOccasions = parse.GetValue(batch),
                    Seed = parse.GetValue(seed),
                    Threads = threadCount <= 0 ? Environment.ProcessorCount : threadCount,
                    FalseAlarmProbability = parse.GetValue(falseAlarm) ?? PucchReceiverOptions.Default.FalseAlarmProbability,
                };
                setup = PucchLinkSetup.Create(options);
                prefix = parse.GetValue(output) ?? SweepOutputs.DefaultPrefix($"openran-pucch-{chosen.Name.ToLowerInvariant()}");
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                CliOutput.WriteError(console, ex.Message);
                return 2;
            }

            return Run(console, setup, prefix, !parse.GetValue(noPlot), ResultFigure.ParseFormat(parse.GetValue(plotFormat)!), parse.GetValue(requirement));
        });
        return command;
    }

    /// <summary>The PUCCH presets as JSON objects (for <c>openran sim presets --json</c>).</summary>
    public static IEnumerable<object> PresetsJson() => Ts38104Table8_3.All.Select(r => (object)new
    {
        name = r.Name,
        table = r.Table,
        description = r.Description,
        resource = PucchLinkSetup.Describe(r.Configuration),
        uciBits = r.Sizes.TotalBitCount,
        test = PucchSweepPlot.TestName(r.Test.ToString()),
        targetProbability = r.TargetProbability,
        propagation = r.Propagation,
        rxAntennas = r.RxAntennas,
        snrDb = r.SnrDb,
    });

    /// <summary>Writes the PUCCH presets (for <c>openran sim presets</c>).</summary>
    public static void WritePresets(IAnsiConsole console)
    {
        var table = new Table().AddColumn("PUCCH preset").AddColumn("TS 38.104").AddColumn("requirement").AddColumn("resource").AddColumn("UCI").AddColumn(new TableColumn("SNR (dB)").RightAligned());
        foreach (PucchRequirement r in Ts38104Table8_3.All)
        {
            table.AddRow(Markup.Escape(r.Name), Markup.Escape(r.Table), Markup.Escape(r.Description), Markup.Escape(PucchLinkSetup.Describe(r.Configuration)),
                Invariant($"{r.Sizes.TotalBitCount} bits"), Invariant($"{r.SnrDb:0.0}"));
        }

        console.Write(table);
        console.MarkupLine(Markup.Escape("PUCCH presets: 20 MHz at 15 kHz (106 PRB), 1 Tx, 2 Rx, TDLC300-100 low correlation; run with openran sim pucch --preset NAME --requirement."));
    }

    private static int Run(IAnsiConsole console, PucchLinkSetup setup, string prefix, bool plot, PlotFormat format, bool requirement)
    {
        PucchLinkOptions o = setup.Options;
        SweepPlan plan = setup.Plan();
        console.MarkupLine($"[bold]{Markup.Escape(plan.Title)}[/]");
        console.MarkupLine(Markup.Escape(Invariant($"{PucchLinkSetup.Describe(o.Configuration)}; UCI {o.Sizes.TotalBitCount} bits; test: {PucchSweepPlot.TestName(o.Test.ToString())}; FFT {setup.Ofdm.Timing.FftSize} at {setup.Ofdm.Timing.SampleRateHz / 1e6:0.##} Msps")));
        console.MarkupLine(Markup.Escape(Invariant($"{plan.SnrDb.Count} SNR points, ≤ {plan.MaxSlotsPerPoint} occasions each (stop at {plan.MinBlockErrors} errors), seed {plan.Seed}, {o.Threads} thread(s); CPU: {string.Join(' ', CpuFeatures.Current.Names)}")));
        var runner = new SweepRunner(plan, () => new PucchLinkSimulator(setup), o.Threads);
        SweepResult result = runner.Run(new PointProgress(console));
        double occasions = result.Batches.Sum(b => b.Counters.Slots);
        console.MarkupLine(Markup.Escape(Invariant($"{occasions:0} occasions in {result.ElapsedSeconds:0.0} s: {occasions / Math.Max(1e-9, result.ElapsedSeconds):0} occasions/s")));
        var table = new Table().AddColumn(new TableColumn("SNR (dB)").RightAligned()).AddColumn(new TableColumn("occasions").RightAligned())
            .AddColumn(new TableColumn("trials").RightAligned()).AddColumn(new TableColumn("errors").RightAligned())
            .AddColumn(new TableColumn("probability").RightAligned()).AddColumn(new TableColumn("95 % interval").RightAligned());
        foreach (PointResult p in result.Points)
        {
            table.AddRow(Invariant($"{p.SnrDb:0.0#}"), Invariant($"{p.Counters.Slots}"), Invariant($"{p.Counters.Transmissions}"), Invariant($"{p.Counters.TransmissionErrors}"),
                Invariant($"{p.Bler:0.#####}"), Invariant($"{p.BlerLower:0.#####} … {p.BlerUpper:0.#####}"));
        }

        console.Write(table);
        PucchRequirementComparison? comparison = PucchRequirementComparison.For(result);
        if (comparison is not null && o.Requirement is { } r)
        {
            string crossing = comparison.CrossingSnrDb is double x ? Invariant($"{x:0.00} dB") : "not reached";
            string margin = comparison.MarginDb is double m ? Invariant($"{m:+0.00;-0.00} dB") : "-";
            string at = comparison.RateAtRequirement is double a ? Invariant($"{a:0.#####} (95 % ≤ {comparison.UpperBoundAtRequirement:0.#####})") : "not simulated";
            console.MarkupLine(Markup.Escape(comparison.FlatTest
                ? Invariant($"TS 38.104 {r.Table} ({r.Description}): false-ACK probability {at}, required ≤ {r.TargetProbability}: {ResultPlotStyle.Describe(comparison.Verdict)}")
                : Invariant($"TS 38.104 Table {r.Table} ({r.Description}) at {r.SnrDb} dB: crossing {crossing}, margin {margin}, probability at {r.SnrDb} dB {at}: {ResultPlotStyle.Describe(comparison.Verdict)}")));
        }
        else
        {
            console.MarkupLine("no requirement applies to these conditions (a preset with its own conditions has one)");
        }

        try
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(prefix));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            SweepCsv.Write(result, prefix + ".csv");
            SweepJson.Write(result, prefix + ".json");
            console.MarkupLine($"wrote [blue]{Markup.Escape(prefix)}.csv[/], [blue]{Markup.Escape(prefix)}.json[/]");
            if (plot)
            {
                string image = prefix + ResultFigure.Extension(format);
                PucchSweepPlot.Write(result, image, comparison, format);
                console.MarkupLine($"wrote [blue]{Markup.Escape(image)}[/]");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CliOutput.WriteError(console, ex.Message);
            return 1;
        }

        return requirement && comparison is not null && !comparison.Passed ? 1 : requirement && comparison is null ? 1 : 0;
    }

    private static PucchRequirement Choose(string? preset, int? format)
    {
        if (preset is not null)
        {
            PucchRequirement found = Ts38104Table8_3.Find(preset)
                ?? throw new ArgumentException($"--preset '{preset}' is unknown; valid: {string.Join(", ", Ts38104Table8_3.All.Select(r => r.Name))}.");
            if (format is int f && f != (int)found.Configuration.Format)
            {
                throw new ArgumentException($"--format {f} contradicts --preset {found.Name} (format {(int)found.Configuration.Format}).");
            }

            return found;
        }

        return format switch
        {
            null => throw new ArgumentException("give --preset NAME or --format 0..4 (openran sim presets lists the presets)."),
            4 => s_format4Default,
            int f when f is >= 0 and <= 3 => Ts38104Table8_3.All.First(r => (int)r.Configuration.Format == f && r.Test != PucchTest.DtxToAck),
            int f => throw new ArgumentException($"--format {f} is out of range; valid: 0..4."),
        };
    }

    private static PucchTest ParseTest(string text) => text.Trim().ToLowerInvariant() switch
    {
        "ack-missed" => PucchTest.AckMissed,
        "nack-to-ack" => PucchTest.NackToAck,
        "dtx" or "dtx-to-ack" or "false-ack" => PucchTest.DtxToAck,
        "uci-bler" or "bler" => PucchTest.UciBler,
        _ => throw new ArgumentException($"--test '{text}' is unknown; valid: ack-missed, nack-to-ack, dtx, uci-bler."),
    };

    private static ModulationScheme ParseModulation(string text) => text.Trim().ToLowerInvariant() switch
    {
        "qpsk" => ModulationScheme.Qpsk,
        "pi2bpsk" or "pi/2-bpsk" => ModulationScheme.Pi2Bpsk,
        _ => throw new ArgumentException($"--modulation '{text}' is unknown; valid: qpsk, pi2bpsk."),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One line per finished SNR point.</summary>
    private sealed class PointProgress(IAnsiConsole console) : IProgress<SweepProgress>
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
                console.WriteLine(Invariant($"  SNR {value.SnrDb:0.0#} dB done: {value.SlotsDone} occasions, {value.TransmissionErrors} errors ({value.PointsFinished}/{value.PointCount})"));
            }
        }
    }
}
