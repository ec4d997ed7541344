namespace OpenRan.Conformance.Runner;

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
