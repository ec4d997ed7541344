using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Conformance.Checks.Ssb;

/// <summary>
/// BCH encoding (TS 38.212 §7.1) against MATLAB <c>nrBCH</c> arrays from py3gpp (<c>py3gpp/test_nrBCH.json</c>): an
/// all-zero 24-bit BCCH-BCH message with the parameters given in the file's comments (nid, lssb, idxoffset, hrf, sfn)
/// encodes to <c>desired_cdblk</c>; the CA-SCL decoder must return the payload from the noiseless bits.
/// And BCH decoding of real signals against MATLAB <c>nrBCHDecode</c> (<c>py3gpp/test_nrBCHDecode.json</c>, when the
/// vector root has it): each case's 864 PBCH soft bits (<c>softbits</c>, after PBCH descrambling, positive for 0) of the
/// cell <c>n_cellid</c> (L_max = 8, as the py3gpp test calls it) must decode with a CRC pass to MATLAB's 24-bit BCH
/// transport block (<c>trblk_matlab</c>, the MIB); and the 32-bit scrambled payload a' of TS 38.212 §7.1.2 rebuilt from
/// the decoded MIB, SFN, half frame and k_SSB must equal MATLAB's <c>scrblk_matlab</c>.
/// </summary>
public sealed partial class BchPy3gppCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "bch-py3gpp";

    /// <inheritdoc />
    public string Description => "BCH payload, scrambling, CRC24C, polar, rate matching (TS 38.212 §7.1)";

    /// <inheritdoc />
    public string RelativeFolder => "py3gpp";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) =>
        ConformanceRunner.FilesIn(folder, "test_nrBCH.json").Concat(ConformanceRunner.FilesIn(folder, "test_nrBCHDecode.json"));

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        Py3gppVectorFile file = Py3gppVectorFile.Load(caseId);
        if (Path.GetFileName(caseId) == "test_nrBCHDecode.json")
        {
            return RunDecode(file);
        }

        Py3gppAssignment[] expected = file.Assignments.Where(a => a.Name == "desired_cdblk").ToArray();
        if (expected.Length != file.Comments.Count)
        {
            return CaseResult.Fail($"{expected.Length} expected blocks but {file.Comments.Count} parameter comments");
        }

        var codec = new BchCodec();
        var trblk = new byte[Mib.PackedLength];
        var output = new byte[BchCodec.E];
        for (int t = 0; t < expected.Length; t++)
        {
            Dictionary<string, int> p = ParameterPattern().Matches(file.Comments[t])
                .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
            codec.Encode(trblk, p["sfn"], p["hrf"], p["lssb"], p["idxoffset"], p["nid"], output);
            string? diff = Compare.FirstDifference<byte>(output, Array.ConvertAll(expected[t].ToDoubles(), v => (byte)v), file.Comments[t]);
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }

            float[] llrs = Array.ConvertAll(output, b => b == 0 ? 4f : -4f);
            BchDecodeResult decoded = codec.Decode(llrs, p["lssb"], p["nid"]);
            if (!decoded.CrcPassed || decoded.Mib is not Mib mib || mib.SystemFrameNumber != p["sfn"] || decoded.HalfFrame != p["hrf"])
            {
                return CaseResult.Fail($"{file.Comments[t]}: decode gave CRC {decoded.CrcPassed}, {decoded.Mib}, HRF {decoded.HalfFrame}");
            }
        }

        return CaseResult.Pass($"{expected.Length} blocks encoded and decoded");
    }

    private static CaseResult RunDecode(Py3gppVectorFile file)
    {
        const int LMax = 8;
        Py3gppAssignment[] softBits = file.Assignments.Where(a => a.Name == "softbits").ToArray();
        Py3gppAssignment[] cells = file.Assignments.Where(a => a.Name == "n_cellid").ToArray();
        Py3gppAssignment[] payloads = file.Assignments.Where(a => a.Name == "scrblk_matlab").ToArray();
        Py3gppAssignment[] blocks = file.Assignments.Where(a => a.Name == "trblk_matlab").ToArray();
        if (softBits.Length == 0 || cells.Length != softBits.Length || payloads.Length != softBits.Length || blocks.Length != softBits.Length)
        {
            return CaseResult.Fail($"expected softbits, n_cellid, scrblk_matlab and trblk_matlab per case; found {softBits.Length}, {cells.Length}, {payloads.Length}, {blocks.Length}");
        }

        var codec = new BchCodec();
        var mibBits = new byte[Mib.PackedLength];
        var scrambled = new byte[PbchPayload.Length];
        for (int t = 0; t < softBits.Length; t++)
        {
            float[] llrs = Array.ConvertAll(softBits[t].ToDoubles(), v => (float)v);
            int nId = (int)cells[t].ToDoubles()[0];
            string label = $"case {t + 1} (line {softBits[t].Line}, N_ID {nId})";
            if (llrs.Length != BchCodec.E)
            {
                return CaseResult.Fail($"{label}: {llrs.Length} soft bits, expected {BchCodec.E}");
            }

            BchDecodeResult decoded = codec.Decode(llrs, LMax, nId);
            if (!decoded.CrcPassed || decoded.Mib is not Mib mib)
            {
                return CaseResult.Fail($"{label}: the CRC failed (path metric {decoded.PathMetric})");
            }

            mib.Pack(mibBits);
            string? diff = Compare.FirstDifference<byte>(mibBits, Array.ConvertAll(blocks[t].ToDoubles(), v => (byte)v), $"{label} trblk");
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }

            PbchPayload.Build(mibBits, mib.SystemFrameNumber, decoded.HalfFrame, LMax, mib.SsbSubcarrierOffset, nId, scrambled);
            diff = Compare.FirstDifference<byte>(scrambled, Array.ConvertAll(payloads[t].ToDoubles(), v => (byte)v), $"{label} scrblk");
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }
        }

        return CaseResult.Pass($"{softBits.Length} real-signal PBCH blocks decoded to MATLAB's MIB and scrambled payload");
    }

    [GeneratedRegex(@"(\w+)\s*=\s*(\d+)")]
    private static partial Regex ParameterPattern();
}
