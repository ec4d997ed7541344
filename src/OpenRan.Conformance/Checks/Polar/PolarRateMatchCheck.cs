using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.ChannelCoding.Polar;

namespace OpenRan.Conformance.Checks.Polar;

/// <summary>
/// TS 38.212 §5.4.1 polar rate matching against MATLAB (<c>py5gphy_matlab/polar/rate_match</c>): N-bit <c>in</c> with
/// K, E and I_BIL gives <c>outd</c> (E bits).
/// </summary>
public sealed class PolarRateMatchCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "polar-rate-match";

    /// <inheritdoc />
    public string Description => "polar sub-block interleaving, bit selection, channel interleaving (TS 38.212 §5.4.1)";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/polar/rate_match";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        byte[] d = mat.Numeric("in").ToBits();
        int k = mat.Numeric("K").ScalarInt32;
        int e = mat.Numeric("E").ScalarInt32;
        bool iBil = mat.Numeric("iBIL").ScalarInt32 != 0;
        var f = new byte[e];
        PolarRateMatcher.Match(d, k, iBil, f);
        string? diff = Compare.FirstDifference<byte>(f, mat.Numeric("outd").ToBits(), "f");
        return diff is null ? CaseResult.Pass($"N={d.Length} K={k} E={e} I_BIL={(iBil ? 1 : 0)}") : CaseResult.Fail(diff);
    }
}
