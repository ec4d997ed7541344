using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Ue.Runtime;
using OpenRan.Radio;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>
/// <c>openran ue --config ue.yaml [--driver zmq --args …] [--seconds N] [--metrics-json F] [--no-table]</c>: the phy-test
/// UE as its own process, the peer of <c>openran gnb</c> (over ZMQ: srsRAN's wire format on 127.0.0.1). It syncs from the
/// received samples, follows the cell and its DCIs, and prints one line per second of air from the UE side and a summary.
/// Exit 0 when the run ended as asked; 1 when the cell was not found, had another PCI, was lost, or the radio went away
/// (the message says what was found and what is missing); 2 for usage and configuration errors.
/// </summary>
internal static class UeCommand
{
    private static readonly JsonSerializerOptions s_lines = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static Command Create(IAnsiConsole console)
    {
        var config = new Option<string>("--config", "-c") { Description = "The UE configuration (YAML naming the gNB cell file; see configs/ue-n3-20mhz-fdd.yaml).", Required = true };
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this much air time from the radio start (default: until Ctrl-C)." };
        var driver = new Option<string?>("--driver", "-d") { Description = "Radio driver, overriding the configuration's: zmq | file | loopback | soapy | hackrf." };
        var args = new Option<string?>("--args", "-a") { Description = "Radio arguments key=value,…, overriding the configuration's." };
        var metricsJson = new Option<string?>("--metrics-json") { Description = "Write one JSON line per second of air (the UE's view) to FILE." };
        var table = new Option<bool>("--no-table") { Description = "Plain per-second lines (the UE always prints lines; accepted for symmetry with openran gnb)." };
        var command = new Command("ue", "Run the phy-test UE on a radio: cell search, SSB tracking, PDSCH with HARQ, HARQ-ACK on PUCCH, PUSCH on its grants.")
        {
            config, seconds, driver, args, metricsJson, table,
        };
        command.SetAction(parse =>
        {
            try
            {
                UeConfiguration ue = UeConfiguration.ReadFile(parse.GetValue(config)!);
                double air = parse.GetValue(seconds) is double s ? RadioOptions.Check("--seconds", s, 0.001, 1e7) : double.PositiveInfinity;
                string? json = parse.GetValue(metricsJson);
                if (json is not null)
                {
                    CliOutput.EnsureWritable(json, "--metrics-json");
                }

                RadioFactory factory = RadioCommand.CreateFactory();
                RadioSetup radioSetup = RadioSetup.CreateForUe(ue.Cell, factory, parse.GetValue(driver) ?? ue.Driver, parse.GetValue(args) ?? ue.Args);
                return Run(console, ue, factory, radioSetup, air, json);
            }
            catch (ConfigurationException e)
            {
                CliOutput.WriteError(console, e.Message);
                return 2;
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
            {
                CliOutput.WriteError(console, e.Message);
                return 2;
            }
        });
        return command;
    }

    private static int Run(IAnsiConsole console, UeConfiguration ue, RadioFactory factory, RadioSetup radioSetup, double seconds, string? json)
    {
        CellSetup cell = ue.Cell;
        IRadio radio;
        try
        {
            radio = radioSetup.Open(factory);
        }
        catch (Exception e) when (e is RadioUnavailableException or InvalidOperationException)
        {
            CliOutput.WriteError(console, $"cannot open the radio {radioSetup.Driver}: {e.Message}");
            return 1;
        }

        using (radio)
        {
            // Events the UE reports on its thread (the cell lost and found again with ue.reattach), printed here.
            var reports = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var engine = new UeEngine(ue, radio, new UeRunOptions { Seconds = seconds, Report = reports.Enqueue });
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"ue: expecting PCI {cell.Pci} at SS_REF {cell.Plan.SsbFrequencyHz / 1e6:F3} MHz ({cell.Band.Name} {cell.Duplex}, DL {cell.DownlinkCenterHz / 1e6:F3} MHz, UL {cell.UplinkCenterHz / 1e6:F3} MHz, {cell.NRb} RB at {cell.Options.Cell.ScsKhz} kHz, {cell.SampleRateHz / 1e6:G6} Msps) from {ue.CellFile}; C-RNTI 0x{cell.Options.TestUe.Rnti:x4}; radio {radio.Label}")));
            using var stopping = new ManualResetEventSlim(false);
            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                engine.Stop();
            }

            using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            UeRunResult result = default;
            Exception? failure = null;
            var thread = new Thread(() =>
            {
                try
                {
                    result = engine.Run();
                }
                catch (Exception e)
                {
                    failure = e;
                }
                finally
                {
                    stopping.Set();
                }
            })
            { Name = "ue slot thread", Priority = ThreadPriority.Highest };
            using StreamWriter? lines = json is null ? null : new StreamWriter(json, append: false);
            thread.Start();
            long printed = 0;
            bool syncReported = false;
            while (true)
            {
                bool done = stopping.Wait(200);
                if (!syncReported && engine.Synced)
                {
                    syncReported = true;
                    console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                        $"synced: PCI {engine.Pci}, SFN {engine.SyncSfn}, frame boundary at receive sample {engine.SyncTimestamp}, CFO {engine.SyncCfoHz:F0} Hz")));
                }

                while (reports.TryDequeue(out string? report))
                {
                    console.MarkupLine(Markup.Escape("ue: " + report));
                }

                long completed = engine.SecondsCompleted;
                for (long second = printed + 1; second <= completed; second++)
                {
                    if (engine.TryGetSecond(second, out UeSecond row))
                    {
                        console.WriteLine(Line(row));
                        lines?.WriteLine(JsonSerializer.Serialize(row, s_lines));
                    }
                }

                printed = completed;
                lines?.Flush();
                if (done)
                {
                    break;
                }
            }

            thread.Join();
            if (failure is not null)
            {
                CliOutput.WriteError(console, failure.Message);
                return 1;
            }

            var dl = engine.Ue.Downlink;
            var harq = engine.Ue.HarqFeedback;
            long decoded = dl?.TransportBlocksDecoded ?? 0;
            long failed = dl?.DecodeFailures ?? 0;
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"summary: {engine.Slots} slots followed; DL {decoded} TBs decoded, {failed} failed (BLER {(decoded + failed == 0 ? 0 : (double)failed / (decoded + failed)):F4}), {dl?.Retransmissions ?? 0} retransmissions received; HARQ-ACK {harq?.AcksSent ?? 0} ACK, {harq?.NacksSent ?? 0} NACK; UL {engine.Ue.TransportBlocks} TBs sent on {engine.Ue.UplinkHarq?.Grants ?? 0} grants; SSB {engine.SsbDetected} tracked, {engine.SsbMissed} missed, {engine.SfnMismatches} SFN mismatches; CFO {engine.CfoHz:F0} Hz, timing drift {engine.TimingOffsetSamples} samples; late UL slots {engine.LateSlots}; radio {radio.Events.Snapshot()}")));
            if (!result.Succeeded)
            {
                CliOutput.WriteError(console, result.Message);
                return 1;
            }

            console.MarkupLine(Markup.Escape(result.Message));
            return 0;
        }
    }

    private static string Line(UeSecond r) => string.Create(CultureInfo.InvariantCulture,
        $"[{r.Second,4} s] {(r.Synced ? "synced" : "no sync")}  DL {r.DownlinkMbps,7:F2} Mbit/s BLER {(double.IsNaN(r.DownlinkBler) ? 0 : r.DownlinkBler),6:F4} ({r.DownlinkDecoded} ok, {r.DownlinkFailed} failed)  UL {r.UplinkBlocks} TBs  ACK/NACK {r.HarqAcks}/{r.HarqNacks}  RSRP {r.RsrpDb,6:F1} dB SNR {r.SnrDb,5:F1} dB  CFO {r.CfoHz,7:F1} Hz  timing {r.TimingOffsetSamples,4} smp  TA {r.TimingAdvanceSamples}  SSB {r.SsbDetected}/{r.SsbDetected + r.SsbMissed}  late {r.LateSlots}");
}
