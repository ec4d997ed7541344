namespace OpenRan.Conformance.Runner;

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
