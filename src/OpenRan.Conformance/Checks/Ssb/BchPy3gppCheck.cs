using System;
using System.Collections.Generic;
using System.Globalization;
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
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "test_nrBCH.json");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        Py3gppVectorFile file = Py3gppVectorFile.Load(caseId);
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

    [GeneratedRegex(@"(\w+)\s*=\s*(\d+)")]
    private static partial Regex ParameterPattern();
}
