using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.ChannelCoding.Polar;

namespace OpenRan.Conformance.Checks.Polar;

/// <summary>
/// The successive-cancellation decoder kernel against Sionna's <c>PolarSCDecoder</c> (<c>sionna/polar/sc_decoder</c>):
/// for each case P_{N}_{K}, the 10 rows of channel LLRs <c>Lch</c> (L = ln(P(0)/P(1))) with the information set
/// <c>Avec</c> must give the K decisions <c>uhat</c>. Sionna's SC decoder uses the exact box-plus check-node rule with
/// LLRs clipped to ±30, so the decoder runs with <see cref="PolarDecoder.ExactCheckNode"/>.
/// </summary>
public sealed class PolarScDecodeCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "polar-sc-decode";

    /// <inheritdoc />
    public string Description => "LLR-domain SC decoding with a given frozen set";

    /// <inheritdoc />
    public string RelativeFolder => "sionna/polar/sc_decoder";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*_Avec.npy");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        string stem = caseId[..^"_Avec.npy".Length];
        byte[] information = NpyArray.Load(caseId).ToBits();
        NpyArray lch = NpyArray.Load(stem + "_Lch.npy");
        byte[] expected = NpyArray.Load(stem + "_uhat.npy").ToBits();
        int n = information.Length;
        int k = information.Count(b => b == 1);
        int rows = lch.Shape[0];
        var kinds = Array.ConvertAll(information, b => b == 1 ? PolarBitKind.Information : PolarBitKind.Frozen);
        var decoder = new PolarDecoder(1, n) { ExactCheckNode = true };
        var llrs = new float[n];
        var u = new byte[n];
        for (int r = 0; r < rows; r++)
        {
            for (int i = 0; i < n; i++)
            {
                llrs[i] = (float)lch.Real[(r * n) + i];
            }

            decoder.DecodeSuccessiveCancellation(llrs, kinds, u);
            byte[] uInfo = Enumerable.Range(0, n).Where(i => information[i] == 1).Select(i => u[i]).ToArray();
            string? diff = Compare.FirstDifference<byte>(uInfo, expected.AsSpan(r * k, k), $"row {r} û_A");
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }
        }

        return CaseResult.Pass($"N={n} K={k}, {rows} rows");
    }
}
