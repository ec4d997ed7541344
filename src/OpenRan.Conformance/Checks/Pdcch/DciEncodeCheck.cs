using System;
using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.Channels.Pdcch;

namespace OpenRan.Conformance.Checks.Pdcch;

/// <summary>
/// DCI channel coding (TS 38.212 §7.3.2-§7.3.4) against MATLAB <c>nrDCIEncode</c> (<c>py5gphy_matlab/pdcch/dci_encode</c>):
/// A payload bits <c>dciBits</c> with <c>rnti</c> and E give <c>dciCW</c>; <c>crc</c> is the 24-bit parity (before the RNTI
/// mask, p_0 as the MSB). The CA-SCL decoder must return the payload and RNTI from the noiseless codeword.
/// </summary>
public sealed class DciEncodeCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "dci-encode";

    /// <inheritdoc />
    public string Description => "DCI CRC24C with RNTI mask, polar coding and rate matching (TS 38.212 §7.3)";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/pdcch/dci_encode";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        byte[] payload = mat.Numeric("dciBits").ToBits();
        int rnti = mat.Numeric("rnti").ScalarInt32;
        int e = mat.Numeric("E").ScalarInt32;
        var codec = new DciCodec();
        var f = new byte[e];
        codec.Encode(payload, rnti, f);
        string? diff = Compare.FirstDifference<byte>(f, mat.Numeric("dciCW").ToBits(), "f");
        if (diff is not null)
        {
            return CaseResult.Fail(diff);
        }

        var padded = new byte[Math.Max(payload.Length, DciCodec.MinPayload)];
        payload.CopyTo(padded, 0);
        uint parity = codec.Parity(padded);
        long expectedCrc = (long)mat.Numeric("crc").ScalarDouble;
        if (parity != expectedCrc && (parity ^ (uint)rnti) != expectedCrc)
        {
            return CaseResult.Fail($"CRC {parity} (masked {parity ^ (uint)rnti}), expected {expectedCrc}");
        }

        float[] llrs = Array.ConvertAll(f, b => b == 0 ? 4f : -4f);
        var decoded = new byte[padded.Length];
        ushort[] rntis = [(ushort)rnti];
        (int found, _) = codec.Decode(llrs, payload.Length, rntis, 1, decoded);
        if (found != rnti || !decoded.AsSpan().SequenceEqual(padded))
        {
            return CaseResult.Fail($"decode returned RNTI {found}");
        }

        return CaseResult.Pass($"A={payload.Length} E={e} RNTI={rnti}");
    }
}
