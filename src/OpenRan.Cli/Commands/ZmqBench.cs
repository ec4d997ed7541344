using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using OpenRan.Dsp;
using OpenRan.Radio;
using OpenRan.Radio.Zmq;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>
/// <c>openran radio zmq-bench</c>: full-duplex ZMQ throughput between two processes on this machine. This process is the
/// gNB side; it starts a child <c>openran</c> as the UE side. Each side reads a block, checks it, and transmits a block
/// two blocks ahead, as a PHY would; both report Msps, the ratio to real time and allocations after warm-up.
/// </summary>
internal static class ZmqBench
{
    public static Command Create(IAnsiConsole console)
    {
        var rate = new Option<double>("--rate") { Description = "Sample rate in Hz (sets the real-time reference).", DefaultValueFactory = _ => 23.04e6 };
        var seconds = new Option<double>("--seconds") { Description = "Seconds of samples to exchange (0.01..600).", DefaultValueFactory = _ => 5 };
        var block = new Option<int>("--block") { Description = "Samples per read/write (64..1048576); default: 1 ms.", DefaultValueFactory = _ => 0 };
        var maxSamples = new Option<int>("--max-samples") { Description = "Most samples per ZMQ message (64..4194304).", DefaultValueFactory = _ => 65536 };
        Option<double> timeout = CliOption.Real("--timeout", "Stream timeout in seconds: a side that gets no samples for this long reports a stall and stops", 0.01, 3600, 20);
        var peer = new Option<string?>("--peer") { Description = "Internal: run as the UE side on ports A,B.", Hidden = true };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("zmq-bench", "Full-duplex ZMQ radio throughput between this process and a child process, with exact-timestamp checks and allocation figures. Exit 1 (with the reason) unless both sides got every sample exactly and cleanly.")
        {
            rate, seconds, block, maxSamples, timeout, peer, json,
        };
        command.SetAction(parse =>
        {
            try
            {
                double r = RadioOptions.Check("--rate", parse.GetValue(rate), 1e3, 1e9);
                double s = RadioOptions.Check("--seconds", parse.GetValue(seconds), 0.01, 600);
                int n = parse.GetValue(block) == 0 ? (int)Math.Round(r / 1000) : (int)RadioOptions.Check("--block", parse.GetValue(block), 64, 1 << 20);
                int m = (int)RadioOptions.Check("--max-samples", parse.GetValue(maxSamples), 64, 1 << 22);
                long total = (long)Math.Round(s * r);
                var streamTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout));
                if (parse.GetValue(peer) is string ports)
                {
                    string[] p = ports.Split(',');
                    if (p.Length != 2 || !int.TryParse(p[0], CultureInfo.InvariantCulture, out _) || !int.TryParse(p[1], CultureInfo.InvariantCulture, out _))
                    {
                        throw new ArgumentException($"--peer = {ports} is not valid; valid: two TCP ports A,B.");
                    }

                    ZmqBenchSide ue = RunSide("ue", $"tx_port=tcp://127.0.0.1:{p[1]},rx_port=tcp://127.0.0.1:{p[0]},max_samples={m},{PeerSilence(streamTimeout)}", 1, r, n, total, streamTimeout);
                    CliOutput.WriteJson(console, ue);
                    if (ue.Failure is not null)
                    {
                        CliOutput.WriteError(console, $"ue: {ue.Failure}");
                        return CliExitCode.Failure;
                    }

                    return CliExitCode.Success;
                }

                int portA = FreePort();
                int portB = FreePort();
                using Process child = StartPeer(portA, portB, r, s, n, m, streamTimeout);
                ZmqBenchSide gnb = RunSide("gnb", $"tx_port=tcp://127.0.0.1:{portA},rx_port=tcp://127.0.0.1:{portB},max_samples={m},{PeerSilence(streamTimeout)}", 0, r, n, total, streamTimeout);
                string childOutput = child.StandardOutput.ReadToEnd();
                string childError = child.StandardError.ReadToEnd();
                child.WaitForExit();
                ZmqBenchSide? ueSide = null;
                string? peerError = null;
                try
                {
                    ueSide = JsonSerializer.Deserialize<ZmqBenchSide>(childOutput, s_json);
                }
                catch (JsonException)
                {
                }

                if (ueSide is null)
                {
                    peerError = $"the peer process exited with {child.ExitCode} without a result: {(childOutput + childError).Trim()}";
                }

                var result = new ZmqBenchResult(r, n, m, gnb, ueSide, peerError);
                if (parse.GetValue(json))
                {
                    CliOutput.WriteJson(console, result);
                }
                else
                {
                    var table = new Table().AddColumn("side").AddColumn("Msps").AddColumn("× real time").AddColumn("exact").AddColumn("caller B").AddColumn("rx thread B").AddColumn("tx thread B (replies)").AddColumn("process B").AddColumn("gen0");
                    foreach (ZmqBenchSide? side in (ReadOnlySpan<ZmqBenchSide?>)[gnb, ueSide])
                    {
                        if (side is not null)
                        {
                            table.AddRow(side.Role, F(side.Msps), F(side.RealTimeRatio), side.Passed ? "yes" : "[red]no[/]",
                                I(side.CallerAllocatedBytes), I(side.ReceiveThreadAllocatedBytes), $"{I(side.TransmitThreadAllocatedBytes)} ({side.Replies})", I(side.ProcessAllocatedBytes), I(side.Gen0Collections));
                        }
                    }

                    console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"ZMQ full duplex at {r / 1e6:F2} Msps, {s:F2} s of samples, {n}-sample blocks, ≤ {m} samples per message:"));
                    console.Write(table);
                }

                // Every non-zero exit says why.
                var failures = new System.Collections.Generic.List<string>();
                if (gnb.Failure is not null)
                {
                    failures.Add($"gnb: {gnb.Failure}");
                }

                if (ueSide?.Failure is not null)
                {
                    failures.Add($"ue: {ueSide.Failure}");
                }

                if (peerError is not null)
                {
                    failures.Add(peerError);
                }

                foreach (string failure in failures)
                {
                    CliOutput.WriteError(console, failure);
                }

                return failures.Count == 0 ? CliExitCode.Success : CliExitCode.Failure;
            }
            catch (Exception ex) when (RadioCommand.IsUserError(ex))
            {
                CliOutput.WriteError(console, ex.Message);
                return 2;
            }
        });
        return command;
    }

    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Converters = { new OpenRan.Simulation.Reporting.FiniteDoubleJsonConverter() } };

    private static string F(double v) => double.IsFinite(v) ? v.ToString("F2", CultureInfo.InvariantCulture) : "-";

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The ZMQ radio's <c>timeout_ms</c> for both sides: the stream timeout. A receiver gives up a request after this much
    /// peer silence and loses the reply in flight, so the ZMQ default (1 s) would turn a side merely starved by a busy
    /// machine into lost samples and a failed benchmark; the stream timeout is the silence the benchmark calls a fault.
    /// </summary>
    private static string PeerSilence(TimeSpan streamTimeout) =>
        string.Create(CultureInfo.InvariantCulture, $"timeout_ms={Math.Clamp((long)Math.Ceiling(streamTimeout.TotalMilliseconds), 10, 3_600_000)}");

    private static Process StartPeer(int portA, int portB, double rate, double seconds, int block, int maxSamples, TimeSpan timeout)
    {
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h
            : Environment.ProcessPath is { } p && System.IO.Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (string a in (ReadOnlySpan<string>)["radio", "zmq-bench", "--peer", $"{portA},{portB}", "--rate", rate.ToString("R", CultureInfo.InvariantCulture),
            "--seconds", seconds.ToString("R", CultureInfo.InvariantCulture), "--block", block.ToString(CultureInfo.InvariantCulture), "--max-samples", maxSamples.ToString(CultureInfo.InvariantCulture), "--timeout", timeout.TotalSeconds.ToString("R", CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the zmq-bench peer process.");
    }

    /// <summary>The sample side <paramref name="side"/> transmits at <paramref name="t"/>.</summary>
    internal static ComplexF32 Pattern(int side, long t) => new((t & 0xFFFF) / 65536f, side + ((t >> 16) & 0xFFFF) / 65536f);

    /// <summary>
    /// Runs one side: reads, checks and transmits until it has received the warm-up plus <paramref name="total"/>
    /// samples, or until a read gets nothing for a whole <paramref name="timeout"/> (a stall: counted, and the side
    /// reports why it stopped). Rates are computed over the measured part only, and are NaN when there was none.
    /// </summary>
    internal static ZmqBenchSide RunSide(string role, string arguments, int side, double rate, int block, long total, TimeSpan timeout)
    {
        using IRadio radio = new ZmqRadioDriver().Open(RadioArguments.Parse(arguments));
        var zmq = (ZmqRadio)radio;
        radio.Configure(new RadioConfiguration
        {
            SampleRateHz = rate,
            StreamFormat = SampleFormat.ComplexF32,
            BlockSampleCount = block,
            RingBlockCount = 64,
            StreamTimeout = timeout,
        });
        radio.Start();
        var rx = new ComplexF32[block];
        var tx = new ComplexF32[block];
        long warmUp = Math.Min(total / 5, (long)rate);
        long expected = 0;
        long txTs = 2L * block;
        bool exact = true;
        long callerBefore = 0, rxBefore = 0, txBefore = 0, repliesBefore = 0, processBefore = 0;
        int gen0Before = 0;
        long measuredFrom = -1;
        var watch = new Stopwatch();
        while (expected < total + warmUp)
        {
            if (measuredFrom < 0 && expected >= warmUp)
            {
                measuredFrom = expected;
                callerBefore = GC.GetAllocatedBytesForCurrentThread();
                rxBefore = zmq.ReceiveThreadAllocatedBytes;
                txBefore = zmq.TransmitThreadAllocatedBytes;
                repliesBefore = zmq.RepliesSent;
                processBefore = GC.GetTotalAllocatedBytes(precise: false);
                gen0Before = GC.CollectionCount(0);
                watch.Start();
            }

            long ts = 0;
            int n = radio.Rx.Read(rx, ref ts);
            if (n == 0)
            {
                exact = false;
                break;
            }

            exact &= ts == expected;
            for (int i = 0; i < n; i++)
            {
                long t = ts + i;
                if (t >= 2L * block && rx[i] != Pattern(1 - side, t))
                {
                    exact = false;
                }
            }

            expected = ts + n;
            for (int i = 0; i < block; i++)
            {
                tx[i] = Pattern(side, txTs + i);
            }

            radio.Tx.Write(tx, ref txTs);
        }

        watch.Stop();
        bool wasMeasured = measuredFrom >= 0;
        long caller = wasMeasured ? GC.GetAllocatedBytesForCurrentThread() - callerBefore : 0;
        long samples = wasMeasured ? expected - measuredFrom : 0;
        double wall = watch.Elapsed.TotalSeconds;
        bool rated = samples > 0 && wall > 0;
        RadioEventCounters events = radio.Events.Snapshot();
        long wanted = total + warmUp;
        string? failure = expected < wanted
            ? string.Create(CultureInfo.InvariantCulture, $"received {expected} of {wanted} samples: no samples for the {timeout.TotalSeconds:0.###} s stream timeout (the peer stalled, failed or went away); events: {events.Describe()}")
            : !exact ? "a read did not continue the previous timestamp or a sample differed from the peer's pattern"
            : !events.IsClean ? $"the stream was not clean: {events.Describe()}"
            : null;
        var result = new ZmqBenchSide(role, samples, wall, rated ? samples / wall / 1e6 : double.NaN, rated ? samples / rate / wall : double.NaN, caller,
            wasMeasured ? zmq.ReceiveThreadAllocatedBytes - rxBefore : 0, wasMeasured ? zmq.TransmitThreadAllocatedBytes - txBefore : 0, wasMeasured ? zmq.RepliesSent - repliesBefore : 0,
            wasMeasured ? GC.GetTotalAllocatedBytes(precise: false) - processBefore : 0, wasMeasured ? GC.CollectionCount(0) - gen0Before : 0, events, exact, expected, wanted, failure);

        // Keep serving the peer (our transmit ring already holds what it still needs) until it has taken it all.
        var drain = Stopwatch.StartNew();
        while (failure is null && zmq.TransmittedSampleCount < expected && drain.Elapsed < timeout)
        {
            System.Threading.Thread.Sleep(1);
        }

        radio.Stop();
        return result;
    }
}
