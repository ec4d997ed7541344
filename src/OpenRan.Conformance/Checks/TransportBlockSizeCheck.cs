using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.Channels;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// TBS determination (TS 38.214 §5.1.3.2) against MATLAB <c>nrTBS</c> values embedded in py3gpp's tests
/// (<c>py3gpp/test_nrTBS.json</c>, AGPL data read in place): one codeword (16QAM, 4 layers, 52 PRB, 120 RE/PRB, R = 0.48,
/// xOverhead 6, scaling 0.25 → 11272) and two codewords over 8 layers (4 + 4 layers per TS 38.211 Table 7.3.1.3-1).
/// </summary>
public sealed class TransportBlockSizeCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "tbs";

    /// <inheritdoc />
    public string Description => "Transport block size determination (TS 38.214 §5.1.3.2), MATLAB nrTBS via py3gpp";

    /// <inheritdoc />
    public string RelativeFolder => "py3gpp";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "test_nrTBS.json");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        Py3gppVectorFile file = Py3gppVectorFile.Load(caseId);
        List<Py3gppAssignment> a = file.Assignments.ToList();
        int checkedCount = 0;
        for (int i = 0; i < a.Count; i++)
        {
            if (a[i].Name != "modulation")
            {
                continue;
            }

            string[] modulations = a[i].Value.ValueKind == System.Text.Json.JsonValueKind.Array
                ? a[i].Value.EnumerateArray().Select(v => v.GetString()!).ToArray()
                : [a[i].Value.GetString()!];
            int layers = (int)Next(a, i, "nlayers")[0];
            int prbs = (int)Next(a, i, "nPRB")[0];
            int rePerPrb = (int)Next(a, i, "NREPerPRB")[0];
            double[] rates = Next(a, i, "tcr");
            int overhead = (int)Next(a, i, "xOh")[0];
            double scaling = Next(a, i, "tbScaling")[0];
            double[] expected = a.Skip(i).First(x => x.Name.StartsWith("expected_result", System.StringComparison.Ordinal)).ToDoubles();
            for (int cw = 0; cw < modulations.Length; cw++)
            {
                // Layers per codeword for two codewords (TS 38.211 Table 7.3.1.3-1): ⌊υ/2⌋ and ⌈υ/2⌉.
                int cwLayers = modulations.Length == 1 ? layers : cw == 0 ? layers / 2 : layers - (layers / 2);
                int qm = ModulationMapperCheck.ParseScheme(modulations[cw], caseId) switch
                {
                    Phy.Upper.Modulation.ModulationScheme.Qpsk => 2,
                    Phy.Upper.Modulation.ModulationScheme.Qam16 => 4,
                    Phy.Upper.Modulation.ModulationScheme.Qam64 => 6,
                    Phy.Upper.Modulation.ModulationScheme.Qam256 => 8,
                    _ => throw new InvalidDataException($"{caseId}: unexpected modulation {modulations[cw]}"),
                };
                int resourceElements = System.Math.Min(TransportBlockSize.MaxResourceElementsPerPrb, rePerPrb - overhead) * prbs;
                int tbs = TransportBlockSize.FromResourceElements(resourceElements, rates[cw], qm, cwLayers, scaling);
                if (tbs != (int)expected[cw])
                {
                    return CaseResult.Fail($"line {a[i].Line} codeword {cw}: TBS {tbs}, expected {expected[cw]}");
                }

                checkedCount++;
            }
        }

        return checkedCount > 0 ? CaseResult.Pass($"{checkedCount} transport block sizes") : CaseResult.Fail("no TBS case found");
    }

    private static double[] Next(List<Py3gppAssignment> a, int from, string name) => a.Skip(from).First(x => x.Name == name).ToDoubles();
}
