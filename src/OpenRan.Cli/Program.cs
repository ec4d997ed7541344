using System;
using OpenRan.Cli;
using Spectre.Console;

IAnsiConsole error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
return CliApp.Run(args, AnsiConsole.Console, error);
