using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;
using OpenRan.Engine.Capture;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Metrics;
using OpenRan.Engine.Runtime;
using OpenRan.Engine.Scheduling;
using OpenRan.Radio;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>
/// <c>openran gnb --config gnb.yaml [--seconds N] [--driver NAME --args ARGS] [--print-config]</c>: runs a cell with the
/// built-in phy-test scheduler on any radio driver, with a live per-second table, JSON-lines and Prometheus metrics and a
/// MAC-NR pcap; SIGINT/SIGTERM stop it cleanly with every metric and capture flushed.
/// </summary>
internal static class GnbCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var config = new Option<string>("--config", "-c") { Description = "The cell configuration (YAML; see configs/).", Required = true };
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this much air time (default: until Ctrl-C)." };
        var driver = new Option<string?>("--driver", "-d") { Description = "Radio driver, overriding the configuration's: zmq | file | loopback | soapy | hackrf." };
        var args = new Option<string?>("--args", "-a") { Description = "Radio arguments key=value,…, overriding the configuration's." };
        var printConfig = new Option<bool>("--print-config") { Description = "Print the effective configuration (defaults and derived values) and exit." };
        var metricsJson = new Option<string?>("--metrics-json") { Description = "Append one JSON line of metrics per second to FILE." };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve Prometheus metrics at http://*:N/metrics." };
        var pcap = new Option<string?>("--pcap") { Description = "Write every DL and UL transport block to FILE (MAC-NR over UDP; Wireshark: enable mac_nr_udp)." };
        var workers = new Option<int?>("--workers") { Description = "Worker threads, overriding engine.workers (0 = everything on the slot thread)." };
        var deadlines = new Option<string>("--deadlines") { Description = "realtime | virtual | auto (virtual for the file radio and the free-running loopback).", DefaultValueFactory = _ => "auto" };
        var table = new Option<bool>("--no-table") { Description = "Print one line per second instead of the live table." };
        var command = new Command("gnb", "Run a cell: SSB, SIB1 and a phy-test UE (PDSCH/PUSCH with HARQ) on a radio, with live metrics.")
        {
            config, seconds, driver, args, printConfig, metricsJson, metricsPort, pcap, workers, deadlines, table,
        };
        command.SetAction(parse =>
        {
            try
            {
                GnbConfiguration options = GnbConfigurationReader.ReadFile(parse.GetValue(config)!);
                if (parse.GetValue(workers) is int w)
                {
                    if (w is < 0 or > 64)
                    {
                        throw new ConfigurationException("--workers", "engine.workers", $"'{w}' is not valid; valid: 0..64.");
                    }

                    options = options with { Engine = options.Engine with { Workers = w } };
                }

                CellSetup cell = CellSetup.Derive(options);
                if (parse.GetValue(printConfig))
                {
                    console.Profile.Out.Writer.Write(EffectiveConfigurationWriter.Write(cell));
                    console.Profile.Out.Writer.Flush();
                    return 0;
                }

                // The loopback driver also offers model=test-ue: the receiver hears the emulated phy-test UE's PUSCH.
                var factory = new RadioFactory(System.Linq.Enumerable.Where(RadioCommand.CreateFactory().Drivers, d => d.Name != "loopback"));
                factory.Add(new OpenRan.Radio.Loopback.LoopbackRadioDriver(new OpenRan.Simulation.RadioChannels.FadingChannelProvider(), new OpenRan.Engine.Emulation.TestUeUplinkChannelProvider(cell)));
                RadioSetup radioSetup = RadioSetup.Create(cell, factory, parse.GetValue(driver), parse.GetValue(args));
                string mode = parse.GetValue(deadlines) ?? "auto";
                DeadlineMode deadlineMode = mode switch
                {
                    "realtime" => DeadlineMode.RealTime,
                    "virtual" => DeadlineMode.VirtualTime,
                    "auto" => radioSetup.Driver == "file" || (radioSetup.Driver == "loopback" && radioSetup.Arguments["realtime"] != "true") ? DeadlineMode.VirtualTime : DeadlineMode.RealTime,
                    _ => throw new ConfigurationException("--deadlines", "deadlines", $"'{mode}' is not valid; valid: realtime | virtual | auto."),
                };
                long slots = parse.GetValue(seconds) is double s
                    ? (long)Math.Round(RadioOptions.Check("--seconds", s, 0.001, 1e7) * 1000 * cell.Numerology.SlotsPerSubframe)
                    : long.MaxValue;
                return Run(console, cell, factory, radioSetup, deadlineMode, slots, parse.GetValue(metricsJson), parse.GetValue(metricsPort), parse.GetValue(pcap), !parse.GetValue(table) && console.Profile.Capabilities.Interactive);
            }
            catch (ConfigurationException e)
            {
                CliOutput.WriteError(console, e.Message);
                return 2;
            }
            catch (Exception e) when (e is ArgumentException or RadioUnavailableException or System.IO.IOException or UnauthorizedAccessException or System.Net.HttpListenerException)
            {
                CliOutput.WriteError(console, e.Message);
                return 2;
            }
        });
        return command;
    }

    private static int Run(IAnsiConsole console, CellSetup cell, RadioFactory factory, RadioSetup radioSetup, DeadlineMode deadlines, long slots, string? json, int? port, string? pcapPath, bool live)
    {
        var scheduler = new PhyTestScheduler(cell);
        using IRadio radio = radioSetup.Open(factory);
        using PcapCaptureSink? pcap = pcapPath is null ? null : new PcapCaptureSink(pcapPath, cell.Tdd is not null, cell.Numerology.SlotDurationSeconds, scheduler.MaxTransportBlockBytes);
        var options = new EngineRunOptions { Deadlines = deadlines, Capture = pcap, WarmUpScheduler = new PhyTestScheduler(cell) };
        using var engine = new GnbEngine(cell, radio, scheduler, options, scheduler.MaxTransportBlockBytes);
        var latest = new LatestSnapshot();
        var log = new EventLogSink(console);
        var sinks = new List<IMetricsSink> { latest, log };
        using JsonLinesMetricsWriter? jsonWriter = json is null ? null : new JsonLinesMetricsWriter(json);
        using PrometheusMetricsExporter? prometheus = port is int p ? new PrometheusMetricsExporter(p) : null;
        if (jsonWriter is not null)
        {
            sinks.Add(jsonWriter);
        }

        if (prometheus is not null)
        {
            sinks.Add(prometheus);
        }

        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"cell: {cell.Band.Name} {cell.Duplex} {cell.Plan.DownlinkFrequencyHz / 1e6:F3} MHz, {cell.NRb} RB at {cell.Options.Cell.ScsKhz} kHz, PCI {cell.Pci}, {cell.SampleRateHz / 1e6:G6} Msps; radio {radio.Label}; {deadlines}, {cell.Options.Engine.Workers} worker(s), k = {cell.Options.Engine.TxAdvanceSlots}")));
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"test UE 0x{cell.Options.TestUe.Rnti:x4}: DL {cell.Downlink.PrbCount} PRB MCS {cell.Downlink.Mcs} ({cell.Downlink.Table}) TBS {scheduler.DownlinkTransportBlockBytes * 8}, UL {cell.Uplink.PrbCount} PRB MCS {cell.Uplink.Mcs} TBS {scheduler.UplinkTransportBlockBytes * 8}; DL HARQ-ACK: {cell.Options.TestUe.DlHarqFeedback}")));

        // SIGINT and SIGTERM stop the loop; everything is flushed by the disposals below.
        using var stopping = new ManualResetEventSlim(false);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            engine.Stop();
            stopping.Set();
        }

        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        long run = 0;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                run = engine.Run(slots);
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
        { Name = "gnb slot thread", Priority = ThreadPriority.Highest };
        using (var reporter = new MetricsReporter(engine.Metrics, radio.Events, cell.Numerology.SlotDurationSeconds, cell.SlotsPerFrame, cell.Options.Engine.StartSfn, sinks, TimeSpan.FromSeconds(1)))
        {
            thread.Start();
            if (live)
            {
                Table view = MetricsTable.Create();
                console.Live(view).Start(ctx =>
                {
                    while (!stopping.Wait(250))
                    {
                        if (latest.Take() is { } snapshot)
                        {
                            MetricsTable.Update(view, snapshot);
                            ctx.Refresh();
                        }
                    }
                });
            }
            else
            {
                while (!stopping.Wait(250))
                {
                    if (latest.Take() is { } snapshot)
                    {
                        console.WriteLine(MetricsTable.Line(snapshot));
                    }
                }
            }

            thread.Join();
        }

        if (failure is not null)
        {
            CliOutput.WriteError(console, failure.Message);
            return 1;
        }

        EngineMetrics m = engine.Metrics;
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{run} slots ({run * cell.Numerology.SlotDurationSeconds:F3} s of air); warm-up {engine.WarmUpMilliseconds:F0} ms; late DL {m.DownlinkLate}, late UL {m.UplinkLate}, shed {m.ShedSlots}; radio {radio.Events.Snapshot()}; steady-state allocation {m.EngineAllocatedBytes} B{(pcap is null ? string.Empty : $"; pcap {pcap.Written} PDUs, {pcap.Dropped} dropped")}")));
        return 0;
    }

    private sealed class LatestSnapshot : IMetricsSink
    {
        private MetricsSnapshot? _latest;

        public void Write(MetricsSnapshot snapshot) => Volatile.Write(ref _latest, snapshot);

        public MetricsSnapshot? Take() => Interlocked.Exchange(ref _latest, null);
    }

    /// <summary>Logs late work and radio events once per second with the slot they concern.</summary>
    private sealed class EventLogSink(IAnsiConsole console) : IMetricsSink
    {
        private long _late;
        private RadioEventCounters _radio = new(0, 0, 0, 0, 0, 0);

        public void Write(MetricsSnapshot snapshot)
        {
            long late = snapshot.DownlinkLate + snapshot.UplinkLate + snapshot.ShedSlots;
            if (late != _late || snapshot.Radio != _radio)
            {
                console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"[{snapshot.Slot}] late DL {snapshot.DownlinkLate}, late UL {snapshot.UplinkLate}, shed {snapshot.ShedSlots} (last late slot index {snapshot.LastLateSlot}); radio late {snapshot.Radio.Late}, underflow {snapshot.Radio.Underflow}, overflow {snapshot.Radio.Overflow}, dropped {snapshot.Radio.Dropped}, disconnected {snapshot.Radio.Disconnected}")));
                _late = late;
                _radio = snapshot.Radio;
            }
        }
    }
}
