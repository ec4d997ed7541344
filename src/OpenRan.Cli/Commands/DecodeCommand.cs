using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using OpenRan.Dsp;
using OpenRan.Engine.Capture;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Ue.Downlink;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Radio.SigMf;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>
/// <c>openran decode INPUT</c>: follows a cell through a recording (SigMF, or raw cf32/ci16/cs8 with the sample rate and
/// centre frequency given) with the UE downlink receiver: SS/PBCH blocks, MIBs, SI-RNTI DCIs and SIB1, DCIs and PDSCH of
/// further RNTIs; a readable line per item or <c>--json</c> JSON lines, and <c>--pcap</c> MAC-NR framing of every decoded
/// transport block. Exit codes: 0 when a cell was followed, 1 when none could be (the reason on standard error), 2 for an
/// invalid command line.
/// </summary>
internal static class DecodeCommand
{
    private static readonly string[] s_formats = ["cf32", "ci16", "cs8"];
    private static readonly string[] s_rntiTypes = ["c", "tc", "ra", "p", "si"];
    private static readonly string[] s_searchSpaces = ["common0", "common1", "common3", "ue"];

    private static readonly JsonSerializerOptions s_jsonLine = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static Command Create(IAnsiConsole console)
    {
        var input = new Argument<FileInfo?>("input") { Description = "The recording: a SigMF file (.sigmf-meta or .sigmf-data) or a raw file of interleaved I/Q (--format); leave out with --driver.", Arity = ArgumentArity.ZeroOrOne };
        var driver = new Option<string?>("--driver") { Description = "Read from a radio instead of a file: zmq | soapy | hackrf | file | loopback (the radios of openran gnb; see openran radio list)." };
        var driverArgs = new Option<string?>("--args") { Description = "Radio arguments key=value,… (e.g. rx_port=tcp://localhost:2000, or rx=RECORDING for the file driver)." };
        var seconds = CliOption.Real("--seconds", "Seconds of the radio's samples to decode (decoded as they arrive, in bounded memory; Ctrl+C ends early with the summary)", 0.001, 1e6, 0.1);
        var rxGain = CliOption.Real("--rx-gain", "Radio receive gain in dB", -200, 200, 0);
        var format = CliOption.Choice("--format", "Raw sample format: little-endian float32, int16 or int8 pairs", s_formats);
        var sampleRate = CliOption.Real("--sample-rate", "Sample rate in Hz (raw input; overrides nothing in SigMF, must agree)", 1e6, 1e9);
        var centre = CliOption.Real("--center-frequency", "RF frequency of the recording's centre in Hz (raw input, or SigMF without core:frequency)", 1e6, 100e9);
        var ssbFrequency = CliOption.Real("--ssb-frequency", "Centre (SS_REF) of the SS/PBCH block in Hz; default: scan the GSCN raster inside the recorded band", 1e6, 100e9);
        var ssbArfcn = CliOption.Integer<int>("--ssb-arfcn", "NR-ARFCN of the SS/PBCH block centre (instead of --ssb-frequency)", 0, 3_279_165);
        var ssbScs = CliOption.Integer<int>("--ssb-scs-khz", "SS/PBCH block subcarrier spacing in kHz (default: the band's)", 15, 30);
        var maxCfo = CliOption.Integer<int>("--max-cfo-subcarriers", "Largest carrier frequency offset searched, in whole SSB subcarriers either side", 0, 4, 2);
        var rnti = new Option<string[]>("--rnti") { Description = "RNTIs whose DCIs and PDSCH to decode (hex 0x4601 or decimal; repeat or comma-separate): DCI 1_0 in the common search spaces (SIB1's, or CORESET#0 before SIB1), and DCI 1_1 of C-RNTIs in the UE-specific search space with --gnb-config.", AllowMultipleArgumentsPerToken = true };
        var rntiType = CliOption.Choice("--rnti-type", "Type of the --rnti values", s_rntiTypes, "c");
        var pci = CliOption.Integer<int>("--pci", "Cell description: N_ID^cell", 0, 1007);
        var prb = CliOption.Integer<int>("--prb", "Cell description: carrier bandwidth in resource blocks", 1, 275);
        var scs = CliOption.Integer<int>("--scs-khz", "Cell description: carrier (common) subcarrier spacing in kHz", 15, 30);
        var slot = CliOption.Integer<int>("--slot", "Cell description: the slot the recording starts with", 0, 19);
        var dlArfcn = CliOption.Integer<int>("--dl-arfcn", "Cell description: NR-ARFCN of the carrier centre", 0, 3_279_165);
        var coreset0 = CliOption.Integer<int>("--coreset0-index", "Cell description: controlResourceSetZero", 0, 15);
        var searchSpace = CliOption.Choice("--search-space", "Search space of the --rnti DCIs: common0 (Type0-PDCCH CSS on CORESET#0, default), or on --coreset common1 | common3 (default there) | ue", s_searchSpaces);
        var coreset = new Option<string?>("--coreset") { Description = "A CORESET other than CORESET#0 on which the --rnti DCIs (1_0) are searched: rb-start=CRB,rb-count=6k,duration=1..3,interleaved=true|false,reg-bundle=2|3|6,interleaver-size=2|3|6,shift=0..274 (needs --dl-arfcn and --prb, or --gnb-config)." };
        var cellFile = new Option<FileInfo?>("--cell") { Description = "Cell description as YAML (cell: pci, prb, scs-khz, slot, dl-arfcn, ssb-arfcn, coreset0-index, …; search-space; coreset; rntis; dedicated: a UE's DCI 1_1 downlink without --gnb-config), instead of the description options." };
        var gnbConfig = new Option<FileInfo?>("--gnb-config") { Description = "An openran gnb configuration: follow its test UE's C-RNTI (DCI 1_1 on CORESET#1 and its PDSCH; carrier, CORESET#1, search space and PDSCH settings from the file)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per decoded item (JSON lines) instead of the table." };
        var pcap = new Option<FileInfo?>("--pcap") { Description = "Write every decoded transport block to this pcap file in Wireshark's MAC-NR framing (UDP, heuristic mac_nr_udp)." };
        var command = new Command("decode", "Follow a cell in a recording: SS/PBCH blocks, MIB, CORESET#0, SI-RNTI DCI and SIB1, DCIs and PDSCH of given RNTIs.")
        {
            input, driver, driverArgs, seconds, rxGain, format, sampleRate, centre, ssbFrequency, ssbArfcn, ssbScs, maxCfo, rnti, rntiType, pci, prb, scs, slot, dlArfcn, coreset0, searchSpace, coreset, cellFile, gnbConfig, json, pcap,
        };
        command.SetAction(parse =>
        {
            UeDownlinkConfiguration configuration;
            ComplexF32[] samples = [];
            DecodeRadioInput? stream = null;
            try
            {
                UeCoresetDescription? coresetDescription = parse.GetValue(coreset) is string coresetText ? UeCoresetDescription.Parse(coresetText) : null;
                string? space = Get(parse, searchSpace);

                if (Given(parse, ssbFrequency) && Given(parse, ssbArfcn))
                {
                    throw new ArgumentException("give either --ssb-frequency or --ssb-arfcn, not both.");
                }

                double rate;
                double? centreHz;
                string sourceName;
                if (parse.GetValue(driver) is string radioDriver)
                {
                    if (parse.GetValue(input) is not null)
                    {
                        throw new ArgumentException("--driver: give either INPUT (a recording) or --driver (a radio), not both.");
                    }

                    if (Get(parse, format) is not null)
                    {
                        throw new ArgumentException("--format is for raw files; a radio delivers float samples (--driver).");
                    }

                    stream = DecodeRadioInput.Open(radioDriver, parse.GetValue(driverArgs), GetReal(parse, sampleRate), GetReal(parse, centre), parse.GetValue(rxGain), parse.GetValue(seconds));
                    (rate, centreHz) = (stream.SampleRateHz, stream.CenterFrequencyHz);
                    sourceName = $"--driver {radioDriver}";
                }
                else
                {
                    FileInfo file = parse.GetValue(input) ?? throw new ArgumentException("give INPUT (a SigMF or raw recording) or --driver (a radio) to read samples from.");
                    if (parse.GetValue(driverArgs) is not null || Given(parse, seconds))
                    {
                        throw new ArgumentException("--args and --seconds are for --driver (a radio); a recording is decoded whole.");
                    }

                    (samples, rate, centreHz) = Load(file, Get(parse, format), GetReal(parse, sampleRate), GetReal(parse, centre));
                    sourceName = file.Name;
                }

                double? ssbHz = GetReal(parse, ssbFrequency) ?? (Get(parse, ssbArfcn) is int a ? NrArfcn.FrequencyHz(a) : null);
                var cell = new UeCellDescription
                {
                    Pci = Get(parse, pci),
                    CarrierPrbs = Get(parse, prb),
                    SubcarrierSpacingKhz = Get(parse, scs),
                    FirstSlot = Get(parse, slot),
                    DownlinkArfcn = Get(parse, dlArfcn),
                    SsbArfcn = Get(parse, ssbArfcn),
                    Coreset0Index = Get(parse, coreset0),
                };
                bool anyCell = cell.Pci is not null || cell.CarrierPrbs is not null || cell.SubcarrierSpacingKhz is not null || cell.FirstSlot is not null || cell.DownlinkArfcn is not null || cell.Coreset0Index is not null;
                IReadOnlyList<UeRnti> rntis = ParseRntis(parse.GetValue(rnti) ?? [], parse.GetValue(rntiType) ?? "c");
                UeDedicatedDownlink? dedicated = null;
                if (parse.GetValue(cellFile) is FileInfo described)
                {
                    if (anyCell)
                    {
                        throw new ArgumentException("--cell: give the cell either as a YAML file or as options (--pci, --prb, --scs-khz, --slot, --dl-arfcn, --coreset0-index), not both.");
                    }

                    UeCellDescriptionFile file = UeCellDescriptionFile.ReadFile(described.FullName);
                    cell = file.Cell;
                    anyCell = true;
                    rntis = [.. file.Rntis, .. rntis];
                    if (file.Coreset is not null && coresetDescription is not null)
                    {
                        throw new ArgumentException("--coreset: the --cell file describes a coreset already; give it once.");
                    }

                    coresetDescription ??= file.Coreset;
                    dedicated = file.Dedicated;
                    if (dedicated is not null && parse.GetValue(gnbConfig) is not null)
                    {
                        throw new ArgumentException("--gnb-config: the --cell file describes the UE's dedicated downlink already (dedicated:); give one of them.");
                    }
                    space ??= file.Coreset is not null ? file.SearchSpace : null;
                }

                space ??= coresetDescription is null ? "common0" : "common3";
                if (coresetDescription is null && space != "common0")
                {
                    throw new ArgumentException($"--search-space {space} needs --coreset (the CORESET it is on); valid without it: common0 (the Type0-PDCCH CSS on CORESET#0).");
                }

                if (coresetDescription is not null && space == "common0")
                {
                    throw new ArgumentException("--search-space common0 is CORESET#0's Type0-PDCCH CSS; valid with --coreset: common1 | common3 | ue.");
                }

                if (coresetDescription is not null && rntis.Count == 0)
                {
                    throw new ArgumentException("--coreset: give the RNTIs to search on it with --rnti (and --rnti-type).");
                }

                if (coresetDescription is not null && (cell.DownlinkArfcn is null || cell.CarrierPrbs is null) && parse.GetValue(gnbConfig) is null && dedicated is null)
                {
                    throw new ArgumentException("--coreset needs the carrier its RBs count in: give --dl-arfcn and --prb (or --gnb-config).");
                }

                if (centreHz is null)
                {
                    centreHz = cell.DownlinkArfcn is int dl ? NrArfcn.FrequencyHz(dl) : throw new ArgumentException("--center-frequency is required: the recording does not say its centre frequency (SigMF core:frequency).");
                }

                CheckSampleRate(rate, Get(parse, ssbScs) ?? cell.SubcarrierSpacingKhz ?? 15);
                configuration = new UeDownlinkConfiguration
                {
                    SampleRateHz = rate,
                    CenterFrequencyHz = centreHz.Value,
                    SsbFrequencyHz = ssbHz,
                    SsbSubcarrierSpacingKhz = Get(parse, ssbScs),
                    MaxIntegerFrequencyOffsetSubcarriers = parse.GetValue(maxCfo),
                    Rntis = rntis,
                    Dedicated = parse.GetValue(gnbConfig) is FileInfo gnb ? UeDedicatedDownlink.FromGnbConfiguration(GnbConfigurationReader.ReadFile(gnb.FullName)) : dedicated,
                    Cell = anyCell ? cell : null,
                    Coreset = coresetDescription,
                    CoresetSearchSpace = coresetDescription is null ? "common3" : space,
                };
                IReadOnlyList<string> problems = configuration.Validate();
                if (problems.Count > 0)
                {
                    throw new ArgumentException(string.Join("; ", problems) + ".");
                }

                double minimumSamples = rate * 1e-3;
                if (stream is null && samples.Length < minimumSamples)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{sourceName}: {samples.Length} samples ({samples.Length / rate * 1e3:F3} ms at --sample-rate {rate:G}) is shorter than one 1 ms subframe, too short to hold an SS/PBCH block; an SSB period is 5 to 160 ms (20 ms assumed for cell search, TS 38.213 §4.1)."));
                }

                if (parse.GetValue(pcap) is FileInfo p)
                {
                    CliOutput.EnsureWritable(p.FullName, "--pcap");
                }
            }
            catch (ArgumentException ex)
            {
                stream?.Dispose();
                CliOutput.WriteError(console, ex.Message.Split(" (Parameter", 2)[0]);
                return CliExitCode.Usage;
            }
            catch (ConfigurationException ex)
            {
                stream?.Dispose();
                CliOutput.WriteError(console, ex.Message);
                return CliExitCode.Usage;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SigMfFormatException or OpenRan.Radio.RadioUnavailableException or InvalidOperationException)
            {
                stream?.Dispose();
                CliOutput.WriteError(console, ex.Message);
                return CliExitCode.Failure;
            }

            if (stream is null)
            {
                return Run(console, configuration, samples, null, parse.GetValue(json), parse.GetValue(pcap));
            }

            using (stream)
            {
                ConsoleCancelEventHandler interrupt = (_, e) =>
                {
                    e.Cancel = true;
                    stream.Cancel();
                };
                Console.CancelKeyPress += interrupt;
                try
                {
                    return Run(console, configuration, samples, stream, parse.GetValue(json), parse.GetValue(pcap));
                }
                finally
                {
                    Console.CancelKeyPress -= interrupt;
                }
            }
        });
        return command;
    }

    /// <summary>Decodes <paramref name="samples"/> (a recording) or, when given, <paramref name="stream"/> as its samples arrive.</summary>
    private static int Run(IAnsiConsole console, UeDownlinkConfiguration configuration, ComplexF32[] samples, DecodeRadioInput? stream, bool json, FileInfo? pcapFile)
    {
        bool tdd = OperatingBands.WithDownlinkFrequency(configuration.SsbFrequencyHz ?? configuration.CenterFrequencyHz).FirstOrDefault()?.Duplex == DuplexMode.Tdd;
        using MacNrPcapWriter? pcap = pcapFile is null ? null : new MacNrPcapWriter(File.Create(pcapFile.FullName), tdd);
        TextWriter output = console.Profile.Out.Writer;
        var receiver = new UeDownlinkReceiver(configuration);
        if (!json)
        {
            output.WriteLine(stream is null
                ? string.Create(CultureInfo.InvariantCulture, $"{samples.Length} samples, {samples.Length / configuration.SampleRateHz * 1e3:F2} ms at {configuration.SampleRateHz / 1e6:G9} Msps, centre {configuration.CenterFrequencyHz / 1e6:F4} MHz")
                : string.Create(CultureInfo.InvariantCulture, $"{stream.Label}: decoding up to {stream.Seconds:G} s as it arrives at {configuration.SampleRateHz / 1e6:G9} Msps, centre {configuration.CenterFrequencyHz / 1e6:F4} MHz ({receiver.StreamBufferSamples} samples held)"));
            output.WriteLine($"{"type",-5} {"sfn",4} {"slot",4} {"pci",4}  details");
        }

        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        void OnItem(UeDownlinkItem item)
        {
            output.WriteLine(json ? JsonLine(item) : TableLine(item));
            if (pcap is not null && item.Kind == UeDownlinkItemKind.Pdsch && item.CrcPassed == true && item.Payload is byte[] payload)
            {
                long microseconds = (long)(item.SampleIndex / configuration.SampleRateHz * 1e6);
                pcap.Write(microseconds, MacNrDirection.Downlink, ToPcapType(item.RntiType), item.Rnti, 0, Math.Max(item.Sfn, 0), item.Slot, payload);
            }
        }

        UeDownlinkSummary summary = stream is null ? receiver.Decode(samples, OnItem) : receiver.DecodeStream(stream.Read, OnItem);
        if (stream?.StoppedEarly is string why)
        {
            CliOutput.WriteWarning(console, string.Create(CultureInfo.InvariantCulture, $"{stream.Label}: {why} after {stream.SamplesRead} samples ({stream.SamplesRead / configuration.SampleRateHz:F3} s of --seconds {stream.Seconds:G})."));
        }

        double wallSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds;
        output.Flush();
        if (!summary.CellFound)
        {
            CliOutput.WriteError(console, summary.Problem ?? "no cell found.");
            return CliExitCode.Failure;
        }

        if (summary.Problem is not null)
        {
            CliOutput.WriteWarning(console, summary.Problem);
        }

        if (!json)
        {
            output.WriteLine($"cell PCI {summary.Pci}: {summary.MibCount} MIB, {summary.PdschDecoded} PDSCH decoded, {summary.PdschFailed} PDSCH failed{(pcap is not null ? $", {pcap.PduCount} PDU(s) written to {pcapFile!.Name}" : "")}");
            UeDownlinkTimings t = summary.Timings;
            double signalSeconds = (stream?.SamplesRead ?? samples.Length) / configuration.SampleRateHz;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speed: {signalSeconds * 1e3:F1} ms of signal decoded in {wallSeconds:F3} s ({signalSeconds / wallSeconds:F2}× real time); {t.Slots} slot(s) followed, {t.Slots / wallSeconds:F0} slots/s"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time: cell search {t.CellSearchMs:F1} ms; {t.Blocks} block position(s) {t.BlocksMs:F1} ms ({Per(t.BlocksMs, t.Blocks)} ms each); {t.Slots} slot(s): OFDM {Per(t.SlotDemodulationMs, t.Slots)} ms/slot, PDCCH search {Per(t.PdcchMs, t.Slots)} ms/slot; {t.Pdsch} PDSCH {Per(t.PdschMs, t.Pdsch)} ms each"));
        }

        return CliExitCode.Success;
    }

    /// <summary>One JSON object (one line) per item: type, sfn, slot, pci, and the kind's fields.</summary>
    internal static string JsonLine(UeDownlinkItem item)
    {
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("type", item.Kind.ToString().ToLowerInvariant()),
            new("sfn", item.Sfn),
            new("slot", item.Slot),
            new("pci", item.Pci),
            new("sample", item.SampleIndex),
        };
        switch (item.Kind)
        {
            case UeDownlinkItemKind.Ssb:
                fields.Add(new("ssbIndex", item.SsbIndex));
                fields.Add(new("halfFrame", item.HalfFrame));
                fields.Add(new("ssbFrequencyHz", item.SsbFrequencyHz));
                fields.Add(new("cfoHz", Math.Round(item.FrequencyOffsetHz, 1)));
                fields.Add(new("pssMetric", Math.Round(item.PssMetric, 3)));
                break;
            case UeDownlinkItemKind.Mib:
                var mib = item.Mib!.Value;
                fields.Add(new("ssbIndex", item.SsbIndex));
                fields.Add(new("halfFrame", item.HalfFrame));
                fields.Add(new("crc", true));
                fields.Add(new("kSsb", mib.SsbSubcarrierOffset));
                fields.Add(new("scsCommonKhz", mib.SubCarrierSpacingCommon ? 30 : 15));
                fields.Add(new("dmrsTypeAPosition", mib.DmrsTypeAPosition));
                fields.Add(new("coreset0", mib.ControlResourceSetZero));
                fields.Add(new("searchSpace0", mib.SearchSpaceZero));
                fields.Add(new("cellBarred", mib.CellBarred));
                fields.Add(new("intraFreqReselection", mib.IntraFreqReselectionAllowed));
                break;
            case UeDownlinkItemKind.Dci:
                AddRnti(fields, item, true);
                fields.Add(new("format", item.DciFormat));
                fields.Add(new("searchSpace", item.SearchSpace));
                fields.Add(new("aggregationLevel", item.AggregationLevel));
                fields.Add(new("cce", item.Cce));
                if (item.Dci is Dci1_0 dci)
                {
                    fields.Add(new("fdra", dci.FrequencyDomainAssignment));
                    fields.Add(new("tdra", dci.TimeDomainAssignment));
                    fields.Add(new("vrbToPrb", dci.VrbToPrbMapping));
                    fields.Add(new("mcs", dci.Mcs));
                    fields.Add(new("rv", dci.RedundancyVersion));
                    if (item.RntiType is DciRntiType.CRnti or DciRntiType.TcRnti)
                    {
                        fields.Add(new("ndi", dci.NewDataIndicator));
                        fields.Add(new("harq", dci.HarqProcess));
                    }
                    else if (item.RntiType == DciRntiType.PRnti)
                    {
                        fields.Add(new("shortMessagesIndicator", dci.ShortMessagesIndicator));
                        fields.Add(new("shortMessages", dci.ShortMessages));
                    }
                }
                else if (item.DciFields is { } dciFields)
                {
                    foreach (KeyValuePair<string, int> field in dciFields)
                    {
                        fields.Add(new(field.Key, field.Value));
                    }
                }

                break;
            case UeDownlinkItemKind.Pdsch or UeDownlinkItemKind.Sib1:
                AddRnti(fields, item, item.CrcPassed == true);
                if (item.Allocation is { } a)
                {
                    fields.Add(new("prbStart", a.FirstPrb));
                    fields.Add(new("prbCount", a.PrbCount));
                    fields.Add(new("symbolStart", a.StartSymbol));
                    fields.Add(new("symbolCount", a.SymbolCount));
                    fields.Add(new("mcs", a.Mcs));
                    fields.Add(new("modulationOrder", a.ModulationOrder));
                    if (a.K0 != 0)
                    {
                        fields.Add(new("k0", a.K0));
                    }

                    if (a.InterleavedOverRbs != 0)
                    {
                        fields.Add(new("interleaved", true));
                    }

                    if (a.TbScaling != 1)
                    {
                        fields.Add(new("tbScaling", a.TbScaling));
                    }
                }

                fields.Add(new("tbs", item.TransportBlockSize));
                if (item.Kind == UeDownlinkItemKind.Pdsch)
                {
                    fields.Add(new("rv", item.RedundancyVersion));
                    if (item.HarqProcess >= 0)
                    {
                        fields.Add(new("harq", item.HarqProcess));
                        fields.Add(new("combined", item.Combined));
                    }
                }

                if (double.IsFinite(item.SnrDb))
                {
                    fields.Add(new("snrDb", Math.Round(item.SnrDb, 1)));
                }

                if (double.IsFinite(item.EvmPercent))
                {
                    fields.Add(new("evmPercent", Math.Round(item.EvmPercent, 1)));
                }

                fields.Add(new("payloadHex", item.Payload is null ? null : Convert.ToHexString(item.Payload).ToLowerInvariant()));
                break;
            case UeDownlinkItemKind.Rar:
                var rar = item.Rar!.Value;
                AddRnti(fields, item, true);
                fields.Add(new("rapid", rar.Rapid));
                fields.Add(new("timingAdvance", rar.TimingAdvance));
                fields.Add(new("tcRnti", Hex(rar.TemporaryCRnti)));
                fields.Add(new("ulGrant", new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["frequencyHopping"] = rar.Grant.FrequencyHopping,
                    ["frequencyAllocation"] = rar.Grant.FrequencyAllocation,
                    ["timeAllocation"] = rar.Grant.TimeAllocation,
                    ["mcs"] = rar.Grant.Mcs,
                    ["tpc"] = rar.Grant.Tpc,
                    ["csiRequest"] = rar.Grant.CsiRequest,
                }));
                break;
        }

        if (item.Detail is not null)
        {
            fields.Add(new("detail", item.Detail));
        }

        var ordered = new Dictionary<string, object?>(fields, StringComparer.Ordinal);
        return JsonSerializer.Serialize(ordered, s_jsonLine);
    }

    private static void AddRnti(List<KeyValuePair<string, object?>> fields, UeDownlinkItem item, bool crc)
    {
        fields.Add(new("rnti", Hex(item.Rnti)));
        fields.Add(new("rntiType", RntiTypeName(item.RntiType)));
        fields.Add(new("crc", crc));
    }

    /// <summary>One readable line per item.</summary>
    internal static string TableLine(UeDownlinkItem item)
    {
        string head = string.Create(CultureInfo.InvariantCulture, $"{item.Kind.ToString().ToLowerInvariant(),-5} {item.Sfn,4} {item.Slot,4} {item.Pci,4}  ");
        string body = item.Kind switch
        {
            UeDownlinkItemKind.Ssb => string.Create(CultureInfo.InvariantCulture, $"block {item.SsbIndex} half-frame {item.HalfFrame} at {item.SsbFrequencyHz / 1e6:F3} MHz, sample {item.SampleIndex}, CFO {item.FrequencyOffsetHz:F0} Hz, PSS {item.PssMetric:F2}"),
            UeDownlinkItemKind.Mib => MibText(item.Mib!.Value),
            UeDownlinkItemKind.Dci => DciText(item),
            UeDownlinkItemKind.Pdsch => PdschText(item),
            UeDownlinkItemKind.Rar => RarText(item),
            _ => $"SIB1 ({item.Payload?.Length ?? 0} bytes): {item.Detail ?? "(not parsed)"}",
        };
        return head + body + (item.Kind is UeDownlinkItemKind.Mib && item.Detail is not null ? $" ({item.Detail})" : "");
    }

    private static string MibText(OpenRan.Phy.Upper.Channels.Ssb.Mib mib) => string.Create(
        CultureInfo.InvariantCulture,
        $"MIB CRC ok: SFN {mib.SystemFrameNumber}, scs-common {(mib.SubCarrierSpacingCommon ? 30 : 15)} kHz, k_SSB {mib.SsbSubcarrierOffset}, dmrs-TypeA pos{mib.DmrsTypeAPosition}, CORESET0 {mib.ControlResourceSetZero}, SS0 {mib.SearchSpaceZero}, {(mib.CellBarred ? "barred" : "not barred")}");

    private static string DciText(UeDownlinkItem item)
    {
        if (item.Dci is not Dci1_0 d)
        {
            string fields = string.Join(" ", (item.DciFields ?? new Dictionary<string, int>()).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key}={f.Value}")));
            return string.Create(CultureInfo.InvariantCulture, $"DCI {item.DciFormat} {RntiTypeName(item.RntiType)}-RNTI {Hex(item.Rnti)} {item.SearchSpace} L={item.AggregationLevel} CCE={item.Cce} {fields}");
        }

        string extra = item.RntiType switch
        {
            DciRntiType.CRnti or DciRntiType.TcRnti => string.Create(CultureInfo.InvariantCulture, $" NDI={d.NewDataIndicator} HARQ={d.HarqProcess}"),
            DciRntiType.PRnti => string.Create(CultureInfo.InvariantCulture, $" short-messages-indicator={d.ShortMessagesIndicator} short-messages=0x{d.ShortMessages:x2}"),
            _ => "",
        };
        return string.Create(CultureInfo.InvariantCulture, $"DCI {item.DciFormat} {RntiTypeName(item.RntiType)}-RNTI {Hex(item.Rnti)} {item.SearchSpace} L={item.AggregationLevel} CCE={item.Cce} FDRA=0x{d.FrequencyDomainAssignment:x} TDRA={d.TimeDomainAssignment} VRB-PRB={d.VrbToPrbMapping} MCS={d.Mcs} RV={d.RedundancyVersion}{extra}")
            + (item.Detail is not null ? $" ({item.Detail})" : "");
    }

    private static string PdschText(UeDownlinkItem item)
    {
        string allocation = item.Allocation is { } a
            ? string.Create(CultureInfo.InvariantCulture, $"PRB {a.FirstPrb}+{a.PrbCount}{(a.InterleavedOverRbs != 0 ? " interleaved" : "")} sym {a.StartSymbol}+{a.SymbolCount}{(a.K0 != 0 ? $" K0 {a.K0}" : "")} Qm {a.ModulationOrder} MCS {a.Mcs}{(a.TbScaling != 1 ? $" S {a.TbScaling}" : "")} ")
            : "";
        string measured = double.IsFinite(item.SnrDb) ? string.Create(CultureInfo.InvariantCulture, $" SNR {item.SnrDb:F1} dB EVM {item.EvmPercent:F1} %") : "";
        string harq = item.HarqProcess >= 0 ? string.Create(CultureInfo.InvariantCulture, $"HARQ {item.HarqProcess} RV {item.RedundancyVersion}{(item.Combined ? " combined" : "")} ") : "";
        return string.Create(CultureInfo.InvariantCulture, $"PDSCH {RntiTypeName(item.RntiType)}-RNTI {Hex(item.Rnti)} {allocation}{harq}TBS {item.TransportBlockSize} CRC {(item.CrcPassed == true ? "ok" : "FAIL")}{measured}")
            + (item.Payload is byte[] p ? $" {Convert.ToHexString(p).ToLowerInvariant()}" : "")
            + (item.Detail is not null ? $" ({item.Detail})" : "");
    }

    private static string RarText(UeDownlinkItem item)
    {
        MacRar r = item.Rar!.Value;
        RarUplinkGrant g = r.Grant;
        return string.Create(CultureInfo.InvariantCulture, $"RAR RA-RNTI {Hex(item.Rnti)}: RAPID {r.Rapid} TA {r.TimingAdvance} TC-RNTI {Hex(r.TemporaryCRnti)} UL grant hopping {(g.FrequencyHopping ? 1 : 0)} FDRA 0x{g.FrequencyAllocation:x} TDRA {g.TimeAllocation} MCS {g.Mcs} TPC {g.Tpc} CSI {(g.CsiRequest ? 1 : 0)}")
            + (item.Detail is not null ? $" ({item.Detail})" : "");
    }

    private static string Per(double ms, int count) => count == 0 ? "-" : (ms / count).ToString("F3", CultureInfo.InvariantCulture);

    private static string Hex(int rnti) => string.Create(CultureInfo.InvariantCulture, $"0x{rnti:x4}");

    private static string RntiTypeName(DciRntiType type) => type switch
    {
        DciRntiType.CRnti => "c",
        DciRntiType.TcRnti => "tc",
        DciRntiType.SiRnti => "si",
        DciRntiType.RaRnti => "ra",
        _ => "p",
    };

    private static RntiType ToPcapType(DciRntiType type) => type switch
    {
        DciRntiType.SiRnti => RntiType.SiRnti,
        DciRntiType.RaRnti => RntiType.RaRnti,
        DciRntiType.TcRnti => RntiType.TcRnti,
        DciRntiType.PRnti => RntiType.PRnti,
        _ => RntiType.CRnti,
    };

    private static IReadOnlyList<UeRnti> ParseRntis(string[] values, string type)
    {
        DciRntiType rntiType = type switch
        {
            "tc" => DciRntiType.TcRnti,
            "ra" => DciRntiType.RaRnti,
            "p" => DciRntiType.PRnti,
            "si" => DciRntiType.SiRnti,
            _ => DciRntiType.CRnti,
        };
        var list = new List<UeRnti>();
        foreach (string token in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            bool hex = token.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
            if (!(hex ? int.TryParse(token.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int v) : int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out v)) || v < 1 || v > 0xFFFF)
            {
                throw new ArgumentException(CliOption.InvalidValue("--rnti", token, "1..65535, decimal or hex (0x0001..0xffff)"));
            }

            list.Add(new UeRnti(v, rntiType));
        }

        return list;
    }

    /// <summary>The FFT size f_s/Δf must be a whole multiple of 128 (TS 38.211 §5.3.1 cyclic prefixes in whole samples).</summary>
    private static void CheckSampleRate(double rateHz, int scsKhz)
    {
        double n = rateHz / (scsKhz * 1e3);
        if (Math.Abs(n - Math.Round(n)) > 1e-6 * n || Math.Round(n) % 128 != 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--sample-rate {rateHz:G} Hz is not a multiple of 128·{scsKhz} kHz = {128 * scsKhz / 1e3:G} MHz, so OFDM symbols are not whole numbers of samples; resample to e.g. {Math.Max(1, Math.Round(n / 128)) * 128 * scsKhz / 1e3:G} MHz."));
        }
    }

    private static (ComplexF32[] Samples, double RateHz, double? CentreHz) Load(FileInfo file, string? format, double? rateHz, double? centreHz)
    {
        string path = file.FullName;
        bool sigmf = path.EndsWith(".sigmf-meta", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".sigmf-data", StringComparison.OrdinalIgnoreCase) || File.Exists(SigMfPaths(path));
        if (sigmf)
        {
            if (format is not null)
            {
                throw new ArgumentException("--format is for raw files; a SigMF recording says its datatype.");
            }

            using SigMfReader reader = SigMfReader.Open(path);
            double rate = reader.Metadata.SampleRateHz;
            if (rateHz is double r && Math.Abs(r - rate) > 1e-6 * rate)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--sample-rate {r:G} Hz contradicts the SigMF core:sample_rate {rate:G} Hz."));
            }

            double? metaCentre = reader.Metadata.Captures.Count > 0 ? reader.Metadata.Captures[0].FrequencyHz : null;
            if (centreHz is double c && metaCentre is double m && Math.Abs(c - m) > 1)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--center-frequency {c:G} Hz contradicts the SigMF core:frequency {m:G} Hz."));
            }

            if (reader.SampleCount > int.MaxValue / 2)
            {
                throw new ArgumentException($"{file.Name}: {reader.SampleCount} samples is more than this decoder holds in memory ({int.MaxValue / 2}).");
            }

            var samples = new ComplexF32[reader.SampleCount];
            int read = reader.Read(samples);
            return (samples[..read], rate, centreHz ?? metaCentre);
        }

        if (!file.Exists)
        {
            throw new ArgumentException($"input: '{file.FullName}' does not exist.");
        }

        if (format is null || rateHz is null)
        {
            throw new ArgumentException("a raw recording needs --format (cf32, ci16 or cs8) and --sample-rate (and --center-frequency); or give a SigMF file.");
        }

        SigMfDatatype datatype = format switch
        {
            "ci16" => SigMfDatatype.Ci16Le,
            "cs8" => SigMfDatatype.Ci8,
            _ => SigMfDatatype.Cf32Le,
        };
        byte[] raw = File.ReadAllBytes(path);
        int bytesPerSample = datatype.BytesPerSample();
        if (raw.Length % bytesPerSample != 0)
        {
            throw new ArgumentException($"{file.Name}: {raw.Length} bytes is not a whole number of {format} samples ({bytesPerSample} bytes each); check --format.");
        }

        var decoded = new ComplexF32[raw.Length / bytesPerSample];
        SigMfCodec.Decode<ComplexF32>(raw, datatype, 1, 0, decoded);
        return (decoded, rateHz.Value, centreHz);
    }

    private static string SigMfPaths(string path) => SigMfMetadata.MetaPath(path);

    private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private static int? Get(ParseResult parse, Option<int> option) => Given(parse, option) ? parse.GetValue(option) : null;

    private static double? GetReal(ParseResult parse, Option<double> option) => Given(parse, option) ? parse.GetValue(option) : null;

    private static string? Get(ParseResult parse, Option<string> option) => Given(parse, option) ? parse.GetValue(option) : null;
}
