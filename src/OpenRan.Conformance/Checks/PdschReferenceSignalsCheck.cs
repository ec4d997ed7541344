using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;
using OpenRan.Phy.Upper.SignalProcessors.Ptrs;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// PDSCH DM-RS and PT-RS resource elements and values (TS 38.211 §7.4.1.1, §7.4.1.2) against MATLAB's
/// <c>nrPDSCHDMRSIndices</c>/<c>nrPDSCHDMRS</c> and <c>nrPDSCHPTRSIndices</c>/<c>nrPDSCHPTRS</c> embedded in py3gpp's tests
/// (<c>py3gpp/pdsch.json</c>, configurations in its comments): 1-based column-major indices over the K×14 grid must
/// match exactly, values within 1e-5 (the references are rounded to 6 decimals: tolerance 1e-5 absolute).
/// </summary>
/// <remarks>
/// Carrier of both cases: 120 kHz, 132 PRB, N_ID^cell = 1, slot 0 (MATLAB defaults); PDSCH PRBs 0..131, symbols 2..13,
/// mapping type A, NIDNSCID 1, n_SCID 0, RNTI 1, port 1000. Case "dmrs": type 1, one CDM group without data,
/// dmrs-TypeA-Position 2, additional position 3. Case "ptrs": type 2, dmrs-TypeA-Position 3, additional position 3,
/// PT-RS L = 2, K = 4, resourceElementOffset '11' (MATLAB's default of two CDM groups without data).
/// </remarks>
public sealed class PdschReferenceSignalsCheck : IConformanceCheck
{
    /// <summary>Absolute tolerance: the references carry 6 decimals.</summary>
    public const double Tolerance = 1e-5;

    /// <inheritdoc />
    public string Category => "pdsch-dmrs-ptrs";

    /// <inheritdoc />
    public string Description => "PDSCH DM-RS and PT-RS indices and values (TS 38.211 §7.4.1.1, §7.4.1.2)";

    /// <inheritdoc />
    public string RelativeFolder => "py3gpp";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder)
    {
        string path = Path.Combine(folder, "pdsch.json");
        return File.Exists(path) ? [path + "#dmrs", path + "#ptrs"] : [];
    }

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        bool ptrs = caseId.EndsWith("#ptrs", System.StringComparison.Ordinal);
        Py3gppVectorFile file = Py3gppVectorFile.Load(caseId[..caseId.LastIndexOf('#')]);
        var configuration = new PdschConfiguration
        {
            Numerology = 3,
            NSizeGrid = 132,
            NSizeBwp = 132,
            NIdCell = 1,
            PrbSet = [.. Enumerable.Range(0, 132)],
            StartSymbol = 2,
            SymbolCount = 12,
            NRnti = 1,
            NId = 1,
            Dmrs = new DmrsConfiguration
            {
                ConfigurationType = ptrs ? DmrsConfigurationType.Type2 : DmrsConfigurationType.Type1,
                TypeAPosition = ptrs ? 3 : 2,
                AdditionalPosition = 3,
                CdmGroupsWithoutData = ptrs ? 2 : 1,
                ScramblingId0 = 1,
                ScramblingId1 = 1,
                Ports = [0],
            },
            Ptrs = ptrs ? new PtrsConfiguration { TimeDensity = 2, FrequencyDensity = 4, ResourceElementOffset = 3 } : null,
        };
        SharedChannelLayout layout = configuration.BuildLayout();
        var grid = new ResourceGrid(1, 14, 132 * 12);
        var signals = new SharedChannelReferenceSignals();
        ResourceElementKind kind = ptrs ? ResourceElementKind.Ptrs : ResourceElementKind.Dmrs;
        if (ptrs)
        {
            signals.MapPtrs(grid, layout, 0);
        }
        else
        {
            signals.MapDmrs(grid, layout, 0, configuration.Dmrs.Beta);
        }

        var indices = new List<int>();
        var values = new List<ComplexF32>();
        int k = grid.SubcarrierCount;
        for (int l = 0; l < 14; l++)
        {
            System.ReadOnlySpan<ResourceElementKind> kinds = layout.Kinds(l);
            for (int a = 0; a < kinds.Length; a++)
            {
                // The DM-RS of port 1000 occupies the even subcarriers of its CDM group; skip the group's other port.
                if (kinds[a] == kind && grid[0, l, a] != ComplexF32.Zero)
                {
                    indices.Add((l * k) + a + 1);
                    values.Add(grid[0, l, a]);
                }
            }
        }

        string prefix = ptrs ? "pdschptrs" : "pdschdmrs";
        int[] expectedIndices = [.. file[$"{prefix}_indices_ref"].ToDoubles().Select(d => (int)d)];
        string? diff = Compare.FirstDifference<int>(indices.ToArray(), expectedIndices, $"{prefix} indices (1-based, column-major)");
        if (diff is not null)
        {
            return CaseResult.Fail(diff);
        }

        Complex[] expectedValues = file[$"{prefix}_symbols_ref"].ToComplex();
        diff = Compare.FirstDifference(values.ToArray(), expectedValues, Tolerance, $"{prefix} values");
        return diff is null ? CaseResult.Pass($"{indices.Count} resource elements") : CaseResult.Fail(diff);
    }
}
