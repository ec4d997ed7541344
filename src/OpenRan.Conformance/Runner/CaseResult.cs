namespace OpenRan.Conformance.Runner;

/// <summary>The result of one case: outcome and, for failures and skips, the first difference or the reason.</summary>
/// <param name="Outcome">Passed, failed or skipped.</param>
/// <param name="Detail">The first difference, the reason for a skip, or a short note on a pass.</param>
public sealed record CaseResult(CaseOutcome Outcome, string? Detail = null)
{
    /// <summary>A passing result.</summary>
    public static CaseResult Pass(string? note = null) => new(CaseOutcome.Passed, note);

    /// <summary>A failing result describing the first difference.</summary>
    public static CaseResult Fail(string firstDifference) => new(CaseOutcome.Failed, firstDifference);

    /// <summary>A skipped case with its reason.</summary>
    public static CaseResult Skip(string reason) => new(CaseOutcome.Skipped, reason);

    /// <summary>A case whose configuration the implementation cannot express (a failure), with what is unsupported.</summary>
    public static CaseResult Unsupported(string reason) => new(CaseOutcome.Unsupported, reason);

    /// <summary>Whether the outcome counts as a failure (<see cref="CaseOutcome.Failed"/> or <see cref="CaseOutcome.Unsupported"/>).</summary>
    public bool IsFailure => Outcome is CaseOutcome.Failed or CaseOutcome.Unsupported;
}
