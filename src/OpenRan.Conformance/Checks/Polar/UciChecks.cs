using System;
using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.ChannelCoding.SmallBlock;
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

/// <summary>
/// UCI polar encoding chain against Sionna's <c>Polar5GEncoder</c> uplink vectors (<c>sionna/polar/encoder_uplink</c>):
/// each of the 100 rows of <c>E{E}_k{k}_K{K}_u.npy</c> encodes (CRC11, polar with n_max = 10, I_IL = 0, rate matching
/// with I_BIL = 1) to the matching row of <c>…_c.npy</c>.
/// </summary>
public sealed class UciPolarEncodeCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "uci-polar-encode";

    /// <inheritdoc />
    public string Description => "UCI CRC + polar encoding + rate matching (TS 38.212 §6.3.1.2-§6.3.1.4)";

    /// <inheritdoc />
    public string RelativeFolder => "sionna/polar/encoder_uplink";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*_u.npy");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        NpyArray u = NpyArray.Load(caseId);
        NpyArray c = NpyArray.Load(caseId[..^"_u.npy".Length] + "_c.npy");
        int rows = u.Shape[0], k = u.Shape[1], e = c.Shape[1];
        byte[] bits = u.ToBits();
        byte[] expected = c.ToBits();
        var encoder = new UciPolarEncoder();
        var g = new byte[e];
        for (int r = 0; r < rows; r++)
        {
            encoder.Encode(bits.AsSpan(r * k, k), g);
            string? diff = Compare.FirstDifference<byte>(g, expected.AsSpan(r * e, e), $"row {r}");
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }
        }

        return CaseResult.Pass($"{rows} rows, A={k} E={e}");
    }
}

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
