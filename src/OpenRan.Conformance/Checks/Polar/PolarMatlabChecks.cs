using System;
using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Polar;

namespace OpenRan.Conformance.Checks.Polar;

/// <summary>
/// TS 38.212 §5.3.1 polar encoding against MATLAB 5G Toolbox (<c>py5gphy_matlab/polar/encoder</c>): the K input bits
/// (CRC attached) with E, n_max and I_IL give the N-bit codeword <c>outd</c>. Uplink codes (n_max = 10, I_IL = 0) use
/// the UCI parity-check rule of TS 38.212 §6.3.1.3.1, downlink codes none.
/// </summary>
public sealed class PolarEncodeCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "polar-encode";

    /// <inheritdoc />
    public string Description => "polar sub-channel allocation, PC bits, interleaving and encoding (TS 38.212 §5.3.1)";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/polar/encoder";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        byte[] c = mat.Numeric("in").ToBits();
        int e = mat.Numeric("E").ScalarInt32;
        int nMax = mat.Numeric("nMax").ScalarInt32;
        bool iIl = mat.Numeric("iIL").ScalarInt32 != 0;
        PolarCode code = nMax == 10 && !iIl ? PolarCode.ForUci(c.Length, e) : new PolarCode(c.Length, e, nMax, iIl, 0, 0, false);
        var d = new byte[code.N];
        PolarEncoder.Encode(code, c, d);
        string? diff = Compare.FirstDifference<byte>(d, mat.Numeric("outd").ToBits(), "d");
        return diff is null ? CaseResult.Pass(code.ToString()) : CaseResult.Fail($"{code}: {diff}");
    }
}

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
