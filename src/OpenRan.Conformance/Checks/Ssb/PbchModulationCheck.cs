using System.Collections.Generic;
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
