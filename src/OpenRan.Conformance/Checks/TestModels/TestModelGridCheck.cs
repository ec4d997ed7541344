using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.TestModels;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Downlink;

namespace OpenRan.Conformance.Checks.TestModels;

/// <summary>
/// TS 38.141-1 §4.9.2 test models against MATLAB's grids (<c>py5gphy_matlab/test_models/nr_fr1_tm</c>, from
/// hNRReferenceWaveformGenerator with channel coding on and the pattern payloads of <see cref="NrTestModelData.MatlabPattern"/>):
/// the model named by <c>dlnrref</c> at <c>BW</c>, <c>Scs</c>, <c>dm</c> and <c>ncellid</c> is built by
/// <see cref="NrTestModelFactory"/>, its PDSCH sequences must use the MCS of <c>imcs_list</c>, and every slot composed by
/// <see cref="DownlinkSlotComposer"/> must equal <c>fd_slot_data</c> within 1e-5 (first difference reported).
/// </summary>
public sealed class TestModelGridCheck : IConformanceCheck
{
    /// <summary>Complex tolerance.</summary>
    public const double Tolerance = 1e-5;

    /// <inheritdoc />
    public string Category => "test-models";

    /// <inheritdoc />
    public string Description => "NR-FR1 test models (TS 38.141-1 §4.9.2): PDCCH/PDSCH layout, TDD pattern, boosting; grids vs MATLAB";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/test_models/nr_fr1_tm";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        string name = ((MatCharArray)mat["dlnrref"]).Text;
        int scs = mat.Numeric("Scs").ScalarInt32;
        int bandwidth = mat.Numeric("BW").ScalarInt32;
        string duplexText = ((MatCharArray)mat["dm"]).Text;
        DuplexMode duplex = duplexText.Equals("TDD", StringComparison.OrdinalIgnoreCase) ? DuplexMode.Tdd : DuplexMode.Fdd;
        int cell = mat.Numeric("ncellid").ScalarInt32;
        NrTestModel model = NrTestModels.Parse(name);
        DownlinkWaveformConfiguration configuration = NrTestModelFactory.Create(model, bandwidth, scs, duplex, cell, NrTestModelData.MatlabPattern);

        int[] mcs = mat.Numeric("imcs_list").ToInt32Array();
        if (mcs.Length != configuration.Pdsch.Count)
        {
            return CaseResult.Fail($"{configuration.Pdsch.Count} PDSCH sequences built, imcs_list lists {mcs.Length}");
        }

        for (int i = 0; i < mcs.Length; i++)
        {
            double rate = configuration.Pdsch[i].Configuration.TargetCodeRate;
            McsTable table = configuration.Pdsch[i].Configuration.Modulation == Phy.Upper.Modulation.ModulationScheme.Qam1024 ? McsTable.Qam1024 : McsTable.Qam256;
            if (Math.Abs(McsTables.Lookup(table, mcs[i]).TargetCodeRate - rate) > 1e-12)
            {
                return CaseResult.Fail($"PDSCH sequence {i} ({configuration.Pdsch[i].Name}): R = {rate * 1024} / 1024, imcs_list gives MCS {mcs[i]}");
            }
        }

        var composer = new DownlinkSlotComposer(configuration);
        Complex[] expected = mat.Numeric("fd_slot_data").ToComplexArray();
        int k = configuration.Carrier.SubcarrierCount;
        int perSlot = 14 * k;
        int slots = expected.Length / perSlot;
        if (slots * perSlot != expected.Length || slots != configuration.PeriodSlots)
        {
            return CaseResult.Fail($"fd_slot_data holds {expected.Length} values; {configuration.PeriodSlots} slots × 14 × {k} expected");
        }

        for (int slot = 0; slot < slots; slot++)
        {
            composer.Compose(slot);
            string? diff = Compare.FirstDifference(composer.Grid.Port(0), expected.AsSpan(slot * perSlot, perSlot), Tolerance, $"slot {slot} grid (symbol·{k} + k)");
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }
        }

        return CaseResult.Pass(string.Create(CultureInfo.InvariantCulture, $"{configuration.Name}: {slots} slots, {configuration.Pdsch.Count} PDSCH sequences (MCS {string.Join(",", mcs)}), PCI {cell}"));
    }
}
