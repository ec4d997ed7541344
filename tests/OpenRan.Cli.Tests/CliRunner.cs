using System.IO;
using Spectre.Console;

namespace OpenRan.Cli.Tests;

/// <summary>Runs the CLI in-process against captured, non-interactive, uncoloured consoles.</summary>
internal static class CliRunner
{
    /// <summary>Runs the command; <c>Output</c> is standard output followed by standard error.</summary>
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        (int exitCode, string stdout, string stderr) = RunSplit(args);
        return (exitCode, stdout + stderr);
    }

    /// <summary>Runs the command and returns standard output and standard error separately.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunSplit(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exitCode = CliApp.Run(args, Console(stdout), Console(stderr));
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static IAnsiConsole Console(StringWriter writer)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        return console;
    }
}
