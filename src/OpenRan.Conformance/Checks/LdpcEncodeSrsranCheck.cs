using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// TS 38.212 §5.3.2 LDPC encoding against srsRAN's examples (<c>srsran_4g/ldpc/examplesBG{1,2}.dat</c>, AGPL data read in place):
/// for each of the 51 lifting sizes, ten messages of K bits and their codewords of N bits (first 2·Z_c punctured); '-' marks
/// filler bits. One case per file (510 codewords).
/// </summary>
public sealed class LdpcEncodeSrsranCheck : IConformanceCheck
{
    private readonly LdpcEncoder _encoder = new();

    /// <inheritdoc />
    public string Category => "ldpc-encode-srsran";

    /// <inheritdoc />
    public string Description => "LDPC encoding, 10 codewords per lifting size and base graph (TS 38.212 §5.3.2), srsRAN";

    /// <inheritdoc />
    public string RelativeFolder => "srsran_4g/ldpc";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "examplesBG*.dat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        LdpcBaseGraph bg = Path.GetFileName(caseId).Contains("BG1", StringComparison.Ordinal) ? LdpcBaseGraph.Bg1 : LdpcBaseGraph.Bg2;
        string[] lines = File.ReadAllLines(caseId);
        int codewords = 0, sizes = 0;
        int i = 0;
        while (i < lines.Length)
        {
            string header = lines[i].Trim();
            if (header.Length == 0)
            {
                i++;
                continue;
            }

            if (!header.StartsWith("ls", StringComparison.Ordinal) || !header.EndsWith("msgs", StringComparison.Ordinal))
            {
                return CaseResult.Fail($"line {i + 1}: expected 'ls<Z>msgs', found '{header}'");
            }

            int zc = int.Parse(header.AsSpan(2, header.Length - 6), CultureInfo.InvariantCulture);
            LdpcCode code = LdpcCode.Get(bg, zc);
            int messageStart = i + 1;
            int codewordHeader = messageStart + 10;
            if (codewordHeader >= lines.Length || lines[codewordHeader].Trim() != $"ls{zc}cwds")
            {
                return CaseResult.Fail($"line {codewordHeader + 1}: expected 'ls{zc}cwds'");
            }

            for (int m = 0; m < 10; m++)
            {
                (byte[] message, _) = Parse(lines[messageStart + m]);
                (byte[] expected, bool[] fillers) = Parse(lines[codewordHeader + 1 + m]);
                string? diff = LdpcVectorBits.EncodeAndCompare(_encoder, code, message, expected, fillers, $"codeword {m}");
                if (diff is not null)
                {
                    return CaseResult.Fail(diff);
                }

                codewords++;
            }

            sizes++;
            i = codewordHeader + 11;
        }

        return sizes == 51 ? CaseResult.Pass($"BG{(int)bg}: {codewords} codewords, {sizes} lifting sizes") : CaseResult.Fail($"{sizes} lifting sizes found, expected 51");
    }

    private static (byte[] Bits, bool[] Fillers) Parse(string line)
    {
        string text = line.Trim();
        var values = new int[text.Length];
        for (int k = 0; k < text.Length; k++)
        {
            values[k] = text[k] switch
            {
                '0' => 0,
                '1' => 1,
                '-' => -1,
                _ => throw new InvalidDataException($"unexpected character '{text[k]}' in an LDPC example line."),
            };
        }

        return LdpcVectorBits.WithFillers(values);
    }
}
