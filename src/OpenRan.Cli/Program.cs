using System;
using OpenRan.Cli;
using OpenRan.Cli.Commands;
using Spectre.Console;

IAnsiConsole output = AnsiConsole.Console;
IAnsiConsole error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
string? columns = Environment.GetEnvironmentVariable("COLUMNS");
ConsoleWidth.Apply(output, Console.IsOutputRedirected, columns);
ConsoleWidth.Apply(error, Console.IsErrorRedirected, columns);
return CliApp.Run(args, output, error);
