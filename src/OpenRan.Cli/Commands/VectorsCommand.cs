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
        var junit = new Option<string?>("--junit") { Description = "Also write the report as JUnit XML to this file (one test case per vector file; checked writable before the run)." };
        var requireAll = new Option<bool>("--require-all") { Description = "Fail (exit 1) unless every selected category ran completely: a category without data, or with skipped cases, is a failure." };
        Option<int> maxFailures = CliOption.Integer("--show-failures", "How many failing cases to list per category", 0, 1_000_000, 5);
        var command = new Command("check", "Run every conformance check over a vector root. Exit 1 if any case fails or asks for an unsupported configuration, if nothing ran, or (with --require-all) if any category was skipped.")
        {
            root, only, json, junit, requireAll, maxFailures,
        };
        command.SetAction(parse =>
        {
            VectorRoot vectors;
            string? junitPath = parse.GetValue(junit);
            try
            {
                DirectoryInfo? dir = parse.GetValue(root);
                vectors = dir is null ? VectorRoot.Resolve() : VectorRoot.FromDirectory(dir.FullName);
                if (junitPath is not null)
                {
                    CliOutput.EnsureWritable(junitPath, "--junit");
                }
            }
            catch (Exception ex) when (ex is DirectoryNotFoundException or ArgumentException)
            {
                CliOutput.WriteError(console, ex.Message);
                return CliExitCode.Usage;
            }

            IReadOnlyList<IConformanceCheck> checks = ConformanceCatalog.CreateAll();
            string[] categories = parse.GetValue(only) ?? [];
            string[] unknown = categories.Where(c => !checks.Any(k => string.Equals(k.Category, c, StringComparison.OrdinalIgnoreCase))).ToArray();
            if (unknown.Length > 0)
            {
                CliOutput.WriteError(console,
                    $"--only = {string.Join(", ", unknown)} is not a category; valid: {string.Join(", ", checks.Select(c => c.Category).Distinct())} (see 'openran vectors list').");
                return CliExitCode.Usage;
            }

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
                return CliExitCode.Usage;
            }

            bool strict = parse.GetValue(requireAll);
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(console, ToJson(report, strict));
            }
            else
            {
                WriteTable(console, report, parse.GetValue(maxFailures));
            }

            if (junitPath is not null)
            {
                JUnitReport.Write(report, junitPath);
            }

            return ExitCode(console, report, strict);
        });
        return command;
    }

    /// <summary>
    /// 1 with the reason on standard error when a case failed or was unsupported, when nothing ran, or when
    /// <paramref name="requireAll"/> and a category did not run completely; else 0.
    /// </summary>
    private static int ExitCode(IAnsiConsole console, ConformanceReport report, bool requireAll)
    {
        int failed = report.Categories.Sum(c => c.Failed), unsupported = report.Categories.Sum(c => c.Unsupported);
        switch (report.Status)
        {
            case ConformanceStatus.Failed:
                CliOutput.WriteError(console, $"{failed} case(s) failed and {unsupported} asked for an unsupported configuration, in {string.Join(", ", report.Categories.Where(c => c.Status == CategoryStatus.Failed).Select(c => c.Category))}.");
                return CliExitCode.Failure;
            case ConformanceStatus.NothingRun:
                CliOutput.WriteError(console, $"nothing was checked: every selected category was skipped ({string.Join("; ", report.Categories.Select(c => $"{c.Category}: {c.Note}"))}).");
                return CliExitCode.Failure;
            case ConformanceStatus.Incomplete when requireAll:
                CliOutput.WriteError(console, $"--require-all: {report.Incomplete.Count} categor{(report.Incomplete.Count == 1 ? "y" : "ies")} did not run completely: {string.Join("; ", report.Incomplete.Select(c => $"{c.Category}: {c.Note}"))}.");
                return CliExitCode.Failure;
            default:
                return CliExitCode.Success;
        }
    }

    private static Command CreateList(IAnsiConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the list as JSON." };
        var command = new Command("list", "List the conformance categories and their data folders.") { json };
        command.SetAction(parse =>
        {
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(console, ConformanceCatalog.CreateAll().Select(c => new { category = c.Category, folder = c.RelativeFolder, description = c.Description }));
                return 0;
            }

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
        var table = new Table().AddColumn("category").AddColumn("status").AddColumn(new TableColumn("passed").RightAligned())
            .AddColumn(new TableColumn("failed").RightAligned()).AddColumn(new TableColumn("unsupported").RightAligned())
            .AddColumn(new TableColumn("skipped").RightAligned()).AddColumn("checks");
        foreach (CategorySummary s in report.Categories)
        {
            string status = s.Status switch
            {
                CategoryStatus.Passed => "[green]passed[/]",
                CategoryStatus.Failed => "[red]failed[/]",
                CategoryStatus.Partial => "[yellow]partial[/]",
                _ => "[yellow]skipped[/]",
            };
            string failed = s.Failed > 0 ? $"[red]{s.Failed}[/]" : "0";
            string unsupported = s.Unsupported > 0 ? $"[red]{s.Unsupported}[/]" : "0";
            string what = s.Note is null ? s.Description : $"{s.Description} ({s.Note})";
            table.AddRow(Markup.Escape(s.Category), status, I(s.Passed), failed, unsupported, I(s.Skipped), Markup.Escape(what));
        }

        console.Write(table);
        foreach (IGrouping<string, CaseReport> group in report.Cases.Where(c => c.Result.IsFailure).GroupBy(c => c.Category))
        {
            console.MarkupLine($"[red]{Markup.Escape(group.Key)}[/]: {group.Count()} failing case(s)");
            foreach (CaseReport c in group.Take(maxFailures))
            {
                string kind = c.Result.Outcome == CaseOutcome.Unsupported ? "unsupported configuration: " : "";
                console.MarkupLine($"  {Markup.Escape(c.CaseId)}: {Markup.Escape(kind + (c.Result.Detail ?? string.Empty))}");
            }
        }

        int passed = report.Categories.Sum(c => c.Passed), failedTotal = report.Categories.Sum(c => c.Failed),
            unsupportedTotal = report.Categories.Sum(c => c.Unsupported), skipped = report.Categories.Sum(c => c.Skipped);
        int categories = report.Categories.Count, incomplete = report.Incomplete.Count;
        string counts = $"{passed} passed, {failedTotal} failed, {unsupportedTotal} unsupported, {skipped} skipped";
        console.MarkupLine(report.Status switch
        {
            ConformanceStatus.Failed => $"[red]FAILED[/]: {counts}",
            ConformanceStatus.NothingRun => $"[red]NOTHING CHECKED[/]: all {categories} selected categories were skipped",
            ConformanceStatus.Incomplete => $"[yellow]INCOMPLETE[/]: {counts}; {incomplete} of {categories} categories did not run completely: {Markup.Escape(string.Join(", ", report.Incomplete.Select(c => c.Category)))}",
            _ => $"[green]OK[/]: {counts}; all {categories} categories complete",
        });
    }

    private static string I(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static object ToJson(ConformanceReport report, bool requireAll) => new
    {
        root = report.Root,
        status = report.Status,
        passed = report.Status == ConformanceStatus.Passed,
        requireAll,
        totals = new
        {
            passed = report.Categories.Sum(c => c.Passed),
            failed = report.Categories.Sum(c => c.Failed),
            unsupported = report.Categories.Sum(c => c.Unsupported),
            skipped = report.Categories.Sum(c => c.Skipped),
            categories = report.Categories.Count,
            categoriesIncomplete = report.Incomplete.Count,
        },
        categories = report.Categories.Select(c => new
        {
            category = c.Category,
            description = c.Description,
            folder = c.Folder,
            status = c.Status,
            passed = c.Passed,
            failed = c.Failed,
            unsupported = c.Unsupported,
            skipped = c.Skipped,
            skipReason = c.Status is CategoryStatus.Skipped or CategoryStatus.Partial ? c.Note : null,
        }),
        failures = report.Cases.Where(c => c.Result.IsFailure)
            .Select(c => new { category = c.Category, @case = c.CaseId, kind = c.Result.Outcome == CaseOutcome.Unsupported ? "unsupportedConfiguration" : "mismatch", firstDifference = c.Result.Detail }),
        skipped = report.Cases.Where(c => c.Result.Outcome == CaseOutcome.Skipped)
            .Select(c => new { category = c.Category, @case = c.CaseId, reason = c.Result.Detail }),
    };
}
