using System;
using System.CommandLine;
using System.Globalization;
using OpenRan.Phy.Common;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.TestModels;
using OpenRan.Phy.Upper.Channels.Downlink;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>
/// <c>openran generate tm|--config</c>: a downlink waveform (a TS 38.141-1 test model, or a carrier described in YAML) to a
/// SigMF recording or straight to a radio, frame after frame without gaps.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var sink = new GenerateSinkOptions();
        var config = new Option<string>("--config", "-c") { Description = "A downlink carrier in YAML (SSB, CORESETs with PDCCH, PDSCH, CSI-RS; see configs/downlink-*.yaml)." };
        var command = new Command("generate", "Generate a downlink waveform — a 3GPP test model ('generate tm') or a YAML carrier (--config) — to a SigMF recording or a radio.") { config };
        sink.AddTo(command);
        command.Subcommands.Add(CreateTestModel(console));
        command.SetAction(parse =>
        {
            try
            {
                string? path = parse.GetValue(config);
                if (path is null)
                {
                    throw new ArgumentException("give --config FILE.yaml, or a test model: 'openran generate tm --model NR-FR1-TM3.1a …' (see --help).");
                }

                DownlinkWaveformConfiguration waveform = OpenRan.Engine.Configuration.DownlinkWaveformReader.ReadFile(path, out double? frequencyHz);
                return sink.Run(console, parse, waveform, frequencyHz);
            }
            catch (Exception ex) when (RadioCommand.IsUserError(ex) || ex is OpenRan.Engine.Configuration.ConfigurationException)
            {
                CliOutput.WriteError(console, Message(ex));
                return CliExitCode.Usage;
            }
        });
        return command;
    }

    private static Command CreateTestModel(IAnsiConsole console)
    {
        var sink = new GenerateSinkOptions();
        string[] names = [.. System.Linq.Enumerable.Select(NrTestModels.All, m => m.Name())];
        string valid = $"{string.Join(", ", names)} (or short: TM3.1a, 3.1a)";
        var model = new Option<string>("--model")
        {
            Description = $"TS 38.141-1 §4.9.2 test model ({valid}).",
            Required = true,
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
                try
                {
                    return NrTestModels.Parse(text).Name();
                }
                catch (ArgumentException)
                {
                    result.AddError(CliOption.InvalidValue("--model", text, valid));
                    return "";
                }
            },
        };
        Option<int> bandwidth = CliOption.Integer("--bandwidth-mhz", "FR1 channel bandwidth in MHz (TS 38.104 Table 5.3.2-1 at the spacing)", 5, 100, 20);
        Option<string> scs = CliOption.Choice("--scs-khz", "Subcarrier spacing in kHz", ["15", "30", "60"], "30");
        Option<string> duplex = CliOption.Choice("--duplex", "Duplex mode (TDD: the pattern of TS 38.141-1 Table 4.9.2.2-1)", ["fdd", "tdd"], "fdd");
        Option<int> cell = CliOption.Integer("--cell-id", "N_ID^cell", 0, NrConstants.MaxCellId, 1);
        Option<string> data = CliOption.Choice("--data", "Payload: the specification's PN23, or MATLAB hNRReferenceWaveformGenerator's coded patterns", ["pn23", "matlab"], "pn23");
        var command = new Command("tm", "Generate an NR-FR1 test model (TS 38.141-1 §4.9.2) for any FR1 bandwidth, spacing and duplex mode.") { model, bandwidth, scs, duplex, cell, data };
        sink.AddTo(command);
        command.SetAction(parse =>
        {
            try
            {
                int scsKhz = int.Parse(parse.GetValue(scs)!, CultureInfo.InvariantCulture);
                int bw = parse.GetValue(bandwidth);
                if (Ts38101Table5_3_2_1.TryGetMaxRbCount(FrequencyRange.Fr1, bw, scsKhz) is null)
                {
                    throw new ArgumentException($"--bandwidth-mhz = {bw} is not valid at --scs-khz {scsKhz}; valid: the FR1 channel bandwidths of TS 38.104 Table 5.3.2-1 at {scsKhz} kHz.");
                }

                DownlinkWaveformConfiguration waveform = NrTestModelFactory.Create(
                    NrTestModels.Parse(parse.GetValue(model)!), bw, scsKhz, parse.GetValue(duplex) == "tdd" ? DuplexMode.Tdd : DuplexMode.Fdd,
                    parse.GetValue(cell), parse.GetValue(data) == "matlab" ? NrTestModelData.MatlabPattern : NrTestModelData.Pn23);
                return sink.Run(console, parse, waveform, null);
            }
            catch (Exception ex) when (RadioCommand.IsUserError(ex))
            {
                CliOutput.WriteError(console, Message(ex));
                return CliExitCode.Usage;
            }
        });
        return command;
    }

    internal static string Message(Exception ex) => ex.Message.Split(" (Parameter", 2)[0];
}
