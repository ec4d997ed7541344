using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// The DL-SCH (TS 38.212 §7.2) or UL-SCH (§6.2, without UCI) chain against MATLAB 5G Toolbox vectors: for every slot s,
/// the transport block encoded for G_s coded bits and redundancy version rv_s must equal the slot's output bits
/// (<c>RM_out</c> for PDSCH, <c>codeword_out</c> for PUSCH). Each case also checks the MCS tables (TS 38.214 §5.1.3.1,
/// §6.1.4.1) against the file's Q_m and R, and the TBS (§5.1.3.2, §6.1.4.2) against the transport block length, with
/// N'_RE derived from the largest G: N'_RE = G / (Q_m · N_L · n_PRB).
/// </summary>
/// <remarks>
/// Limited-buffer rate matching follows each generator's documented setting: MATLAB's <c>nrDLSCH</c> uses a fixed
/// N_ref = 25344 per code block (its <c>LimitedBufferSize</c> default) for PDSCH; <c>nrULSCH</c> disables it (N_cb = N).
/// </remarks>
public sealed class SharedChannelEncodeCheck : IConformanceCheck
{
    /// <summary>MATLAB <c>nrDLSCH</c>'s default <c>LimitedBufferSize</c> (N_ref per code block).</summary>
    public const int MatlabDlschReferenceLength = 25344;

    private readonly bool _downlink;
    private readonly SharedChannelEncoder _encoder = new();

    private SharedChannelEncodeCheck(string category, string folder, bool downlink, string description)
    {
        Category = category;
        RelativeFolder = folder;
        _downlink = downlink;
        Description = description;
    }

    /// <inheritdoc />
    public string Category { get; }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public string RelativeFolder { get; }

    /// <summary>The checks over every MATLAB PDSCH and PUSCH (without UCI) folder.</summary>
    public static IEnumerable<IConformanceCheck> CreateAll() =>
    [
        new SharedChannelEncodeCheck("dlsch-pdsch", "py5gphy_matlab/pdsch/pdsch", true, "DL-SCH encoding per slot/RV, TBS, MCS (TS 38.212 §7.2, TS 38.214 §5.1.3), MATLAB PDSCH"),
        new SharedChannelEncodeCheck("dlsch-pdsch-short", "py5gphy_matlab/pdsch/pdsch_short", true, "DL-SCH encoding, short PDSCH durations (TS 38.212 §7.2), MATLAB"),
        new SharedChannelEncodeCheck("dlsch-pdsch-multislot", "py5gphy_matlab/pdsch/pdsch_multislot", true, "DL-SCH encoding over 40/80 slots with varying G (TS 38.212 §7.2), MATLAB"),
        new SharedChannelEncodeCheck("dlsch-pdsch-waveform", "py5gphy_matlab/pdsch/pdsch_waveform", true, "DL-SCH encoding of the PDSCH waveform vectors (TS 38.212 §7.2), MATLAB"),
        new SharedChannelEncodeCheck("ulsch-pusch", "py5gphy_matlab/pusch/ulsch_without_uci", false, "UL-SCH encoding per slot/RV, TBS, MCS (TS 38.212 §6.2, TS 38.214 §6.1.4), MATLAB PUSCH"),
    ];

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        int qm = mat.Numeric("Qm").ScalarInt32;
        int layers = mat.Numeric("NumLayers").ScalarInt32;
        double rateBy1024 = mat.Numeric("TargetCodeRateby1024").ScalarDouble;
        int prbs = mat.Numeric("PRBSet").Count;
        int[] g = mat.Numeric(_downlink ? "G_out" : "GULSCH_out").ToInt32Array();
        int[] rv = mat.Numeric("rv_out").ToInt32Array();
        MatNumericArray output = mat.Numeric(_downlink ? "RM_out" : "codeword_out");
        MatNumericArray blocks = mat.Numeric("trblk_out");

        string? mcs = CheckMcs(mat, qm, rateBy1024);
        if (mcs is not null)
        {
            return CaseResult.Fail(mcs);
        }

        // TBS from N_RE = min(156, N'_RE)·n_PRB with N'_RE from the largest G (slots without reserved resources).
        int gMax = g.Max();
        if (gMax % (qm * layers * prbs) != 0)
        {
            return CaseResult.Fail($"G = {gMax} is not a multiple of Q_m·N_L·n_PRB = {qm * layers * prbs}");
        }

        int rePerPrb = gMax / (qm * layers * prbs);
        int tbs = TransportBlockSize.FromResourceElements(Math.Min(TransportBlockSize.MaxResourceElementsPerPrb, rePerPrb) * prbs, rateBy1024 / 1024, qm, layers);
        bool padded = blocks.Rows > 1;
        if (!padded && blocks.Count != tbs)
        {
            return CaseResult.Fail($"TBS {tbs} (N'_RE = {rePerPrb}, n_PRB = {prbs}, R = {rateBy1024}/1024, Q_m = {qm}, υ = {layers}) differs from the transport block length {blocks.Count}");
        }

        LimitedBufferRateMatching lbrm = _downlink ? LimitedBufferRateMatching.FromReferenceLength(MatlabDlschReferenceLength) : LimitedBufferRateMatching.Disabled;
        var parameters = new SharedChannelCodingParameters(tbs, rateBy1024 / 1024, qm, layers, lbrm);
        byte[] block = [];
        for (int s = 0; s < g.Length; s++)
        {
            // Multi-slot files list a transport block in the slots that start one; a retransmission's row is all zero and
            // the slot carries the previous block again (its rv_out is not 0).
            byte[] row = Row(blocks, padded ? s : 0, padded ? blocks.Columns : blocks.Count);
            if (s == 0 || row.Any(b => b != 0))
            {
                block = row;
            }
            else if (rv[s] == 0)
            {
                return CaseResult.Fail($"slot {s}: rv 0 without a transport block");
            }

            if (padded && block.Skip(tbs).Any(b => b != 0))
            {
                return CaseResult.Fail($"slot {s}: transport block row has non-zero bits beyond the computed TBS {tbs}");
            }

            var coded = new byte[g[s]];
            _encoder.Encode(block.AsSpan(0, tbs), parameters, rv[s], coded);
            byte[] expected = Row(output, s, g[s]);
            string? diff = Compare.FirstDifference<byte>(coded, expected, $"slot {s} (rv {rv[s]}, G {g[s]}) bit");
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }
        }

        return CaseResult.Pass(string.Create(CultureInfo.InvariantCulture, $"TBS {tbs}, BG{(int)parameters.BaseGraph}, C = {parameters.Segmentation.CodeBlockCount}, N_cb = {parameters.CircularBufferLength}, {g.Length} slot(s)"));
    }

    /// <summary>The first <paramref name="length"/> values of row <paramref name="row"/> as bits.</summary>
    private static byte[] Row(MatNumericArray array, int row, int length)
    {
        var bits = new byte[length];
        for (int i = 0; i < length; i++)
        {
            double v = array.Rows == 1 ? array.Real[i] : array[row, i];
            bits[i] = v switch
            {
                0 => 0,
                1 => 1,
                _ => throw new InvalidOperationException($"{array.Source}: element ({row}, {i}) is {v}, not a bit."),
            };
        }

        return bits;
    }

    /// <summary>
    /// Q_m and R of the file against the MCS table <c>mcstableidx</c> (1: Table 5.1.3.1-1, 2: -2, 3: -3; 4 and 5 with transform
    /// precoding: Tables 6.1.4.1-1/-2, q = 1 when the file uses π/2-BPSK). Indices beyond the table's rows are reported by the
    /// generator's own rate and skipped.
    /// </summary>
    private static string? CheckMcs(MatFile mat, int qm, double rateBy1024)
    {
        int table = mat.Numeric("mcstableidx").ScalarInt32;
        int index = mat.Numeric("imcs").ScalarInt32;
        McsTable? mcsTable = table switch
        {
            1 => McsTable.Qam64,
            2 => McsTable.Qam256,
            3 => McsTable.Qam64LowSe,
            4 => McsTable.TransformPrecodingQam64,
            5 => McsTable.TransformPrecodingQam64LowSe,
            _ => null,
        };
        if (mcsTable is null || index >= McsTables.IndexCount)
        {
            return null;
        }

        McsEntry entry = McsTables.Lookup(mcsTable.Value, index, tpPi2Bpsk: qm == 1);
        if (entry.IsReserved)
        {
            return null;
        }

        return entry.ModulationOrder == qm && entry.TargetCodeRateBy1024 == rateBy1024
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"MCS table {mcsTable} index {index}: Q_m {entry.ModulationOrder}, R×1024 {entry.TargetCodeRateBy1024}; file has {qm}, {rateBy1024}");
    }
}
