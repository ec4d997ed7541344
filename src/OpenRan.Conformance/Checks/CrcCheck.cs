using System;
using System.Collections.Generic;
using System.IO;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// TS 38.212 §5.1 CRC parity bits against Sionna's reference (<c>sionna/crc</c>): for each message file
/// <c>crc_u[_POLY].npy</c>, the parity must equal <c>crc_x_ref_np[_POLY].npy</c> (the unsuffixed pair is CRC6).
/// </summary>
public sealed class CrcCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "crc";

    /// <inheritdoc />
    public string Description => "CRC6/11/16/24A/24B/24C parity bits (TS 38.212 §5.1)";

    /// <inheritdoc />
    public string RelativeFolder => "sionna/crc";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "crc_u*.npy");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        string name = Path.GetFileNameWithoutExtension(caseId);
        string suffix = name.Length > "crc_u".Length ? name["crc_u_".Length..] : "CRC6";
        CrcPolynomial polynomial = suffix switch
        {
            "CRC6" => CrcPolynomial.Crc6,
            "CRC11" => CrcPolynomial.Crc11,
            "CRC16" => CrcPolynomial.Crc16,
            "CRC24A" => CrcPolynomial.Crc24A,
            "CRC24B" => CrcPolynomial.Crc24B,
            "CRC24C" => CrcPolynomial.Crc24C,
            _ => throw new InvalidDataException($"{caseId}: unknown CRC suffix '{suffix}'."),
        };
        string referencePath = Path.Combine(Path.GetDirectoryName(caseId)!, name.Replace("crc_u", "crc_x_ref_np", StringComparison.Ordinal) + ".npy");
        NpyArray message = NpyArray.Load(caseId);
        byte[] expected = NpyArray.Load(referencePath).ToBits();
        var crc = new CrcCalculator(polynomial);
        int rows = message.Shape.Length == 2 ? message.Shape[0] : 1;
        int length = message.Count / rows;
        byte[] all = message.ToBits();
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<byte> bits = all.AsSpan(r * length, length);
            var parity = new byte[crc.Length];
            BitPacking.WriteUInt(crc.Compute(bits), parity, 0, crc.Length);
            string? diff = Compare.FirstDifference<byte>(parity, expected.AsSpan(r * crc.Length, crc.Length), $"{polynomial} parity row {r}");
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }

            byte[] withCrc = [.. bits, .. parity];
            if (!crc.Check(withCrc))
            {
                return CaseResult.Fail($"{polynomial}: message with its parity does not check");
            }
        }

        return CaseResult.Pass($"{polynomial}, {rows} message(s) of {length} bits");
    }
}
