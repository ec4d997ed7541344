using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Conformance.Checks.Ssb;

/// <summary>
/// PBCH scrambling and modulation (TS 38.211 §7.3.3) against MATLAB (<c>py5gphy_matlab/pbch/pbch</c>): the 864 bits
/// <c>rm_bitseq</c> scrambled with c(i + v·864), c_init = N_ID^cell, v = i_SSB, then QPSK, must equal <c>mod_data</c>.
/// </summary>
public sealed class PbchModulationCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "pbch";

    /// <inheritdoc />
    public string Description => "PBCH scrambling and QPSK (TS 38.211 §7.3.3)";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/pbch/pbch";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        int nIdCell = mat.Numeric("NcellID").ScalarInt32;
        int iSsb = mat.Numeric("iSSB").ScalarInt32;
        byte[] bits = mat.Numeric("rm_bitseq").ToBits();
        var sequence = new PseudoRandomSequence((uint)nIdCell);
        sequence.Advance(iSsb * BchCodec.E);
        sequence.ApplyXor(bits, bits);
        var symbols = new ComplexF32[bits.Length / 2];
        ModulationMapper.Map(bits, ModulationScheme.Qpsk, symbols);
        string? diff = Compare.FirstDifference(symbols, mat.Numeric("mod_data").ToComplexArray(), 1e-6, "d_PBCH");
        return diff is null ? CaseResult.Pass($"N_ID={nIdCell} v={iSsb}") : CaseResult.Fail(diff);
    }
}

/// <summary>
/// MIB packing (TS 38.331 BCCH-BCH-Message) against MATLAB (<c>py5gphy_matlab/pbch/mib</c>): struct <c>burst</c>
/// (enumerations as ASN.1 indices: DMRSTypeAPosition 0 = pos2, CellBarred 0 = barred, IntraFreqReselection 0 =
/// allowed) and <c>sfn</c> must pack to the 24 bits <c>mib</c>, and unpack back.
/// </summary>
public sealed class MibCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "mib";

    /// <inheritdoc />
    public string Description => "MIB packing and parsing (TS 38.331 §6.2.2)";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/pbch/mib";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        var burst = (MatStructArray)mat["burst"];
        var mib = new Mib(
            mat.Numeric("sfn").ScalarInt32,
            burst.Numeric("SubcarrierSpacingCommon").ScalarInt32 != 0,
            burst.Numeric("kSSB").ScalarInt32,
            2 + burst.Numeric("DMRSTypeAPosition").ScalarInt32,
            burst.Numeric("PDCCHConfigSIB1").ScalarInt32,
            burst.Numeric("CellBarred").ScalarInt32 == 0,
            burst.Numeric("IntraFreqReselection").ScalarInt32 == 0);
        var bits = new byte[Mib.PackedLength];
        mib.Pack(bits);
        string? diff = Compare.FirstDifference<byte>(bits, mat.Numeric("mib").ToBits(), "mib");
        if (diff is not null)
        {
            return CaseResult.Fail(diff);
        }

        Mib? back = Mib.Unpack(bits, mib.SystemFrameNumber & 0xF, mib.SsbSubcarrierOffset >> 4);
        return back == mib ? CaseResult.Pass($"SFN {mib.SystemFrameNumber}") : CaseResult.Fail($"unpacked {back}, expected {mib}");
    }
}

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
