using System;
using System.CommandLine;
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
                return sink.Run(console, parse, waveform, frequencyHz, null);
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
        var model = new TestModelOptions(modelRequired: true);
        var command = new Command("tm", "Generate an NR-FR1 test model (TS 38.141-1 §4.9.2) for any FR1 bandwidth, spacing and duplex mode.");
        model.AddTo(command);
        sink.AddTo(command);
        command.SetAction(parse =>
        {
            try
            {
                (DownlinkWaveformConfiguration waveform, string tag) = model.Create(parse);
                return sink.Run(console, parse, waveform, null, tag);
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
