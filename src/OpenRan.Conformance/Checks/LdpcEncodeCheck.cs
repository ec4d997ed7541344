using System;
using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// TS 38.212 §5.3.2 LDPC encoding against MATLAB 5G Toolbox <c>nrLDPCEncode</c> (<c>py5gphy_matlab/ldpc/encode</c>):
/// <c>in</c> (K bits) encoded with base graph <c>bgn</c> and lifting size <c>Zc</c> must equal <c>dn</c> (N bits, the first
/// 2·Z_c punctured), and the reference codeword must satisfy H·c = 0 with the embedded base graph.
/// </summary>
public sealed class LdpcEncodeCheck : IConformanceCheck
{
    private readonly LdpcEncoder _encoder = new();

    /// <inheritdoc />
    public string Category => "ldpc-encode";

    /// <inheritdoc />
    public string Description => "LDPC encoding, every lifting size of both base graphs (TS 38.212 §5.3.2), MATLAB";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/ldpc/encode";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        int zc = mat.Numeric("Zc").ScalarInt32;
        LdpcBaseGraph bg = (LdpcBaseGraph)mat.Numeric("bgn").ScalarInt32;
        LdpcCode code = LdpcCode.Get(bg, zc);
        (byte[] message, bool[] messageFiller) = LdpcVectorBits.WithFillers(mat.Numeric("in").ToInt32Array());
        (byte[] expected, bool[] fillers) = LdpcVectorBits.WithFillers(mat.Numeric("dn").ToInt32Array());
        string? diff = LdpcVectorBits.EncodeAndCompare(_encoder, code, message, expected, fillers, "codeword d");
        if (diff is not null)
        {
            return CaseResult.Fail(diff);
        }

        int unsatisfied = code.CountUnsatisfiedChecks(message, expected);
        return unsatisfied == 0
            ? CaseResult.Pass($"BG{(int)bg} Z_c = {zc}: {expected.Length} bits, H·c = 0")
            : CaseResult.Fail($"reference codeword fails {unsatisfied} parity checks of the embedded BG{(int)bg} Z_c = {zc} (filler bits: {Array.FindAll(messageFiller, f => f).Length})");
    }
}
