using System.Collections.Generic;

namespace OpenRan.Conformance.Runner;

/// <summary>
/// One kind of conformance check over a folder of reference data: it lists its cases (usually one per file) and runs
/// one case at a time. The CLI (<c>openran vectors check</c>) and the test projects run the same checks.
/// </summary>
public interface IConformanceCheck
{
    /// <summary>The category name used by <c>--only</c> and in reports, for example <c>crc</c> or <c>ofdm</c>.</summary>
    string Category { get; }

    /// <summary>What the check verifies, with the specification section.</summary>
    string Description { get; }

    /// <summary>The data folder relative to the vector root, for example <c>sionna/crc</c>.</summary>
    string RelativeFolder { get; }

    /// <summary>The cases in <paramref name="folder"/> (an existing directory), as paths or case identifiers, in a stable order.</summary>
    IEnumerable<string> EnumerateCases(string folder);

    /// <summary>
    /// Runs one case. Expected mismatches are returned as <see cref="CaseOutcome.Failed"/> results, not thrown; a
    /// configuration the implementation cannot express is <see cref="CaseResult.Unsupported"/> (or an
    /// <see cref="UnsupportedConfigurationException"/>), never approximated.
    /// </summary>
    CaseResult Run(string caseId);
}

/// <summary>The outcome of one conformance case.</summary>
public enum CaseOutcome
{
    /// <summary>The output matched the reference.</summary>
    Passed,

    /// <summary>The output differed from the reference, or the case could not be run.</summary>
    Failed,

    /// <summary>The case was not run (for example data absent), with a reason.</summary>
    Skipped,

    /// <summary>
    /// The case asks for a configuration the implementation cannot express (for example an SS/PBCH block offset that is
    /// not a whole number of subcarriers); it is never coerced into one it can, and it counts as a failure.
    /// </summary>
    Unsupported,
}

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
