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

/// <summary>Shared handling of LDPC reference bit vectors, where −1 (MATLAB) or '-' (srsRAN) marks a filler bit.</summary>
internal static class LdpcVectorBits
{
    /// <summary>Bits with fillers as 0, and the filler mask.</summary>
    public static (byte[] Bits, bool[] Fillers) WithFillers(int[] values)
    {
        var bits = new byte[values.Length];
        var fillers = new bool[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            fillers[i] = values[i] < 0;
            bits[i] = (byte)(values[i] > 0 ? 1 : 0);
        }

        return (bits, fillers);
    }

    /// <summary>Encodes <paramref name="message"/> and compares with <paramref name="expected"/> outside filler positions; null when equal.</summary>
    public static string? EncodeAndCompare(LdpcEncoder encoder, LdpcCode code, byte[] message, byte[] expected, bool[] fillers, string what)
    {
        if (message.Length != code.InformationLength || expected.Length != code.CodewordLength)
        {
            return $"{what}: message {message.Length} bits and codeword {expected.Length} bits; expected K = {code.InformationLength}, N = {code.CodewordLength}";
        }

        var codeword = new byte[code.CodewordLength];
        encoder.Encode(message, codeword, code);
        for (int i = 0; i < codeword.Length; i++)
        {
            if (!fillers[i] && codeword[i] != expected[i])
            {
                int differ = 0;
                for (int j = 0; j < codeword.Length; j++)
                {
                    differ += !fillers[j] && codeword[j] != expected[j] ? 1 : 0;
                }

                return $"BG{(int)code.BaseGraph} Z_c = {code.LiftingSize}: {what}[{i}] = {codeword[i]}, expected {expected[i]} ({differ} of {codeword.Length} differ)";
            }
        }

        return null;
    }
}
