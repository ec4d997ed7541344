using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace OpenRan.Conformance.Runner;

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
