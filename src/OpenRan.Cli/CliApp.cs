using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using OpenRan.Cli.Commands;
using Spectre.Console;

namespace OpenRan.Cli;

/// <summary>The composition root of the <c>openran</c> command: builds the command tree and runs it.</summary>
/// <remarks>
/// Exit codes (<see cref="CliExitCode"/>): 0 success, 1 failure (the reason on standard error), 2 usage error (an
/// invalid command line or configuration, named with its valid range on standard error; nothing was run). An exception
/// that escapes a command, from any thread, becomes one <c>error:</c> line and exit 1.
/// </remarks>
public static class CliApp
{
    /// <summary>
    /// Parses <paramref name="args"/>, runs the command with its results on <paramref name="console"/> and its
    /// diagnostics on <paramref name="errorConsole"/> (default: <paramref name="console"/>), and returns the exit code.
    /// </summary>
    public static int Run(string[] args, IAnsiConsole console, IAnsiConsole? errorConsole = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var cli = new CliConsole(console, errorConsole ?? console);
        RootCommand root = BuildRoot(cli);
        ParseResult parse = root.Parse(args);
        if (parse.Action is ParseErrorAction && parse.Errors.Count > 0)
        {
            foreach (ParseError error in parse.Errors)
            {
                CliOutput.WriteError(cli, error.Message);
            }

            string command = string.Join(' ', parse.CommandResult.Command is RootCommand ? [] : CommandPath(parse.CommandResult));
            CliOutput.WriteError(cli, $"see 'openran {(command.Length > 0 ? command + " " : "")}--help'.");
            return CliExitCode.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = cli.Profile.Out.Writer,
            Error = cli.Error.Profile.Out.Writer,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return parse.Invoke(invocation);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CliOutput.WriteError(cli, Describe(ex));
            return CliExitCode.Failure;
        }
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
        root.Subcommands.Add(CellCommand.Create(console));
        root.Subcommands.Add(UeCommand.Create(console));
        root.Subcommands.Add(GenerateCommand.Create(console));
        root.Subcommands.Add(AnalyzeCommand.Create(console));
        root.Subcommands.Add(DecodeCommand.Create(console));
        return root;
    }

    /// <summary>One line for an unexpected exception: the innermost cause of aggregates, its type and message.</summary>
    internal static string Describe(Exception ex)
    {
        Exception cause = ex;
        string context = "";
        while (cause is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            context = aggregate.Message.Split(':', 2)[0] + ": ";
            cause = aggregate.InnerExceptions[0];
        }

        return $"{context}{cause.Message} ({cause.GetType().Name})";
    }

    private static string[] CommandPath(CommandResult result)
    {
        var names = new System.Collections.Generic.List<string>();
        for (SymbolResult? r = result; r is CommandResult c && c.Command is not RootCommand; r = r.Parent)
        {
            names.Add(c.Command.Name);
        }

        names.Reverse();
        return names.ToArray();
    }
}
