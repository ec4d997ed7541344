using System.CommandLine;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary><c>openran sim …</c>: the simulation command group (link-level sweeps, their merge, presets).</summary>
internal static class SimCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("sim", "Link-level simulation: BLER and throughput versus SNR over 3GPP channel models.");
        SimLinkCommands.AddTo(command, console);
        return command;
    }
}
