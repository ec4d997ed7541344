namespace OpenRan.Conformance.Runner;

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
