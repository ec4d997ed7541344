using System.Collections.Generic;
using System.Linq;
using OpenRan.Conformance.Runner;
using OpenRan.TestSupport;

namespace OpenRan.Conformance.Tests;

/// <summary>
/// Every conformance check of <see cref="ConformanceCatalog"/> over every case found at run time under the resolved
/// vector root (OPENRAN_VECTORS, else tests/TestVectors with ../shared/testvectors as fallback): one test case per file.
/// These are the same checks <c>openran vectors check</c> runs.
/// </summary>
public class ConformanceVectorTests
{
    private const string NoData = "(no data)";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        VectorRoot? root = VectorCases.Root;
        foreach (IConformanceCheck check in ConformanceCatalog.CreateAll())
        {
            List<string> cases = root is null ? [] : ConformanceRunner.EnumerateCases(check, root).ToList();
            if (cases.Count == 0)
            {
                data.Add(check.Category, NoData);
            }

            foreach (string c in cases)
            {
                data.Add(check.Category, c);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_ReferenceCase_Passes(string category, string caseId)
    {
        IConformanceCheck check = ConformanceCatalog.CreateAll().First(c => c.Category == category);
        if (caseId == NoData)
        {
            Assert.Skip(VectorCases.MissingMessage(check.RelativeFolder));
        }

        CaseReport report = ConformanceRunner.RunCase(check, caseId);
        if (report.Result.Outcome == CaseOutcome.Skipped)
        {
            Assert.Skip(report.Result.Detail ?? "skipped by the check");
        }

        Assert.True(report.Result.Outcome == CaseOutcome.Passed, $"{category} {caseId}: {report.Result.Detail}");
    }

    [Fact]
    public void Catalog_Categories_AreUnique()
    {
        IReadOnlyList<IConformanceCheck> checks = ConformanceCatalog.CreateAll();
        Assert.Equal(checks.Count, checks.Select(c => c.Category).Distinct().Count());
    }
}
