using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// TS 38.211 §5.2.2 type-1 low-PAPR sequences against MATLAB's <c>nrLowPAPRS</c> (<c>py5gphy_matlab/sequences/low_papr</c>):
/// r^{(α)}_{u,v} generated from the file's <c>u</c>, <c>v</c>, <c>alpha</c> and <c>Msc</c> must equal <c>seq</c> within 1e-5.
/// </summary>
public sealed class LowPaprSequenceCheck : IConformanceCheck
{
    /// <summary>Complex tolerance: single-precision rounding of unit-magnitude values.</summary>
    public const double Tolerance = 1e-5;

    /// <inheritdoc />
    public string Category => "low-papr";

    /// <inheritdoc />
    public string Description => "low-PAPR sequences type 1 (TS 38.211 §5.2.2)";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/sequences/low_papr";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        int u = mat.Numeric("u").ScalarInt32;
        int v = mat.Numeric("v").ScalarInt32;
        double alpha = mat.Numeric("alpha").ScalarDouble;
        int msc = mat.Numeric("Msc").ScalarInt32;
        var sequence = new ComplexF32[msc];
        LowPaprSequence.GenerateType1(u, v, alpha, sequence);
        string? diff = Compare.FirstDifference(sequence, mat.Numeric("seq").ToComplexArray(), Tolerance, $"r(u={u}, v={v}, α={alpha:G4})");
        return diff is null ? CaseResult.Pass($"M_ZC = {msc}, u = {u}, v = {v}") : CaseResult.Fail(diff);
    }
}
