using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
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
