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

/// <summary>What a category's run amounted to.</summary>
public enum CategoryStatus
{
    /// <summary>Every case ran and passed.</summary>
    Passed,

    /// <summary>At least one case failed or asked for an unsupported configuration.</summary>
    Failed,

    /// <summary>Some cases passed, the others were skipped (the reason is in <see cref="CategorySummary.Note"/>).</summary>
    Partial,

    /// <summary>Nothing ran: no data, no cases, or every case skipped (the reason is in <see cref="CategorySummary.Note"/>).</summary>
    Skipped,
}

/// <summary>Counts per category.</summary>
/// <param name="Category">The category.</param>
/// <param name="Description">What it checks.</param>
/// <param name="Passed">Cases passed.</param>
/// <param name="Failed">Cases failed (a mismatch or an exception).</param>
/// <param name="Skipped">Cases skipped.</param>
/// <param name="Note">Why the category was skipped (wholly or in part), if it was.</param>
public sealed record CategorySummary(string Category, string Description, int Passed, int Failed, int Skipped, string? Note)
{
    /// <summary>Cases whose configuration the implementation cannot express (failures too).</summary>
    public int Unsupported { get; init; }

    /// <summary>The data folder the category reads, relative to the vector root.</summary>
    public string Folder { get; init; } = "";

    /// <summary>The category's status, derived from its counts.</summary>
    public CategoryStatus Status => (Failed + Unsupported) > 0 ? CategoryStatus.Failed
        : Passed == 0 ? CategoryStatus.Skipped
        : Skipped > 0 ? CategoryStatus.Partial
        : CategoryStatus.Passed;
}

/// <summary>What a whole run amounted to.</summary>
public enum ConformanceStatus
{
    /// <summary>Every selected category ran completely and passed.</summary>
    Passed,

    /// <summary>At least one case failed or was unsupported.</summary>
    Failed,

    /// <summary>Nothing failed, but some categories or cases were skipped: not everything was checked.</summary>
    Incomplete,

    /// <summary>Nothing ran at all: every selected category was skipped.</summary>
    NothingRun,
}

/// <summary>Everything a conformance run found.</summary>
/// <param name="Root">The vector root used.</param>
/// <param name="Categories">Counts per category, in catalog order.</param>
/// <param name="Cases">Every case run.</param>
public sealed record ConformanceReport(string Root, IReadOnlyList<CategorySummary> Categories, IReadOnlyList<CaseReport> Cases)
{
    /// <summary>The root directories searched, in order (case identifiers are paths under one of them).</summary>
    public IReadOnlyList<string> RootDirectories { get; init; } = [];

    /// <summary>Whether any case failed or asked for an unsupported configuration.</summary>
    public bool AnyFailed => Categories.Any(c => c.Status == CategoryStatus.Failed);

    /// <summary>The categories that did not run completely (skipped wholly or in part), with their reasons.</summary>
    public IReadOnlyList<CategorySummary> Incomplete => Categories.Where(c => c.Status is CategoryStatus.Skipped or CategoryStatus.Partial).ToArray();

    /// <summary>The run's status: only <see cref="ConformanceStatus.Passed"/> means everything selected was checked and passed.</summary>
    public ConformanceStatus Status => AnyFailed ? ConformanceStatus.Failed
        : Categories.All(c => c.Status == CategoryStatus.Skipped) ? ConformanceStatus.NothingRun
        : Incomplete.Count > 0 ? ConformanceStatus.Incomplete
        : ConformanceStatus.Passed;
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
    /// An exception from a case is reported as a failure of that case, and the run continues. Skipping is the runner's
    /// business, not each check's: a category whose folder is absent, that has no cases, or whose cases were all skipped
    /// is reported as skipped with the reason, so a run never looks complete when work was not done.
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
                summaries.Add(new CategorySummary(check.Category, check.Description, 0, 0, 0, $"no data: folder '{check.RelativeFolder}' is not under {string.Join(" or ", root.Roots)}")
                {
                    Folder = check.RelativeFolder,
                });
                continue;
            }

            int passed = 0, failed = 0, skipped = 0, unsupported = 0;
            string? firstSkipReason = null;
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
                    case CaseOutcome.Unsupported:
                        unsupported++;
                        break;
                    default:
                        skipped++;
                        firstSkipReason ??= report.Result.Detail ?? "skipped by the check";
                        break;
                }
            }

            int total = passed + failed + skipped + unsupported;
            string? note = total == 0 ? $"no cases found in {folder}"
                : skipped > 0 ? $"{skipped} of {total} case(s) skipped: {firstSkipReason}"
                : null;
            summaries.Add(new CategorySummary(check.Category, check.Description, passed, failed, skipped, note) { Unsupported = unsupported, Folder = check.RelativeFolder });
        }

        return new ConformanceReport(root.ToString(), summaries, cases) { RootDirectories = root.Roots.ToArray() };
    }

    /// <summary>
    /// Runs one case, turning an <see cref="UnsupportedConfigurationException"/> into an unsupported outcome and any other
    /// exception into a failure that names it.
    /// </summary>
    public static CaseReport RunCase(IConformanceCheck check, string caseId)
    {
        var watch = Stopwatch.StartNew();
        CaseResult result;
        try
        {
            result = check.Run(caseId);
        }
        catch (UnsupportedConfigurationException ex)
        {
            result = CaseResult.Unsupported(ex.Message);
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
