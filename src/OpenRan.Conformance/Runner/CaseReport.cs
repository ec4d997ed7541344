using System;

namespace OpenRan.Conformance.Runner;

/// <summary>The result of one case in a run.</summary>
/// <param name="Category">The check's category.</param>
/// <param name="CaseId">The case (usually a file path).</param>
/// <param name="Result">Its outcome and detail.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record CaseReport(string Category, string CaseId, CaseResult Result, TimeSpan Elapsed);
