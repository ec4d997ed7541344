using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// TS 38.212 §5.4.2 LDPC bit selection and bit interleaving against MATLAB 5G Toolbox (<c>py5gphy_matlab/ldpc/rate_match</c>):
/// the circular buffer <c>dn</c> (N_cb bits, −1 = filler at <c>kd</c> … <c>K</c> − 1), read from <c>k0</c> for E bits and
/// interleaved with Q_m, must equal <c>fe</c>; rate dematching of the same bits as ±1 LLRs must recover every selected bit.
/// </summary>
public sealed class LdpcRateMatchCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "ldpc-rate-match";

    /// <inheritdoc />
    public string Description => "LDPC bit selection with filler skipping and bit interleaving (TS 38.212 §5.4.2)";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/ldpc/rate_match";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        int ncb = mat.Numeric("Ncb").ScalarInt32;
        int e = mat.Numeric("E").ScalarInt32;
        int qm = mat.Numeric("Qm").ScalarInt32;
        int k0 = mat.Numeric("k0").ScalarInt32;
        int k = mat.Numeric("K").ScalarInt32;
        int kd = mat.Numeric("kd").ScalarInt32;
        (byte[] d, bool[] fillers) = LdpcVectorBits.WithFillers(mat.Numeric("dn").ToInt32Array());
        for (int i = 0; i < d.Length; i++)
        {
            if (fillers[i] != (i >= kd && i < k))
            {
                return CaseResult.Fail($"dn[{i}] filler marking disagrees with kd = {kd}, K = {k}");
            }
        }

        var buffer = new LdpcCircularBuffer(ncb, k0, kd, k - kd);
        var f = new byte[e];
        LdpcRateMatcher.Match(d, buffer, qm, f);
        string? diff = Compare.FirstDifference<byte>(f, mat.Numeric("fe").ToBits(), "f");
        if (diff is not null)
        {
            return CaseResult.Fail(diff);
        }

        // Inverse: dematch ±1 LLRs of f into a fresh soft buffer; every transmitted position must hard-decide to d.
        var llrs = new sbyte[e];
        for (int i = 0; i < e; i++)
        {
            llrs[i] = (sbyte)(f[i] == 0 ? 1 : -1);
        }

        var soft = new sbyte[ncb];
        LdpcRateDematcher.Reset(buffer, soft);
        LdpcRateDematcher.Dematch(llrs, buffer, qm, soft);
        for (int i = 0; i < ncb; i++)
        {
            if (fillers[i] ? soft[i] != LogLikelihoodRatio.Infinity : soft[i] != 0 && LogLikelihoodRatio.HardDecision(soft[i]) != d[i])
            {
                return CaseResult.Fail($"dematched soft buffer[{i}] = {soft[i]} contradicts d = {(fillers[i] ? "filler" : d[i])}");
            }
        }

        return CaseResult.Pass($"N_cb = {ncb}, k0 = {k0}, E = {e}, Q_m = {qm}, {k - kd} fillers");
    }
}
