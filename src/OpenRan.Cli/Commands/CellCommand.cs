using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using OpenRan.Engine.Cell;
using OpenRan.Engine.Configuration;
using OpenRan.Radio;
using OpenRan.Simulation.RadioChannels;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>
/// <c>openran cell [--seconds N] [--snr-db DB] [--propagation NAME] [--cfo-hz HZ] [--realtime] [--config gnb.yaml]
/// [--output PREFIX]</c>: the gNB engine and the emulated test UE in one process over the loopback radio with a channel
/// (<see cref="EmulatedCell"/>). Prints one row per second of air time and a summary, writes PREFIX.json and PREFIX.png,
/// and exits 0 only when the UE attached by random access and traffic flowed both ways with BLER within the bound.
/// </summary>
internal static class CellCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var seconds = new Option<double>("--seconds") { Description = "Air time to run, 0.01..3600 s (default 10).", DefaultValueFactory = _ => 10 };
        var snr = new Option<double>("--snr-db") { Description = "SNR per resource element in both directions, -10..60 dB (default 30).", DefaultValueFactory = _ => 30 };
        var propagation = new Option<string>("--propagation") { Description = "Channel: AWGN (default), TDLA30-10, TDLB100-400, TDLC300-100, TDL<A..E><DS ns>-<fD Hz>, FLAT-<fD Hz>.", DefaultValueFactory = _ => "AWGN" };
        var cfo = new Option<double>("--cfo-hz") { Description = "Carrier frequency offset of the UE's oscillator, -5000..5000 Hz (default 0).", DefaultValueFactory = _ => 0 };
        var realtime = new Option<bool>("--realtime") { Description = "Pace the air by the wall clock (default: virtual time, as fast as the CPU allows)." };
        var config = new Option<string?>("--config", "-c") { Description = $"A gNB configuration (YAML; needs test-ue with dl-harq-feedback: pucch and PRACH). Default: the embedded configs/{EmulatedCell.DefaultConfigurationName}." };
        var output = new Option<string>("--output") { Description = "Output prefix: PREFIX.json and PREFIX.png (default results/openran-cell).", DefaultValueFactory = _ => Path.Combine("results", "openran-cell") };
        var maxBler = new Option<double>("--max-bler") { Description = "The largest DL and UL BLER with which the cell passes, 0..1 (default 0.1).", DefaultValueFactory = _ => 0.1 };
        var seed = new Option<long>("--seed") { Description = "Seed of noise and fading, 0..2^63-1 (default 1).", DefaultValueFactory = _ => 1 };
        var command = new Command("cell", "Run a whole cell in one process: the gNB and an emulated UE that attaches by random access and carries DL and UL traffic with HARQ over a simulated channel.")
        {
            seconds, snr, propagation, cfo, realtime, config, output, maxBler, seed,
        };
        command.SetAction(parse =>
        {
            EmulatedCell cell;
            string prefix = parse.GetValue(output)!;
            try
            {
                double air = RadioOptions.Check("--seconds", parse.GetValue(seconds), 0.01, 3600);
                double snrDb = RadioOptions.Check("--snr-db", parse.GetValue(snr), -10, 60);
                double cfoHz = RadioOptions.Check("--cfo-hz", parse.GetValue(cfo), -5000, 5000);
                double bound = RadioOptions.Check("--max-bler", parse.GetValue(maxBler), 0, 1);
                long noiseSeed = parse.GetValue(seed);
                if (noiseSeed < 0)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--seed = {noiseSeed} is out of range; valid: 0..{long.MaxValue}."));
                }

                GnbConfiguration options = parse.GetValue(config) is string path ? GnbConfigurationReader.ReadFile(path) : EmulatedCell.DefaultConfiguration();
                CellSetup setup = CellSetup.Derive(options);
                string name = parse.GetValue(propagation) ?? "AWGN";
                var channels = new FadingChannelProvider();
                var arguments = RadioArguments.Parse(string.Create(CultureInfo.InvariantCulture,
                    $"propagation={name},noise_db={EmulatedCell.NoisePowerDb(setup, snrDb):R},cfo_hz={cfoHz:R},seed={noiseSeed}"));
                try
                {
                    channels.Validate(arguments);
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentException($"--propagation = {name} is not valid: {e.Message}", e);
                }

                CliOutput.EnsureWritable(prefix + ".json", "--output");
                double rate = setup.SampleRateHz;
                cell = new EmulatedCell(setup, new CellRunOptions
                {
                    Seconds = air,
                    RealTime = parse.GetValue(realtime),
                    DownlinkChannel = () => channels.Create(arguments, 0, 0, rate),
                    UplinkChannel = () => channels.Create(arguments, 1, 0, rate),
                    ChannelDescription = string.Create(CultureInfo.InvariantCulture, $"{name}, SNR {snrDb:0.#} dB{(cfoHz != 0 ? $", CFO {cfoHz:0.#} Hz" : string.Empty)}"),
                    MaxBler = bound,
                });
                console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"cell: {setup.Band.Name} {setup.Duplex.ToString().ToUpperInvariant()} {setup.Plan.DownlinkFrequencyHz / 1e6:0.###} MHz, {setup.NRb} RB at {setup.Options.Cell.ScsKhz} kHz, PCI {setup.Pci} ({parse.GetValue(config) ?? "embedded configs/" + EmulatedCell.DefaultConfigurationName}); channel {name}, SNR {snrDb:0.#} dB, CFO {cfoHz:0.#} Hz; {air:0.###} s of air in {(parse.GetValue(realtime) ? "real" : "virtual")} time")));
            }
            catch (ConfigurationException e)
            {
                CliOutput.WriteError(console, e.Message);
                return CliExitCode.Usage;
            }
            catch (ArgumentException e)
            {
                CliOutput.WriteError(console, e.Message);
                return CliExitCode.Usage;
            }
            catch (IOException e)
            {
                CliOutput.WriteError(console, e.Message);
                return CliExitCode.Usage;
            }

            return Run(console, cell, prefix);
        });
        return command;
    }

    private static int Run(IAnsiConsole console, EmulatedCell cell, string prefix)
    {
        CellReport? report = null;
        Exception? failure = null;
        using var done = new ManualResetEventSlim(false);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            cell.Stop();
        }

        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var thread = new Thread(() =>
        {
            try
            {
                report = cell.Run();
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                done.Set();
            }
        })
        { Name = "cell slot thread", Priority = ThreadPriority.Highest };
        thread.Start();
        console.WriteLine("   s   DL Mbit/s   UL Mbit/s   DL BLER   UL BLER   DL retx   UL retx   DL SINR   UL SINR   gNB DL p99 µs   gNB UL p99 µs   late");
        int printed = 0;
        while (true)
        {
            bool finished = done.Wait(200);
            for (; printed < cell.CompletedSeconds; printed++)
            {
                console.WriteLine(Row(cell.Second(printed)));
            }

            if (finished)
            {
                break;
            }
        }

        thread.Join();
        if (failure is not null || report is null)
        {
            CliOutput.WriteError(console, "the cell failed: " + (failure is null ? "no report" : CliApp.Describe(failure)));
            return CliExitCode.Failure;
        }

        for (; printed < report.Seconds.Count; printed++)
        {
            console.WriteLine(Row(report.Seconds[printed]));
        }

        console.Write(Summary(report));
        File.WriteAllText(prefix + ".json", CliOutput.Json(report));
        CellPlot.Write(report, prefix + ".png");
        console.MarkupLine(Markup.Escape($"wrote {prefix}.json and {prefix}.png"));
        if (!report.Passed)
        {
            CliOutput.WriteError(console, report.Verdict);
            return CliExitCode.Failure;
        }

        console.MarkupLine(Markup.Escape(report.Verdict));
        return CliExitCode.Success;
    }

    private static string Row(CellSecond s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.Second,4}   {s.DownlinkMbps,9:0.00}   {s.UplinkMbps,9:0.00}   {s.DownlinkBler,7:0.0000}   {s.UplinkBler,7:0.0000}   {s.DownlinkRetransmissions,7}   {s.UplinkRetransmissions,7}   {s.DownlinkSinrDb,7:0.0}   {s.UplinkSinrDb,7:0.0}   {s.GnbDownlinkP99Microseconds,13:0}   {s.GnbUplinkP99Microseconds,13:0}   {s.LateSlots,4}");

    private static Table Summary(CellReport r)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("summary").AddColumn("value");
        void Add(string name, FormattableString value) => table.AddRow(Markup.Escape(name), Markup.Escape(value.ToString(CultureInfo.InvariantCulture)));
        Add("cell", $"{r.Cell}");
        Add("channel", $"{r.Channel}");
        if (r.Attached)
        {
            Add("random access", $"attached: preamble in slot {r.PreambleSlot}, RAR in slot {r.RarSlot} (T_A {r.TimingAdvance}), Msg3 in slot {r.Msg3Slot} decoded ({r.Msg3Transmissions} transmission{(r.Msg3Transmissions == 1 ? string.Empty : "s")}), Msg4 in slot {r.Msg4Slot} acknowledged in slot {r.Msg4AckSlot}; traffic from slot {r.TrafficStartSlot} ({r.AttachMode})");
        }
        else
        {
            Add("random access", $"not attached (preamble slot {r.PreambleSlot}, RAR slot {r.RarSlot}, Msg3 slot {r.Msg3Slot}, Msg3 decoded {r.Msg3Decoded}, Msg4 slot {r.Msg4Slot}, Msg4 ACK slot {r.Msg4AckSlot})");
        }
        Add("slots", $"{r.Slots} ({r.AirSeconds:0.###} s of air in {r.WallSeconds:0.00} s: {r.RealTimeRatio:0.00}× real time, {r.Mode})");
        Add("DL goodput", $"{r.DlGoodputMbps:0.00} Mbit/s of {r.DlMaxMbps:0.00} configured ({Percent(r.DlGoodputMbps, r.DlMaxMbps)}); {r.DlTransportBlocks} TBs decoded");
        Add("UL goodput", $"{r.UlGoodputMbps:0.00} Mbit/s of {r.UlMaxMbps:0.00} configured ({Percent(r.UlGoodputMbps, r.UlMaxMbps)}); {r.UlTransportBlocks} TBs decoded");
        Add("BLER", $"DL {r.DlBler:0.####} ({r.DlFailures} of {r.DlReceptions} receptions), UL {r.UlBler:0.####} ({r.UlFailures} of {r.UlTransportBlocks + r.UlFailures}); bound {r.MaxBler:0.###}");
        Add("HARQ", $"{r.HarqRetransmissions} retransmissions (DL {r.DlRetransmissions}, UL {r.UlRetransmissions}); HARQ-ACK ACK {r.HarqAcks}, NACK {r.HarqNacks}, DTX {r.PucchDtx} ({r.HarqAckBitsOnPusch} bits on PUSCH)");
        Add("SINR", $"DL {r.DlSinrDb:0.0} dB at the UE, UL {r.UlSinrDb:0.0} dB at the gNB");
        Add("late slots", $"{r.LateSlots}");
        Add("CPU per slot", $"gNB DL p99 {r.GnbDownlinkP99Microseconds:0} µs, UL p99 {r.GnbUplinkP99Microseconds:0} µs (worst second); UE {r.UeMicrosecondsPerSlot:0} µs mean; wall {r.WallMicrosecondsPerSlot:0} µs per {r.SlotBudgetMicroseconds:0} µs slot");
        Add("allocation", $"steady state: gNB {r.GnbSteadyStateAllocatedBytes} B, UE {r.UeSteadyStateAllocatedBytes} B");
        return table;
    }

    private static string Percent(double value, double maximum) => maximum > 0 ? (value / maximum).ToString("0.0 %", CultureInfo.InvariantCulture) : "-";
}
