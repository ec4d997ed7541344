using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using OpenRan.Conformance;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary><c>openran vectors check|list</c>: runs the conformance checks over a vector root.</summary>
internal static class VectorsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("vectors", "Check the implementation against reference vectors.");
        command.Subcommands.Add(CreateCheck(console));
        command.Subcommands.Add(CreateList(console));
        command.Subcommands.Add(CreateShow(console));
        return command;
    }

    private static Command CreateShow(IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "A .mat, .mat1, .npy or .npz file." };
        var values = new Option<int>("--values") { Description = "How many leading values of each array to print.", DefaultValueFactory = _ => 8 };
        var command = new Command("show", "Describe a reference-data file: its arrays, classes, shapes and first values.") { file, values };
        command.SetAction(parse =>
        {
            FileInfo path = parse.GetValue(file)!;
            try
            {
                foreach (string line in ReferenceFileDescriber.Describe(path.FullName, parse.GetValue(values)))
                {
                    console.WriteLine(line);
                }

                return 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                CliOutput.WriteError(console, ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command CreateCheck(IAnsiConsole console)
    {
        var root = new Option<DirectoryInfo?>("--root") { Description = $"Vector root (default: ${VectorRoot.EnvironmentVariable}, else tests/TestVectors with ../shared/testvectors as fallback)." };
        var only = new Option<string[]>("--only") { Description = "Run only these categories (repeatable; see 'openran vectors list').", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var maxFailures = new Option<int>("--show-failures") { Description = "How many failing cases to list per category.", DefaultValueFactory = _ => 5 };
        var command = new Command("check", "Run every conformance check over a vector root; exit code 1 if any case fails.") { root, only, json, maxFailures };
        command.SetAction(parse =>
        {
            VectorRoot vectors;
            try
            {
                DirectoryInfo? dir = parse.GetValue(root);
                vectors = dir is null ? VectorRoot.Resolve() : VectorRoot.FromDirectory(dir.FullName);
            }
            catch (DirectoryNotFoundException ex)
            {
                CliOutput.WriteError(console, ex.Message);
                return 2;
            }

            IReadOnlyList<IConformanceCheck> checks = ConformanceCatalog.CreateAll();
            string[] categories = parse.GetValue(only) ?? [];
            ConformanceReport report;
            try
            {
                bool asJson = parse.GetValue(json);
                report = asJson || !console.Profile.Capabilities.Interactive
                    ? ConformanceRunner.Run(checks, vectors, categories)
                    : RunWithProgress(console, checks, vectors, categories);
            }
            catch (ArgumentException ex)
            {
                CliOutput.WriteError(console, ex.Message);
                return 2;
            }

            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(console, ToJson(report));
            }
            else
            {
                WriteTable(console, report, parse.GetValue(maxFailures));
            }

            return report.AnyFailed ? 1 : 0;
        });
        return command;
    }

    private static Command CreateList(IAnsiConsole console)
    {
        var command = new Command("list", "List the conformance categories and their data folders.");
        command.SetAction(_ =>
        {
            var table = new Table().AddColumn("category").AddColumn("folder").AddColumn("checks");
            foreach (IConformanceCheck check in ConformanceCatalog.CreateAll())
            {
                table.AddRow(Markup.Escape(check.Category), Markup.Escape(check.RelativeFolder), Markup.Escape(check.Description));
            }

            console.Write(table);
            return 0;
        });
        return command;
    }

    private static ConformanceReport RunWithProgress(IAnsiConsole console, IReadOnlyList<IConformanceCheck> checks, VectorRoot vectors, string[] categories)
    {
        ConformanceReport? report = null;
        console.Progress().AutoClear(true).Start(ctx =>
        {
            ProgressTask task = ctx.AddTask("checking vectors", maxValue: double.MaxValue);
            task.IsIndeterminate = true;
            report = ConformanceRunner.Run(checks, vectors, categories, c => task.Description = $"{c.Category}: {Path.GetFileName(c.CaseId)}");
        });
        return report!;
    }

    private static void WriteTable(IAnsiConsole console, ConformanceReport report, int maxFailures)
    {
        console.MarkupLine($"vector root: {Markup.Escape(report.Root)}");
        var table = new Table().AddColumn("category").AddColumn(new TableColumn("passed").RightAligned())
            .AddColumn(new TableColumn("failed").RightAligned()).AddColumn(new TableColumn("skipped").RightAligned()).AddColumn("checks");
        foreach (CategorySummary s in report.Categories)
        {
            string failed = s.Failed > 0 ? $"[red]{s.Failed}[/]" : "0";
            string what = s.Note is null ? s.Description : $"{s.Description} ({s.Note})";
            table.AddRow(Markup.Escape(s.Category), s.Passed.ToString(System.Globalization.CultureInfo.InvariantCulture), failed,
                s.Skipped.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(what));
        }

        console.Write(table);
        foreach (IGrouping<string, CaseReport> group in report.Cases.Where(c => c.Result.Outcome == CaseOutcome.Failed).GroupBy(c => c.Category))
        {
            console.MarkupLine($"[red]{Markup.Escape(group.Key)}[/]: {group.Count()} failing case(s)");
            foreach (CaseReport c in group.Take(maxFailures))
            {
                console.MarkupLine($"  {Markup.Escape(c.CaseId)}: {Markup.Escape(c.Result.Detail ?? string.Empty)}");
            }
        }

        int passed = report.Categories.Sum(c => c.Passed), failedTotal = report.Categories.Sum(c => c.Failed), skipped = report.Categories.Sum(c => c.Skipped);
        console.MarkupLine(report.AnyFailed
            ? $"[red]FAILED[/]: {failedTotal} failed, {passed} passed, {skipped} skipped"
            : $"[green]OK[/]: {passed} passed, {skipped} skipped");
    }

    private static object ToJson(ConformanceReport report) => new
    {
        root = report.Root,
        passed = !report.AnyFailed,
        categories = report.Categories,
        failures = report.Cases.Where(c => c.Result.Outcome == CaseOutcome.Failed)
            .Select(c => new { category = c.Category, @case = c.CaseId, firstDifference = c.Result.Detail }),
        skipped = report.Cases.Where(c => c.Result.Outcome == CaseOutcome.Skipped)
            .Select(c => new { category = c.Category, @case = c.CaseId, reason = c.Result.Detail }),
    };
}
