using System.CommandLine;
using System.Reflection;
using OpenRan.Dsp;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary><c>openran info</c>: version, CPU features and the implementation each factory picks.</summary>
internal static class InfoCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the information as JSON." };
        var command = new Command("info", "Print the version, the CPU features in use and which implementation each factory picks.") { json };
        command.SetAction(parse =>
        {
            InfoReport report = Collect();
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(console, report);
                return 0;
            }

            console.MarkupLine($"[bold]openran[/] {Markup.Escape(report.Version)} on {Markup.Escape(report.Runtime)}");
            console.MarkupLine($"CPU: {Markup.Escape(report.Cpu)}");
            var table = new Table().AddColumn("component").AddColumn("implementation").AddColumn("available");
            foreach (ImplementationChoice choice in report.Implementations)
            {
                table.AddRow(Markup.Escape(choice.Component), Markup.Escape(choice.Chosen), Markup.Escape(string.Join(", ", choice.Available)));
            }

            console.Write(table);
            return 0;
        });
        return command;
    }

    public static InfoReport Collect()
    {
        string version = typeof(InfoCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return new InfoReport(
            version,
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            CpuFeatures.Current.ToString(),
            CpuFeatures.Current.Names,
            ImplementationCatalog.Describe());
    }
}
