using System;
using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.ChannelCoding.Uci;

namespace OpenRan.Conformance.Checks.Polar;

/// <summary>
/// UCI code-block segmentation and CRC attachment (TS 38.212 §5.2.1, §6.3.1.2.1) against MATLAB
/// (<c>py5gphy_matlab/polar/cb_segment</c>): A bits and E_UCI give C, E_r and the C × K_r code blocks <c>outd</c>.
/// </summary>
public sealed class UciSegmentCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "uci-segment";

    /// <inheritdoc />
    public string Description => "UCI code-block segmentation and CRC6/CRC11 (TS 38.212 §6.3.1.2.1)";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/polar/cb_segment";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        byte[] a = mat.Numeric("in").ToBits();
        var parameters = UciPolarParameters.Create(a.Length, mat.Numeric("Euci").ScalarInt32);
        if (parameters.C != mat.Numeric("C").ScalarInt32 || parameters.Er != mat.Numeric("Er").ScalarInt32)
        {
            return CaseResult.Fail($"C = {parameters.C}, E_r = {parameters.Er}; expected C = {mat.Numeric("C").ScalarInt32}, E_r = {mat.Numeric("Er").ScalarInt32}");
        }

        var blocks = new byte[parameters.C * parameters.Kr];
        new UciPolarEncoder().Segment(a, parameters, blocks);
        MatNumericArray expected = mat.Numeric("outd");
        for (int r = 0; r < parameters.C; r++)
        {
            byte[] row = Array.ConvertAll(expected.RowReal(r), v => (byte)v);
            string? diff = Compare.FirstDifference<byte>(blocks.AsSpan(r * parameters.Kr, parameters.Kr), row, $"block {r}");
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }
        }

        return CaseResult.Pass($"A={a.Length} C={parameters.C} K_r={parameters.Kr} E_r={parameters.Er}");
    }
}
