using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.ChannelCoding.Polar;

namespace OpenRan.Conformance.Checks.Polar;

/// <summary>
/// TS 38.212 Table 5.3.1.2-1 (the polar reliability sequence in <see cref="Ts38212Table5_3_1_2_1"/>) against an
/// independent transcription: Sionna's <c>polar_5G.csv</c> (lines <c>i;Q_i</c>, least reliable first) or AFF3CT's
/// <c>5G_N_1024.pc</c> (header lines, then the indices from most to least reliable).
/// </summary>
public sealed class PolarSequenceCheck : IConformanceCheck
{
    private readonly bool _aff3ct;

    /// <summary>Creates the check for Sionna's CSV (<paramref name="aff3ct"/> false) or AFF3CT's .pc file (true).</summary>
    public PolarSequenceCheck(bool aff3ct) => _aff3ct = aff3ct;

    /// <inheritdoc />
    public string Category => _aff3ct ? "polar-sequence-aff3ct" : "polar-sequence";

    /// <inheritdoc />
    public string Description => $"polar reliability sequence, TS 38.212 Table 5.3.1.2-1 (vs {(_aff3ct ? "AFF3CT" : "Sionna")})";

    /// <inheritdoc />
    public string RelativeFolder => _aff3ct ? "aff3ct/polar" : "sionna/polar";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, _aff3ct ? "*.pc" : "*.csv");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        int[] reference;
        if (_aff3ct)
        {
            string[] lines = File.ReadAllLines(caseId);
            reference = lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).Reverse().ToArray();
            if (int.Parse(lines[0].Trim(), System.Globalization.CultureInfo.InvariantCulture) != reference.Length)
            {
                return CaseResult.Fail($"header says N = {lines[0].Trim()}, but {reference.Length} indices follow");
            }
        }
        else
        {
            reference = File.ReadAllLines(caseId).Where(l => l.Contains(';', StringComparison.Ordinal))
                .Select(l => int.Parse(l.Split(';')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }

        int[] ours = Ts38212Table5_3_1_2_1.ReliabilityOrder.ToArray().Select(v => (int)v).ToArray();
        string? diff = Compare.FirstDifference<int>(ours, reference, "Q_i");
        return diff is null ? CaseResult.Pass($"{ours.Length} entries equal") : CaseResult.Fail(diff);
    }
}
