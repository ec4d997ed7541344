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
