using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Channels.Downlink;
using OpenRan.Radio.SigMf;
using OpenRan.Radio.Streaming;
using OpenRan.Simulation.Measurement;
using OpenRan.Simulation.Reporting;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>
/// <c>openran analyze INPUT</c>: transmitter quality of a downlink test-model recording (SigMF, or raw cf32/ci16 with its
/// rate and frequency) per TS 38.141-1 §6.6: frequency error, EVM per modulation, per symbol and per RB, channel power and
/// occupied bandwidth; a table, <c>--json</c> and a PNG (<c>--plot</c>). With <c>--check</c>, exit 1 when an EVM exceeds the
/// TS 38.104 Table 6.5.2.2-1 limit of its modulation.
/// </summary>
internal static class AnalyzeCommand
{
    /// <summary>The EVM limits of TS 38.104 Table 6.5.2.2-1 (BS, FR1), percent, by Q_m.</summary>
    public static double? EvmLimitPercent(int bitsPerSymbol) => bitsPerSymbol switch
    {
        2 => 17.5,
        4 => 12.5,
        6 => 8,
        8 => 3.5,
        10 => 2.5,
        _ => null,
    };

    public static Command Create(IAnsiConsole console)
    {
        var input = new Argument<string>("INPUT") { Description = "The recording: BASE, BASE.sigmf-meta or BASE.sigmf-data; or a raw file with --format and --sample-rate." };
        var model = new TestModelOptions(modelRequired: false);
        Option<string> format = CliOption.Choice("--format", "Sample format of a raw INPUT (not SigMF)", ["cf32", "ci16"]);
        Option<double> sampleRate = CliOption.Real("--sample-rate", "Sample rate of a raw INPUT in Hz", 0, 1e10, minimumExclusive: true);
        Option<double> centerFrequency = CliOption.Real("--center-frequency", "RF centre in Hz (f0 of the TS 38.211 §5.4 phase compensation; default: the SigMF core:frequency, else none)", 0, 1e12);
        Option<int> channel = CliOption.Integer("--channel", "Channel of a multi-channel recording", 0, 63, 0);
        var plot = new Option<string>("--plot") { Description = "Write the plot (PNG, or SVG when the name ends in .svg): the equalized constellation and the EVM per resource block." };
        var check = new Option<bool>("--check") { Description = "Exit 1 when the EVM of a modulation exceeds its TS 38.104 Table 6.5.2.2-1 limit (QPSK 17.5 %, 16QAM 12.5 %, 64QAM 8 %, 256QAM 3.5 %, 1024QAM 2.5 %)." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("analyze", "Analyse a downlink test-model recording (TS 38.141-1 §6.6): frequency error, EVM per modulation/symbol/RB, power, occupied bandwidth; JSON and PNG.")
        {
            input, format, sampleRate, centerFrequency, channel, plot, check, json,
        };
        model.AddTo(command);
        command.SetAction(parse =>
        {
            DownlinkEvmResult result;
            try
            {
                string path = parse.GetValue(input)!;
                string? plotPath = parse.GetValue(plot);
                if (plotPath is not null)
                {
                    CliOutput.EnsureWritable(plotPath, "--plot");
                }

                (ComplexF32[] samples, double rate, double? frequency, string? description) = Load(path, parse.GetValue(format), parse.GetResult(sampleRate) is null ? null : parse.GetValue(sampleRate), parse.GetValue(channel));
                if (parse.GetResult(centerFrequency) is not null)
                {
                    frequency = parse.GetValue(centerFrequency);
                }

                DownlinkWaveformConfiguration reference = model.HasModel(parse) ? model.Create(parse).Waveform
                    : TestModelOptions.FromTag(description)?.Waveform
                    ?? throw new ArgumentException("--model is needed: the recording does not name its test model (openran generate tags its recordings).");
                reference = reference with { Carrier = reference.Carrier with { CarrierFrequencyHz = frequency ?? 0 } };
                var analyzer = new DownlinkEvmAnalyzer(reference, rate);
                try
                {
                    result = analyzer.Analyze(samples);
                }
                catch (ArgumentException ex)
                {
                    CliOutput.WriteError(console, $"{path}: {GenerateCommand.Message(ex)}");
                    return CliExitCode.Failure;
                }

                if (plotPath is not null)
                {
                    DownlinkEvmPlot.Write(result, plotPath, plotPath.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? PlotFormat.Svg : PlotFormat.Png);
                }
            }
            catch (Exception ex) when (RadioCommand.IsUserError(ex))
            {
                CliOutput.WriteError(console, GenerateCommand.Message(ex));
                return CliExitCode.Usage;
            }

            Report(console, result, parse.GetValue(json));
            if (parse.GetValue(check))
            {
                foreach (ModulationEvm e in result.Evm)
                {
                    if (EvmLimitPercent(e.BitsPerSymbol) is double limit && !(e.EvmPercent <= limit))
                    {
                        CliOutput.WriteError(console, string.Create(CultureInfo.InvariantCulture, $"{e.Modulation} EVM {e.EvmPercent:0.00} % exceeds the TS 38.104 Table 6.5.2.2-1 limit of {limit} %."));
                        return CliExitCode.Failure;
                    }
                }
            }

            return CliExitCode.Success;
        });
        return command;
    }

    /// <summary>Reads one channel of a SigMF recording, or a raw file of <paramref name="rawFormat"/> at <paramref name="rawRate"/>.</summary>
    private static (ComplexF32[] Samples, double Rate, double? Frequency, string? Description) Load(string path, string? rawFormat, double? rawRate, int channel)
    {
        bool sigmf = rawFormat is null;
        if (sigmf)
        {
            if (rawRate is not null)
            {
                throw new ArgumentException("--sample-rate is for raw files: give --format too (a SigMF recording carries its own rate).");
            }

            using SigMfReader reader = SigMfReader.Open(path, 1 << 16);
            SigMfMetadata meta = reader.Metadata;
            if (channel >= meta.ChannelCount)
            {
                throw new ArgumentException($"--channel = {channel} is not valid; valid: 0..{meta.ChannelCount - 1} ({path} holds {meta.ChannelCount} channel(s)).");
            }

            if (reader.SampleCount > int.MaxValue / 2)
            {
                throw new ArgumentException($"{path} holds {reader.SampleCount} samples; analyse at most {int.MaxValue / 2} (cut the recording).");
            }

            var samples = new ComplexF32[reader.SampleCount];
            var block = new SampleBlock<ComplexF32>(meta.ChannelCount, 1 << 16);
            int done = 0;
            while (done < samples.Length)
            {
                int n = reader.Read(block, Math.Min(1 << 16, samples.Length - done));
                if (n == 0)
                {
                    break;
                }

                block[channel][..n].CopyTo(samples.AsSpan(done));
                done += n;
            }

            return (samples, meta.SampleRateHz, meta.Captures.Count > 0 ? meta.Captures[0].FrequencyHz : null, meta.Description);
        }

        if (rawRate is not double rate)
        {
            throw new ArgumentException("--sample-rate is needed for a raw file (--format given).");
        }

        SigMfDatatype datatype = rawFormat == "ci16" ? SigMfDatatype.Ci16Le : SigMfDatatype.Cf32Le;
        byte[] raw = File.ReadAllBytes(path);
        int count = raw.Length / datatype.BytesPerSample();
        var values = new ComplexF32[count];
        SigMfCodec.Decode<ComplexF32>(raw, datatype, 1, 0, values);
        return (values, rate, null, null);
    }

    private static void Report(IAnsiConsole console, DownlinkEvmResult r, bool json)
    {
        if (json)
        {
            CliOutput.WriteJson(console, r with { Constellations = [] });
            return;
        }

        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{r.Waveform}: {r.SlotsAnalyzed} slots at {r.SampleRateHz / 1e6:0.###} Msps (FFT {r.FftSize}), frame start at sample {r.FrameStartSample}")));
        var table = new Table().AddColumn("measurement").AddColumn(new TableColumn("value").RightAligned()).AddColumn("note");
        table.AddRow("frequency error", Invariant($"{r.FrequencyErrorHz:0.00} Hz"), r.FrequencyErrorPpm is double ppm ? Invariant($"{ppm:0.0000} ppm") : "no carrier frequency");
        foreach (ModulationEvm e in r.Evm)
        {
            string limit = AnalyzeCommand.EvmLimitPercent(e.BitsPerSymbol) is double l ? Invariant($"limit {l} %; ") : "";
            table.AddRow($"EVM {e.Modulation}", Invariant($"{e.EvmPercent:0.000} %"), Invariant($"{limit}window early {e.EvmEarlyPercent:0.000} %, late {e.EvmLatePercent:0.000} %, {e.ResourceElements} RE"));
        }

        table.AddRow("EVM window W", Invariant($"{r.EvmWindowSamples} samples"), Invariant($"N_CP {r.CyclicPrefixSamples}"));
        table.AddRow("channel power", Invariant($"{r.ChannelPowerDbfs:0.00} dBFS"), "mean of the analysed slots");
        table.AddRow("occupied bandwidth", Invariant($"{r.OccupiedBandwidthHz / 1e6:0.000} MHz"), "99 % of the power");
        string perSymbol = string.Join(" ", r.EvmPerSymbolPercent.Select(v => double.IsNaN(v) ? "-" : Invariant($"{v:0.00}")));
        table.AddRow("EVM per symbol (%)", "", Markup.Escape(perSymbol));
        double worstRb = r.EvmPerRbPercent.Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Max();
        table.AddRow("worst RB EVM", Invariant($"{worstRb:0.000} %"), Invariant($"RB {IndexOfMax(r.EvmPerRbPercent)}"));
        console.Write(table);
    }

    private static int IndexOfMax(System.Collections.Generic.IReadOnlyList<double> values)
    {
        int best = -1;
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsNaN(values[i]) && (best < 0 || values[i] > values[best]))
            {
                best = i;
            }
        }

        return best;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
