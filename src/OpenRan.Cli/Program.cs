using OpenRan.Cli;
using Spectre.Console;

return CliApp.Run(args, AnsiConsole.Console);
