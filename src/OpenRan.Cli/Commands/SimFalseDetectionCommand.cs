using System;
using System.CommandLine;
using System.Globalization;
using OpenRan.Simulation.Integrity;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>
/// <c>openran sim false-detection</c>: how often a receiver or decoder reports a decode on noise alone (PBCH, PDCCH, UCI,
/// PUCCH formats 0–4, PUSCH, PDSCH), with a 95 % interval and the rate the design allows (<see cref="FalseDetectionSimulation"/>).
/// </summary>
internal static class SimFalseDetectionCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var channel = CliOption.Choice("--channel", "The receiver or decoder", FalseDetectionChannels.Names);
        channel.Required = true;
        var trials = CliOption.Integer<long>("--trials", "Noise-only trials", 1, FalseDetectionOptions.MaxTrials, 10_000);
        var seed = CliOption.Integer<ulong>("--seed", "Master seed", ulong.MinValue, ulong.MaxValue, 1);
        var threads = CliOption.Integer<int>("--threads", "Worker threads, 0 = every core; the counts do not depend on it", 0, 256, 0);
        var payload = CliOption.Integer<int>("--payload-bits", "UCI bits A for uci-polar (12..1706, default 22), uci-small (1..11, default 6), pucch-f2/f4 (1..40), pucch-f3 (1..90); 0 = the default", 0, 1706, 0);
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("false-detection", "False detections on noise alone: how often a receiver or decoder reports a decode when nothing was sent, with a 95 % interval.")
        {
            channel, trials, seed, threads, payload, json,
        };
        command.SetAction(parse =>
        {
            FalseDetectionOptions options;
            try
            {
                int threadCount = parse.GetValue(threads);
                options = new FalseDetectionOptions
                {
                    Channel = FalseDetectionChannels.Parse(parse.GetValue(channel)!),
                    Trials = parse.GetValue(trials),
                    Seed = parse.GetValue(seed),
                    Threads = threadCount <= 0 ? Environment.ProcessorCount : threadCount,
                    PayloadBits = parse.GetValue(payload),
                };
                if (options.Validate() is { Count: > 0 } problems)
                {
                    throw new ArgumentException(string.Join("; ", problems).Replace("PayloadBits", "--payload-bits", StringComparison.Ordinal) + ".");
                }
            }
            catch (ArgumentException ex)
            {
                CliOutput.WriteError(console, ex.Message);
                return 2;
            }

            FalseDetectionResult result = FalseDetectionSimulation.Run(options);
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(console, new
                {
                    channel = result.Channel,
                    description = result.Description,
                    trials = result.Trials,
                    falseDetections = result.FalseDetections,
                    rate = result.Rate,
                    lower95 = result.Lower95,
                    upper95 = result.Upper95,
                    designBound = result.DesignBound,
                    signalDetections = result.SignalDetections >= 0 ? result.SignalDetections : (long?)null,
                    seed = result.Seed,
                    elapsedSeconds = result.ElapsedSeconds,
                });
                return 0;
            }

            console.MarkupLine($"[bold]{Markup.Escape(result.Channel)}[/]: {Markup.Escape(result.Description)}");
            console.MarkupLine(Markup.Escape(Invariant($"false detections: {result.FalseDetections} in {result.Trials} noise-only trials = {result.Rate:0.###e0} [95 % CI {result.Lower95:0.###e0} … {result.Upper95:0.###e0}]; design bound ≈ {result.DesignBound:0.##e0}")));
            if (result.SignalDetections >= 0)
            {
                console.MarkupLine(Markup.Escape(Invariant($"passed the DTX test: {result.SignalDetections} ({(double)result.SignalDetections / result.Trials:0.###e0} per trial)")));
            }

            console.MarkupLine(Markup.Escape(Invariant($"seed {result.Seed}, {options.Threads} thread(s), {result.ElapsedSeconds:0.0} s")));
            return 0;
        });
        return command;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
