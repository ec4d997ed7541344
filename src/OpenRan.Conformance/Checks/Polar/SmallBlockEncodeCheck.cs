using System;
using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.ChannelCoding.SmallBlock;

namespace OpenRan.Conformance.Checks.Polar;

/// <summary>
/// Small block codes (TS 38.212 §5.3.3) against MATLAB (<c>py5gphy_matlab/smallblock/encode</c>): K = 1..11 bits
/// <c>inbits</c> with Q_m give <c>dn</c> (placeholders x = −1, y = −2). The maximum-likelihood decoders must also
/// recover the bits from the noiseless codeword.
/// </summary>
public sealed class SmallBlockEncodeCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "smallblock-encode";

    /// <inheritdoc />
    public string Description => "repetition, simplex and (32,K) Reed-Muller codes (TS 38.212 §5.3.3)";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/smallblock/encode";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        byte[] c = mat.Numeric("inbits").ToBits();
        int qm = mat.Numeric("Qm").ScalarInt32;
        int[] expected = mat.Numeric("dn").ToInt32Array();
        var d = new sbyte[SmallBlockCode.EncodedLength(c.Length, c.Length <= 2 ? qm : 2)];
        SmallBlockCode.Encode(c, qm, d);
        string? diff = Compare.FirstDifference<int>(Array.ConvertAll(d, v => (int)v), expected, "d");
        if (diff is not null)
        {
            return CaseResult.Fail(diff);
        }

        // Decode the noiseless codeword (LLR ±1 on coded positions).
        var decoded = new byte[c.Length];
        if (c.Length >= 3)
        {
            var llrs = Array.ConvertAll(d, v => v == 0 ? 1f : -1f);
            SmallBlockCode.DecodeReedMuller(llrs, decoded);
        }
        else
        {
            var coded = new List<float>();
            foreach (sbyte v in d)
            {
                if (v >= 0)
                {
                    coded.Add(v == 0 ? 1f : -1f);
                }
            }

            SmallBlockCode.DecodeRepetitionSimplex(coded.ToArray(), decoded);
        }

        diff = Compare.FirstDifference<byte>(decoded, c, "decoded");
        return diff is null ? CaseResult.Pass($"K={c.Length} Q_m={qm}") : CaseResult.Fail(diff);
    }
}
