using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace OpenRan.Conformance.Runner;

/// <summary>The result of one case in a run.</summary>
/// <param name="Category">The check's category.</param>
/// <param name="CaseId">The case (usually a file path).</param>
/// <param name="Result">Its outcome and detail.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record CaseReport(string Category, string CaseId, CaseResult Result, TimeSpan Elapsed);

/// <summary>Counts per category.</summary>
/// <param name="Category">The category.</param>
/// <param name="Description">What it checks.</param>
/// <param name="Passed">Cases passed.</param>
/// <param name="Failed">Cases failed.</param>
/// <param name="Skipped">Cases skipped.</param>
/// <param name="Note">Why the whole category was skipped, if it was.</param>
public sealed record CategorySummary(string Category, string Description, int Passed, int Failed, int Skipped, string? Note);

/// <summary>Everything a conformance run found.</summary>
/// <param name="Root">The vector root used.</param>
/// <param name="Categories">Counts per category, in catalog order.</param>
/// <param name="Cases">Every case run.</param>
public sealed record ConformanceReport(string Root, IReadOnlyList<CategorySummary> Categories, IReadOnlyList<CaseReport> Cases)
{
    /// <summary>Whether any case failed.</summary>
    public bool AnyFailed => Categories.Any(c => c.Failed > 0);
}

/// <summary>Runs conformance checks over a vector root.</summary>
public static class ConformanceRunner
{
    /// <summary>Every case of <paramref name="check"/> under <paramref name="root"/>; empty when its folder is absent.</summary>
    public static IEnumerable<string> EnumerateCases(IConformanceCheck check, VectorRoot root)
    {
        string? folder = root.FindFolder(check.RelativeFolder);
        return folder is null ? [] : check.EnumerateCases(folder);
    }

    /// <summary>
    /// Runs every case of the checks whose category is in <paramref name="only"/> (all when null or empty).
    /// An exception from a case is reported as a failure of that case, and the run continues.
    /// </summary>
    /// <param name="checks">The checks to consider.</param>
    /// <param name="root">Where the data is.</param>
    /// <param name="only">Categories to run; null or empty for all.</param>
    /// <param name="onCase">Called after each case (for progress output); may be null.</param>
    /// <exception cref="ArgumentException"><paramref name="only"/> names an unknown category.</exception>
    public static ConformanceReport Run(IReadOnlyList<IConformanceCheck> checks, VectorRoot root, IReadOnlyCollection<string>? only = null, Action<CaseReport>? onCase = null)
    {
        if (only is { Count: > 0 })
        {
            string[] unknown = only.Where(o => !checks.Any(c => string.Equals(c.Category, o, StringComparison.OrdinalIgnoreCase))).ToArray();
            if (unknown.Length > 0)
            {
                throw new ArgumentException(
                    $"unknown categor{(unknown.Length == 1 ? "y" : "ies")} {string.Join(", ", unknown)}; known: {string.Join(", ", checks.Select(c => c.Category).Distinct())}.",
                    nameof(only));
            }
        }

        var summaries = new List<CategorySummary>();
        var cases = new List<CaseReport>();
        foreach (IConformanceCheck check in checks)
        {
            if (only is { Count: > 0 } && !only.Contains(check.Category, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            string? folder = root.FindFolder(check.RelativeFolder);
            if (folder is null)
            {
                summaries.Add(new CategorySummary(check.Category, check.Description, 0, 0, 0, $"folder '{check.RelativeFolder}' not present under {root.Primary}"));
                continue;
            }

            int passed = 0, failed = 0, skipped = 0;
            foreach (string caseId in check.EnumerateCases(folder))
            {
                CaseReport report = RunCase(check, caseId);
                cases.Add(report);
                onCase?.Invoke(report);
                switch (report.Result.Outcome)
                {
                    case CaseOutcome.Passed:
                        passed++;
                        break;
                    case CaseOutcome.Failed:
                        failed++;
                        break;
                    default:
                        skipped++;
                        break;
                }
            }

            summaries.Add(new CategorySummary(check.Category, check.Description, passed, failed, skipped, passed + failed + skipped == 0 ? "no cases found" : null));
        }

        return new ConformanceReport(root.ToString(), summaries, cases);
    }

    /// <summary>Runs one case, turning an exception into a failure that names it.</summary>
    public static CaseReport RunCase(IConformanceCheck check, string caseId)
    {
        var watch = Stopwatch.StartNew();
        CaseResult result;
        try
        {
            result = check.Run(caseId);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            result = CaseResult.Fail($"{ex.GetType().Name}: {ex.Message}");
        }

        return new CaseReport(check.Category, caseId, result, watch.Elapsed);
    }

    /// <summary>Files in <paramref name="folder"/> matching <paramref name="pattern"/>, sorted by name (ordinal).</summary>
    public static IEnumerable<string> FilesIn(string folder, string pattern, SearchOption option = SearchOption.TopDirectoryOnly) =>
        Directory.EnumerateFiles(folder, pattern, option).Order(StringComparer.Ordinal);
}
