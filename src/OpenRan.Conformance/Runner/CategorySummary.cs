namespace OpenRan.Conformance.Runner;

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
