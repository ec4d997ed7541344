using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Hardware.HackRf;
using OpenRan.Hardware.Soapy;
using OpenRan.Radio;
using OpenRan.Radio.SigMf;
using OpenRan.Radio.Streaming;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary><c>openran radio list|capture|replay|loopback-test|zmq-bench</c>: the radio hardware abstraction layer from the command line.</summary>
internal static class RadioCommand
{
    /// <summary>Every driver this build knows: the software radios, SoapySDR and HackRF.</summary>
    public static RadioFactory CreateFactory()
    {
        var factory = new RadioFactory(RadioFactory.SoftwareDrivers().Where(d => d is not OpenRan.Radio.Loopback.LoopbackRadioDriver));
        factory.Add(new OpenRan.Radio.Loopback.LoopbackRadioDriver(new OpenRan.Simulation.RadioChannels.FadingChannelProvider()));
        factory.Add(new SoapyRadioDriver());
        factory.Add(new HackRfRadioDriver());
        return factory;
    }

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("radio", "Radios: list drivers and devices, capture to and replay from SigMF, check timing and drops.");
        command.Subcommands.Add(CreateList(console));
        command.Subcommands.Add(CreateCapture(console));
        command.Subcommands.Add(CreateReplay(console));
        command.Subcommands.Add(CreateLoopbackTest(console));
        command.Subcommands.Add(ZmqBench.Create(console));
        return command;
    }

    private static Command CreateList(IAnsiConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the list as JSON." };
        var command = new Command("list", "List every radio driver, whether it can run here, its arguments, and the devices it finds.") { json };
        command.SetAction(parse =>
        {
            var rows = new List<DriverListing>();
            foreach (IRadioDriver driver in CreateFactory().Drivers)
            {
                bool available = driver.IsAvailable(out string reason);
                IReadOnlyList<RadioDeviceInfo> devices = [];
                string? error = null;
                if (available)
                {
                    try
                    {
                        devices = driver.Find(RadioArguments.Empty);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        error = ex.Message;
                    }
                }

                var arguments = new List<string>();
                foreach (RadioArgumentSpec a in driver.Arguments)
                {
                    arguments.Add($"{a.Name}: {a.Description}");
                }

                rows.Add(new DriverListing(driver.Name, driver.Description, available, available ? null : reason, error, devices, arguments));
            }

            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(console, rows);
                return 0;
            }

            var table = new Table().AddColumn("driver").AddColumn("available").AddColumn("devices found").AddColumn("what");
            foreach (DriverListing r in rows)
            {
                string found = r.Devices.Count == 0 ? (r.Error ?? "-") : string.Join("\n", System.Linq.Enumerable.Select(r.Devices, d => $"{d.Label} [{d.Arguments}]"));
                table.AddRow(Markup.Escape(r.Name), r.Available ? "yes" : $"[yellow]no[/]: {Markup.Escape(r.Reason ?? string.Empty)}", Markup.Escape(found), Markup.Escape(r.Description));
            }

            console.Write(table);
            console.MarkupLine("Arguments per driver: [grey]openran radio list --json[/]; software drivers (zmq, file, loopback) are opened by their arguments, not found.");
            return 0;
        });
        return command;
    }

    private static Command CreateCapture(IAnsiConsole console)
    {
        var options = new RadioOptions(defaultDriver: "loopback");
        var output = new Option<string>("--output", "-o") { Description = "Recording to write (BASE; .sigmf-meta and .sigmf-data are created).", Required = true };
        var samples = new Option<long>("--samples") { Description = "Samples per channel to capture (1..10^11); default: --seconds × rate." };
        var seconds = new Option<double>("--seconds") { Description = "Seconds to capture (0..86400).", DefaultValueFactory = _ => 1 };
        var datatype = new Option<string>("--datatype") { Description = $"Datatype written: {SigMfDatatypes.Supported}.", DefaultValueFactory = _ => "cf32_le" };
        Option<double> maxGap = CliOption.Real("--max-gap", "Seconds to wait through a silent, stalled or restarting peer before giving up; the gap is annotated in the recording", 0, 86400, 10, minimumExclusive: true);
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var command = new Command("capture", "Capture the receive stream of a radio to a SigMF recording, with a progress bar and the event counters; events and gaps become annotations. Exit 1 (with the reason) unless every sample arrived without an event.")
        {
            output, samples, seconds, datatype, maxGap, json,
        };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            try
            {
                if (!SigMfDatatypes.TryParse(parse.GetValue(datatype), out SigMfDatatype dt))
                {
                    throw new ArgumentException($"--datatype = {parse.GetValue(datatype)} is not valid; valid: {SigMfDatatypes.Supported}.");
                }

                RadioConfiguration config = options.Configuration(parse, rxChannels: null, txChannels: 0) with
                {
                    StreamFormat = dt == SigMfDatatype.Cf32Le ? SampleFormat.ComplexF32 : SampleFormat.ComplexI16,
                };
                long total = parse.GetResult(samples) is not null ? parse.GetValue(samples) : (long)Math.Round(RadioOptions.Check("--seconds", parse.GetValue(seconds), 0, 86400) * config.SampleRateHz);
                if (total < 1 || total > 100_000_000_000)
                {
                    throw new ArgumentException($"--samples = {total} is out of range; valid: 1..10^11.");
                }

                using IRadio radio = options.Open(parse);
                if (config.RxChannelCount == 0 || config.RxChannelCount > radio.Capabilities.MaxRxChannelCount)
                {
                    config = config with { RxChannelCount = Math.Max(1, Math.Min(radio.Capabilities.MaxRxChannelCount, config.RxChannelCount)) };
                }

                if (radio is SigMfRadio { ReplayMetadata: { } replay })
                {
                    config = config with { SampleRateHz = replay.SampleRateHz, RxChannelCount = replay.ChannelCount };
                }

                radio.Configure(config);
                var gapLimit = TimeSpan.FromSeconds(parse.GetValue(maxGap));
                CaptureSummary summary = Capture(console, radio, config, parse.GetValue(output)!, dt, total, gapLimit, !parse.GetValue(json) && console.Profile.Capabilities.Interactive);
                if (parse.GetValue(json))
                {
                    CliOutput.WriteJson(console, summary);
                }
                else
                {
                    console.MarkupLine($"captured {summary.Samples} of {summary.RequestedSamples} samples × {summary.Channels} channel(s) at {summary.SampleRateHz.ToString("G", CultureInfo.InvariantCulture)} Hz to {Markup.Escape(summary.Output)}; {summary.Gaps} gap(s) annotated");
                    WriteCounters(console, summary.Events);
                }

                if (summary.Samples < total)
                {
                    CliOutput.WriteError(console, $"captured {summary.Samples} of {total} samples from {radio.Label}: {summary.StopReason}; events: {summary.Events.Describe()}. The recording {summary.Output} holds what arrived.");
                    return CliExitCode.Failure;
                }

                if (!summary.Events.IsClean)
                {
                    CliOutput.WriteError(console, $"captured all {total} samples, but the stream was not clean: {summary.Events.Describe()} ({summary.Gaps} gap(s) annotated in {summary.Output}.sigmf-meta).");
                    return CliExitCode.Failure;
                }

                return CliExitCode.Success;
            }
            catch (Exception ex) when (IsUserError(ex))
            {
                CliOutput.WriteError(console, ex.Message);
                return 2;
            }
        });
        return command;
    }

    private static CaptureSummary Capture(IAnsiConsole console, IRadio radio, RadioConfiguration config, string output, SigMfDatatype datatype, long total, TimeSpan maxGap, bool interactive)
    {
        var metadata = new SigMfMetadata
        {
            Datatype = datatype,
            SampleRateHz = config.SampleRateHz,
            ChannelCount = config.RxChannelCount,
            Recorder = "OpenRan openran radio capture",
            Hardware = radio.Label,
            Captures = [new SigMfCapture(0, config.RxCenterFrequencyHz, DateTimeOffset.UtcNow)],
        };
        using SigMfWriter writer = SigMfWriter.Create(output, metadata, config.BlockSampleCount);
        var blockF32 = new SampleBlock<ComplexF32>(config.RxChannelCount, config.BlockSampleCount);
        var blockI16 = new SampleBlock<ComplexI16>(config.RxChannelCount, config.BlockSampleCount);
        bool useF32 = config.StreamFormat == SampleFormat.ComplexF32;
        long captured = 0;
        long expectedTs = 0;
        int gaps = 0;
        string stopReason = "";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        radio.Start();
        void Loop(Action<long, RadioEventCounters>? progress)
        {
            // A silence (reads that time out: the peer stalled, went away or is restarting) does not end the capture: it
            // waits up to maxGap since the last sample for the stream to resume, then marks the gap where samples resume.
            // Shorter interruptions (a Disconnected within the stream timeout) are annotated from the event log below.
            var sinceData = System.Diagnostics.Stopwatch.StartNew();
            bool silent = false;
            while (captured < total)
            {
                int want = (int)Math.Min(config.BlockSampleCount, total - captured);
                int n = useF32 ? radio.Rx.Read(blockF32, want) : radio.Rx.Read(blockI16, want);
                if (n == 0)
                {
                    if (radio.State != RadioState.Streaming)
                    {
                        stopReason = $"the radio stopped ({radio.State})";
                        break;
                    }

                    silent = true;
                    if (sinceData.Elapsed >= maxGap)
                    {
                        stopReason = string.Create(CultureInfo.InvariantCulture, $"no samples for {sinceData.Elapsed.TotalSeconds:0.#} s (--max-gap {maxGap.TotalSeconds:0.###} s){(captured == 0 ? ": no peer or device delivered anything" : "")}");
                        break;
                    }

                    continue;
                }

                if (silent)
                {
                    // The stream resumed after a silence: mark where, and for how long nothing came.
                    gaps++;
                    writer.Annotate(new SigMfAnnotation(writer.SampleCount, null, "gap", string.Create(CultureInfo.InvariantCulture,
                        $"the stream resumed here after about {sinceData.Elapsed.TotalSeconds:0.###} s without samples ({radio.Events.Snapshot().Describe()} so far); the samples before and after are not contiguous in time")));
                    silent = false;
                }

                sinceData.Restart();

                long ts = useF32 ? blockF32.TimestampSamples : blockI16.TimestampSamples;
                if (captured > 0 && ts != expectedTs)
                {
                    // A gap in time (overflow): mark it in the recording rather than hide it.
                    writer.Annotate(new SigMfAnnotation(writer.SampleCount, null, "gap", $"timestamp jumped from {expectedTs} to {ts}"));
                    gaps++;
                }

                expectedTs = ts + n;
                if (useF32)
                {
                    writer.Write(blockF32);
                }
                else
                {
                    writer.Write(blockI16);
                }

                captured += n;
                progress?.Invoke(captured, radio.Events.Snapshot());
            }
        }

        if (interactive)
        {
            console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn()).Start(ctx =>
            {
                ProgressTask task = ctx.AddTask("capturing", maxValue: total);
                Loop((done, c) =>
                {
                    task.Value = done;
                    task.Description = $"capturing ({c.Describe()})";
                });
            });
        }
        else
        {
            Loop(null);
        }

        radio.Stop();
        while (radio.Events.TryRead(out RadioEvent e))
        {
            writer.Annotate(new SigMfAnnotation(Math.Clamp(e.TimestampSamples, 0, Math.Max(writer.SampleCount - 1, 0)), null, e.Kind.ToString(), $"{e.Direction} channel {e.Channel}, {e.SampleCount} samples"));
        }

        return new CaptureSummary(SigMfMetadata.StripExtension(output), captured, total, config.RxChannelCount, config.SampleRateHz, watch.Elapsed.TotalSeconds, gaps,
            captured < total ? stopReason : null, radio.Events.Snapshot());
    }

    private static Command CreateReplay(IAnsiConsole console)
    {
        var options = new RadioOptions(defaultDriver: "zmq");
        var input = new Option<string>("--input", "-i") { Description = "Recording to replay (BASE, BASE.sigmf-meta or BASE.sigmf-data).", Required = true };
        var repeat = new Option<int>("--repeat") { Description = "How many times to play the recording (1..1000000).", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var command = new Command("replay", "Transmit a SigMF recording through a radio at its sample rate, from timestamp 0.") { input, repeat, json };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            try
            {
                int times = (int)RadioOptions.Check("--repeat", parse.GetValue(repeat), 1, 1_000_000);
                using SigMfReader reader = SigMfReader.Open(parse.GetValue(input)!, 16384);
                RadioConfiguration config = options.Configuration(parse, rxChannels: 0, txChannels: reader.Metadata.ChannelCount) with
                {
                    SampleRateHz = reader.Metadata.SampleRateHz,
                    StreamFormat = reader.Metadata.Datatype == SigMfDatatype.Cf32Le ? SampleFormat.ComplexF32 : SampleFormat.ComplexI16,
                    BlockSampleCount = 16384,
                };
                using IRadio radio = options.Open(parse);
                radio.Configure(config);
                radio.Start();
                var block = new SampleBlock<ComplexI16>(reader.Metadata.ChannelCount, 16384);
                var blockF32 = new SampleBlock<ComplexF32>(reader.Metadata.ChannelCount, 16384);
                bool f32 = config.StreamFormat == SampleFormat.ComplexF32;
                long timestamp = 0;
                long written = 0;
                for (int r = 0; r < times; r++)
                {
                    reader.Seek(0);
                    while (true)
                    {
                        int n = f32 ? reader.Read(blockF32, 16384) : reader.Read(block, 16384);
                        if (n == 0)
                        {
                            break;
                        }

                        int queued;
                        if (f32)
                        {
                            blockF32.TimestampSamples = timestamp;
                            queued = radio.Tx.Write(blockF32);
                        }
                        else
                        {
                            block.TimestampSamples = timestamp;
                            queued = radio.Tx.Write(block);
                        }

                        written += queued;
                        timestamp += n;
                        if (queued < n)
                        {
                            break;
                        }
                    }
                }

                DrainTransmit(radio, written, config.StreamTimeout);
                radio.Stop();
                long total = (long)times * reader.SampleCount;
                long delivered = radio.Tx.DeliveredSampleCount;
                var log = new List<RadioEvent>();
                while (radio.Events.TryRead(out RadioEvent e))
                {
                    log.Add(e);
                }

                var summary = new ReplaySummary(SigMfMetadata.StripExtension(parse.GetValue(input)!), delivered, total, written, reader.Metadata.SampleRateHz, radio.Events.Snapshot(), log);
                if (parse.GetValue(json))
                {
                    CliOutput.WriteJson(console, summary);
                }
                else
                {
                    console.MarkupLine($"replayed {summary.Samples} of {summary.RequestedSamples} samples through {Markup.Escape(radio.Label)}");
                    WriteCounters(console, summary.Events);
                }

                if (delivered < total)
                {
                    CliOutput.WriteError(console, $"{radio.Label} took {delivered} of {total} samples ({total - delivered} never left: {(delivered == 0 ? "no peer or device consumed any" : "the peer or device stopped consuming")}); events: {summary.Events.Describe()}.");
                    return CliExitCode.Failure;
                }

                if (!summary.Events.IsClean)
                {
                    CliOutput.WriteError(console, $"every sample was delivered, but the stream was not clean: {summary.Events.Describe()}.");
                    return CliExitCode.Failure;
                }

                return CliExitCode.Success;
            }
            catch (Exception ex) when (IsUserError(ex))
            {
                CliOutput.WriteError(console, ex.Message);
                return 2;
            }
        });
        return command;
    }

    private static Command CreateLoopbackTest(IAnsiConsole console)
    {
        var options = new RadioOptions(defaultDriver: "loopback");
        var seconds = new Option<double>("--seconds") { Description = "Seconds of samples to exchange (0.001..3600).", DefaultValueFactory = _ => 1 };
        var block = new Option<int>("--block") { Description = "Samples per read and write (64..1048576).", DefaultValueFactory = _ => 1920 };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("loopback-test", "Timing and drop check between the transmit and receive streams of one radio (loopback, or hardware with a cable): measures the delay, counts symbol errors and events.") { seconds, block, json };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            try
            {
                RadioConfiguration config = options.Configuration(parse, rxChannels: 1, txChannels: 1);
                int n = (int)RadioOptions.Check("--block", parse.GetValue(block), 64, 1 << 20);
                double s = RadioOptions.Check("--seconds", parse.GetValue(seconds), 0.001, 3600);
                config = config with { BlockSampleCount = Math.Max(config.BlockSampleCount, n) };
                using IRadio radio = options.Open(parse);
                radio.Configure(config);
                LoopbackResult result = LoopbackTest.Run(radio, config, n, (long)Math.Round(s * config.SampleRateHz));
                if (parse.GetValue(json))
                {
                    CliOutput.WriteJson(console, result);
                }
                else
                {
                    console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{result.Samples} samples in {result.WallSeconds:F3} s: {result.Msps:F2} Msps, {result.RealTimeRatio:F2}× real time"));
                    console.MarkupLine($"delay {(result.DelaySamples is long d ? d.ToString(CultureInfo.InvariantCulture) + " samples" : "not found")}, symbol errors {result.SymbolErrors} of {result.SymbolsChecked}, timestamp gaps {result.TimestampGaps}");
                    WriteCounters(console, result.Events);
                }

                foreach (string failure in result.Failures)
                {
                    CliOutput.WriteError(console, failure);
                }

                return result.Passed ? CliExitCode.Success : CliExitCode.Failure;
            }
            catch (Exception ex) when (IsUserError(ex))
            {
                CliOutput.WriteError(console, ex.Message);
                return 2;
            }
        });
        return command;
    }

    /// <summary>
    /// Lets the peer or device take everything queued on the transmit stream: waits while it makes progress and gives up
    /// after a whole <paramref name="timeout"/> without any, reporting that as a stall (even when the driver has no stall
    /// detection of its own). Stopping the radio then counts what never left as Dropped.
    /// </summary>
    internal static void DrainTransmit(IRadio radio, long written, TimeSpan timeout)
    {
        var idle = System.Diagnostics.Stopwatch.StartNew();
        long delivered = radio.Tx.DeliveredSampleCount;
        while (delivered < written && idle.Elapsed < timeout)
        {
            System.Threading.Thread.Sleep(1);
            long now = radio.Tx.DeliveredSampleCount;
            if (now != delivered)
            {
                delivered = now;
                idle.Restart();
            }
        }

        if (delivered < written && radio.Events.Count(RadioEventKind.Stalled) == 0)
        {
            radio.Events.Report(RadioEventKind.Stalled, StreamDirection.Transmit, -1, delivered, 0);
        }
    }

    internal static void WriteCounters(IAnsiConsole console, RadioEventCounters c)
    {
        var table = new Table().AddColumn("late").AddColumn("underflow").AddColumn("overflow").AddColumn("dropped").AddColumn("disconnected").AddColumn("stalled").AddColumn("samples lost");
        table.AddRow(Count(c.Late), Count(c.Underflow), Count(c.Overflow), Count(c.Dropped), Count(c.Disconnected), Count(c.Stalled), Count(c.LostSamples));
        console.Write(table);
    }

    internal static bool IsUserError(Exception ex) =>
        ex is ArgumentException or IOException or UnauthorizedAccessException or SigMfFormatException or RadioUnavailableException
            or InvalidOperationException or SoapyException or HackRfException or OpenRan.Hardware.LibUsb.LibUsbException;

    private static string Count(long value) => value == 0 ? "0" : $"[red]{value}[/]";
}
