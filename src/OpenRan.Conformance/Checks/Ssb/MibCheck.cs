using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Conformance.Checks.Ssb;

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
