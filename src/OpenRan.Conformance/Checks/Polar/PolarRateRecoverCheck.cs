using System;
using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Polar;

namespace OpenRan.Conformance.Checks.Polar;

/// <summary>
/// Polar rate recovery against MATLAB (<c>py5gphy_matlab/polar/rate_recover</c>): the E bits <c>in</c> are given as LLRs
/// 1 − 2b, recovered to N LLRs (punctured 0, shortened "known 0") and hard-decided (LLR &lt; 0 → 1), which must equal
/// <c>outd</c>. With repetition (E &gt; N) MATLAB keeps only the first N values (OpenRan adds the repeats by default), so
/// the comparison recovers with <c>combineRepetitions: false</c>.
/// </summary>
public sealed class PolarRateRecoverCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "polar-rate-recover";

    /// <inheritdoc />
    public string Description => "polar rate recovery on LLRs (inverse of TS 38.212 §5.4.1)";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/polar/rate_recover";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        byte[] bits = mat.Numeric("in").ToBits();
        int k = mat.Numeric("K").ScalarInt32;
        int n = mat.Numeric("N").ScalarInt32;
        bool iBil = mat.Numeric("iBIL").ScalarInt32 != 0;
        var llrs = new sbyte[bits.Length];
        for (int i = 0; i < bits.Length; i++)
        {
            llrs[i] = (sbyte)(1 - (2 * bits[i]));
        }

        string? diff = RecoverAndCompare(llrs, k, n, iBil, mat.Numeric("outd").ToBits());
        return diff is null ? CaseResult.Pass($"N={n} K={k} E={bits.Length} I_BIL={(iBil ? 1 : 0)}") : CaseResult.Fail(diff);
    }

    /// <summary>
    /// Recovers and compares hard decisions; null when equal. MATLAB's rate recovery keeps only the first N values under
    /// repetition, so the comparison recovers without combining repeats (the combining path is covered by round-trip tests).
    /// </summary>
    internal static string? RecoverAndCompare(ReadOnlySpan<sbyte> llrs, int k, int n, bool iBil, ReadOnlySpan<byte> expectedBits)
    {
        var d = new sbyte[n];
        PolarRateDematcher.Recover(llrs, k, iBil, d, combineRepetitions: false);
        var hard = new byte[n];
        LogLikelihoodRatio.HardDecision(d, hard);
        return Compare.FirstDifference<byte>(hard, expectedBits, "hard(d)");
    }
}
