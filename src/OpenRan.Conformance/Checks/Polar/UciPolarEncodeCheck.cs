using System;
using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.ChannelCoding.Uci;

namespace OpenRan.Conformance.Checks.Polar;

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
