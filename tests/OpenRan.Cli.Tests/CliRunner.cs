using System.IO;
using Spectre.Console;

namespace OpenRan.Cli.Tests;

/// <summary>Runs the CLI in-process against a captured, non-interactive, uncoloured console.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        var writer = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        int exitCode = CliApp.Run(args, console);
        return (exitCode, writer.ToString());
    }
}
