using System;
using System.CommandLine;
using OpenRan.Cli.Commands;
using Spectre.Console;

namespace OpenRan.Cli;

/// <summary>The composition root of the <c>openran</c> command: builds the command tree and runs it.</summary>
public static class CliApp
{
    /// <summary>Parses <paramref name="args"/>, runs the command on <paramref name="console"/> and returns the exit code.</summary>
    public static int Run(string[] args, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        RootCommand root = BuildRoot(console);
        ParseResult parse = root.Parse(args);
        var invocation = new InvocationConfiguration
        {
            Output = console.Profile.Out.Writer,
            Error = console.Profile.Out.Writer,
        };
        return parse.Invoke(invocation);
    }

    /// <summary>Builds the command tree; every subcommand writes to <paramref name="console"/>.</summary>
    public static RootCommand BuildRoot(IAnsiConsole console)
    {
        var root = new RootCommand("OpenRan: an open 5G NR baseband engine (TS 38.211/212/213/214 Release 17).");
        root.Subcommands.Add(InfoCommand.Create(console));
        root.Subcommands.Add(VectorsCommand.Create(console));
        root.Subcommands.Add(BenchCommand.Create(console));
        root.Subcommands.Add(SimCommand.Create(console));
        root.Subcommands.Add(RadioCommand.Create(console));
        root.Subcommands.Add(FreqCommand.Create(console));
        root.Subcommands.Add(GnbCommand.Create(console));
        return root;
    }
}
