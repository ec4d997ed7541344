using System;
using System.CommandLine;
using System.Globalization;
using OpenRan.Dsp;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.Upper.Channels.Downlink;
using OpenRan.Radio;
using OpenRan.Radio.SigMf;
using OpenRan.Radio.Streaming;
using OpenRan.Simulation.Waveforms;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>
/// Where <c>openran generate</c> sends a waveform and how: a SigMF recording (<c>-o</c>, cf32 or ci16, one annotation per
/// slot) or a radio driver (<c>--driver</c>, <c>--args</c>, as the radio commands take them), the number of frames, the
/// RF frequency (SigMF <c>core:frequency</c>, the radio's centre and f0 of the TS 38.211 §5.4 phase compensation) and the level.
/// </summary>
internal sealed class GenerateSinkOptions
{
    /// <summary>The level of ci16 recordings and streams when <c>--rms-dbfs</c> is not given.</summary>
    public const double DefaultI16RmsDbfs = -15;

    private readonly Option<string> _output = new("--output", "-o") { Description = "Recording to write (BASE; BASE.sigmf-meta and BASE.sigmf-data are created)." };
    private readonly Option<string> _format = CliOption.Choice("--format", "Sample format of the recording or radio stream", ["cf32", "ci16"], "cf32");
    private readonly Option<int> _frames = CliOption.Integer("--frames", "10 ms frames to generate (a radio gets them back to back, the SFN counting on)", 1, 1_000_000, 1);
    private readonly Option<double> _frequencyMhz = CliOption.Real("--frequency-mhz", "RF centre in MHz: SigMF core:frequency, the radio's centre and f0 of the TS 38.211 §5.4 phase compensation", 0, 100_000, minimumExclusive: true);
    private readonly Option<int> _arfcn = CliOption.Integer("--arfcn", "RF centre as an NR-ARFCN (TS 38.104 §5.4.2.1), instead of --frequency-mhz", 0, 3_279_165);
    private readonly Option<double> _rmsDbfs = CliOption.Real("--rms-dbfs", "Scale so that a fully loaded carrier has this RMS level relative to full scale (default: unscaled cf32, −15 dBFS ci16)", -100, 0);
    private readonly Option<string> _driver = new("--driver", "-d") { Description = "Transmit through this radio driver instead of writing a file: zmq | file | loopback | soapy | hackrf (see 'openran radio list')." };
    private readonly Option<string> _args = new("--args", "-a") { Description = "Driver arguments key=value,… (e.g. tx_port=tcp://*:2000 for zmq)." };
    private readonly Option<double> _txGain = CliOption.Real("--tx-gain", "Radio transmit gain in dB", -200, 200, 0);
    private readonly Option<bool> _json = new("--json") { Description = "Print the summary as JSON." };

    public void AddTo(Command command)
    {
        command.Options.Add(_output);
        command.Options.Add(_format);
        command.Options.Add(_frames);
        command.Options.Add(_frequencyMhz);
        command.Options.Add(_arfcn);
        command.Options.Add(_rmsDbfs);
        command.Options.Add(_driver);
        command.Options.Add(_args);
        command.Options.Add(_txGain);
        command.Options.Add(_json);
    }

    /// <summary>
    /// Validates the options (an <see cref="ArgumentException"/> naming the option is a usage error), then generates
    /// <c>--frames</c> frames of <paramref name="waveform"/> into the file or the radio.
    /// </summary>
    /// <param name="console">Where the summary goes.</param>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="waveform">The waveform.</param>
    /// <param name="configuredFrequencyHz">The RF centre given by a configuration file, used when no option gives one.</param>
    /// <param name="tag">A tag for the recording's description that names the waveform to <c>openran analyze</c>, or null.</param>
    public int Run(IAnsiConsole console, ParseResult parse, DownlinkWaveformConfiguration waveform, double? configuredFrequencyHz, string? tag)
    {
        string? output = parse.GetValue(_output);
        string? driver = parse.GetValue(_driver);
        if ((output is null) == (driver is null))
        {
            throw new ArgumentException("give either --output BASE (a SigMF recording) or --driver NAME (a radio), not both and not neither.");
        }

        if (parse.GetResult(_frequencyMhz) is not null && parse.GetResult(_arfcn) is not null)
        {
            throw new ArgumentException("give either --frequency-mhz or --arfcn, not both.");
        }

        double? frequencyHz = parse.GetResult(_frequencyMhz) is not null ? parse.GetValue(_frequencyMhz) * 1e6
            : parse.GetResult(_arfcn) is not null ? NrArfcn.FrequencyHz(parse.GetValue(_arfcn))
            : configuredFrequencyHz;
        if (frequencyHz is double f0)
        {
            waveform = waveform with { Carrier = waveform.Carrier with { CarrierFrequencyHz = f0 } };
        }

        bool i16 = parse.GetValue(_format) == "ci16";
        double? rms = parse.GetResult(_rmsDbfs) is not null ? parse.GetValue(_rmsDbfs) : i16 ? DefaultI16RmsDbfs : null;
        float scale = rms is double r ? DownlinkWaveformSource.ScaleForRms(waveform.Carrier, r) : 1f;
        var source = new DownlinkWaveformSource(waveform, scale);
        int frames = parse.GetValue(_frames);
        long slots = (long)frames * waveform.Carrier.SlotsPerFrame;
        if (output is not null)
        {
            CliOutput.EnsureWritable(SigMfMetadata.DataPath(output), "--output");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        GenerateSummary summary;
        if (output is not null)
        {
            summary = WriteRecording(source, output, i16 ? SigMfDatatype.Ci16Le : SigMfDatatype.Cf32Le, slots, frequencyHz, rms, tag);
        }
        else
        {
            summary = Transmit(source, driver!, parse.GetValue(_args), i16, slots, frequencyHz, parse.GetValue(_txGain), out string? failure);
            if (failure is not null)
            {
                Report(console, parse, summary with { WallSeconds = watch.Elapsed.TotalSeconds });
                CliOutput.WriteError(console, failure);
                return CliExitCode.Failure;
            }
        }

        summary = summary with { WallSeconds = watch.Elapsed.TotalSeconds, Frames = frames };
        Report(console, parse, summary);
        if (i16 && summary.PeakDbfs > 0)
        {
            CliOutput.WriteWarning(console, string.Create(CultureInfo.InvariantCulture, $"the peak is {summary.PeakDbfs:0.0} dBFS: ci16 samples were clipped; lower --rms-dbfs."));
        }

        return CliExitCode.Success;
    }

    private static GenerateSummary WriteRecording(DownlinkWaveformSource source, string output, SigMfDatatype datatype, long slots, double? frequencyHz, double? rmsDbfs, string? tag)
    {
        DownlinkWaveformConfiguration w = source.Configuration;
        var metadata = new SigMfMetadata
        {
            Datatype = datatype,
            SampleRateHz = source.SampleRateHz,
            ChannelCount = source.PortCount,
            Description = Describe(w, source.Scale, rmsDbfs) + (tag is null ? "" : " " + tag),
            Recorder = "OpenRan openran generate",
            Captures = [new SigMfCapture(0, frequencyHz, DateTimeOffset.UtcNow)],
        };
        double peak = 0;
        using (SigMfWriter writer = SigMfWriter.Create(output, metadata, source.Composer.Timing.MaxSlotSampleCount))
        {
            for (long s = 0; s < slots; s++)
            {
                long start = source.SampleCount;
                SampleBlock<ComplexF32> block = source.NextSlot();
                peak = Math.Max(peak, Peak(block));
                writer.Write(block);
                writer.Annotate(DownlinkSlotAnnotation.Create(s, w.Carrier, source.Composer.Annotations, start, block.Count, frequencyHz));
            }
        }

        return new GenerateSummary(w.Name, SigMfMetadata.StripExtension(output), null, 0, slots, source.SampleCount, source.PortCount, source.SampleRateHz,
            frequencyHz, datatype.ToText(), source.Scale, PeakDbfs(peak), 0, 0, 0);
    }

    private static GenerateSummary Transmit(DownlinkWaveformSource source, string driver, string? args, bool i16, long slots, double? frequencyHz, double txGainDb, out string? failure)
    {
        DownlinkWaveformConfiguration w = source.Configuration;
        int maxSlot = source.Composer.Timing.MaxSlotSampleCount;
        var config = new RadioConfiguration
        {
            SampleRateHz = source.SampleRateHz,
            TxCenterFrequencyHz = frequencyHz ?? 0,
            RxCenterFrequencyHz = frequencyHz ?? 0,
            TxGainDb = txGainDb,
            RxChannelCount = 0,
            TxChannelCount = source.PortCount,
            StreamFormat = i16 ? SampleFormat.ComplexI16 : SampleFormat.ComplexF32,
            BlockSampleCount = Math.Max(64, maxSlot),
            StreamTimeout = TimeSpan.FromSeconds(2),
        };
        using IRadio radio = RadioCommand.CreateFactory().Open(driver, RadioArguments.Parse(args));
        radio.Configure(config);
        var block16 = new SampleBlock<ComplexI16>(source.PortCount, maxSlot);
        double peak = 0;
        long written = 0;
        radio.Start();
        for (long s = 0; s < slots; s++)
        {
            SampleBlock<ComplexF32> block = source.NextSlot();
            peak = Math.Max(peak, Peak(block));
            int queued;
            if (i16)
            {
                block16.Count = block.Count;
                block16.TimestampSamples = block.TimestampSamples;
                for (int c = 0; c < block.ChannelCount; c++)
                {
                    SampleConvert.Copy<ComplexF32, ComplexI16>(block[c], block16[c]);
                }

                queued = radio.Tx.Write(block16);
            }
            else
            {
                queued = radio.Tx.Write(block);
            }

            written += queued;
            if (queued < block.Count)
            {
                break;
            }
        }

        RadioCommand.DrainTransmit(radio, written, config.StreamTimeout);
        radio.Stop();
        long delivered = radio.Tx.DeliveredSampleCount;
        RadioEventCounters events = radio.Events.Snapshot();
        failure = delivered < source.SampleCount
            ? $"{radio.Label} took {delivered} of {source.SampleCount} samples ({(delivered == 0 ? "no peer or device consumed any" : "the peer or device stopped consuming")}); events: {events.Describe()}."
            : !events.IsClean ? $"every sample was delivered, but the stream was not clean: {events.Describe()}." : null;
        return new GenerateSummary(w.Name, null, radio.Label, 0, slots, source.SampleCount, source.PortCount, source.SampleRateHz,
            frequencyHz, i16 ? "ci16" : "cf32", source.Scale, PeakDbfs(peak), 0, delivered, events.LostSamples);
    }

    private void Report(IAnsiConsole console, ParseResult parse, GenerateSummary summary)
    {
        if (parse.GetValue(_json))
        {
            CliOutput.WriteJson(console, summary);
            return;
        }

        string target = summary.Output is not null ? $"{summary.Output}.sigmf-meta/.sigmf-data" : $"radio {summary.Radio}";
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Waveform}: {summary.Slots} slots, {summary.Samples} samples × {summary.Channels} port(s) at {summary.SampleRateHz / 1e6:0.###} Msps ({summary.Format}, peak {summary.PeakDbfs:0.0} dBFS) to {target} in {summary.WallSeconds:0.000} s ({summary.RealTimeFactor:G3} s of signal per second)")));
    }

    private static string Describe(DownlinkWaveformConfiguration w, float scale, double? rmsDbfs) => string.Create(CultureInfo.InvariantCulture,
        $"{w.Name}: N_grid^size {w.Carrier.NSizeGrid} RB at {w.Carrier.SubcarrierSpacingKhz} kHz, N_ID^cell {w.Carrier.NIdCell}, {w.Carrier.AntennaPortCount} port(s), FFT {w.Carrier.Timing().FftSize}; samples = OFDM modulator output (1/N_FFT) × {scale:G6}{(rmsDbfs is double r ? $" (full-load RMS {r:0.#} dBFS)" : "")}; f0 of the TS 38.211 §5.4 phase compensation {w.Carrier.CarrierFrequencyHz:G} Hz. Generated by OpenRan.");

    private static double Peak(SampleBlock<ComplexF32> block)
    {
        double peak = 0;
        for (int c = 0; c < block.ChannelCount; c++)
        {
            foreach (ComplexF32 x in block[c])
            {
                peak = Math.Max(peak, Math.Max(Math.Abs(x.Re), Math.Abs(x.Im)));
            }
        }

        return peak;
    }

    private static double PeakDbfs(double peak) => peak > 0 ? 20 * Math.Log10(peak) : double.NegativeInfinity;
}
