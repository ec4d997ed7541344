using System.Collections.Generic;
using System.Linq;

namespace OpenRan.Conformance.Runner;

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
