using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.Segmentation;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// TS 38.212 §5.2.2 code-block segmentation against MATLAB 5G Toolbox <c>nrCodeBlockSegmentLDPC</c>
/// (<c>py5gphy_matlab/ldpc/cb_segment</c>): the B bits <c>in</c> with base graph <c>bgn</c> must give the code blocks
/// <c>cbs</c> (C × K, −1 = filler bit), including every CB-CRC24B.
/// </summary>
public sealed class LdpcSegmentationCheck : IConformanceCheck
{
    private readonly CrcCalculator _crc24B = new(CrcPolynomial.Crc24B);

    /// <inheritdoc />
    public string Category => "ldpc-segmentation";

    /// <inheritdoc />
    public string Description => "LDPC code-block segmentation, CB-CRC24B and filler bits (TS 38.212 §5.2.2)";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/ldpc/cb_segment";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        int b = mat.Numeric("B").ScalarInt32;
        var bg = (LdpcBaseGraph)mat.Numeric("bgn").ScalarInt32;
        byte[] input = mat.Numeric("in").ToBits();
        MatNumericArray cbs = mat.Numeric("cbs");
        var segmentation = CodeBlockSegmentation.Compute(b, bg);
        int c = segmentation.CodeBlockCount, k = segmentation.CodeBlockLength;
        if (cbs.Count != c * k)
        {
            return CaseResult.Fail($"reference holds {cbs.Count} bits; segmentation gives C = {c} blocks of K = {k}");
        }

        var block = new byte[k];
        for (int r = 0; r < c; r++)
        {
            segmentation.WriteCodeBlock(input, r, block, _crc24B);
            for (int i = 0; i < k; i++)
            {
                // The reference is C × K in MATLAB storage (one row per block when stored C × K, column-major).
                double expected = cbs.Rows == c ? cbs[r, i] : cbs.Real[(r * k) + i];
                bool filler = i >= segmentation.CodeBlockInformationLength;
                if (filler ? expected != -1 : expected != block[i])
                {
                    return CaseResult.Fail($"code block {r} bit {i}: {(filler ? "filler" : block[i].ToString(System.Globalization.CultureInfo.InvariantCulture))}, expected {expected}");
                }
            }
        }

        return CaseResult.Pass($"B = {b}, BG{(int)bg}: C = {c}, K' = {segmentation.CodeBlockInformationLength}, K = {k}, Z_c = {segmentation.LiftingSize}");
    }
}
