using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Conformance.Checks.Ssb;

/// <summary>
/// End to end on a real over-the-air capture (<c>srsran_4g/iq/ue_dl_nr_pci500_rb52_si_coreset0_idx6_s15.36e6.dat</c>,
/// AGPL data read from ../shared; README §2.3): one 1 ms slot at 15.36 Msps from a band n3 gNB, 52 PRB at 15 kHz centred at
/// 1842.5 MHz, SS/PBCH block centred at 1842.05 MHz (case A, L_max = 4). Slot 0 is OFDM-demodulated (FFT 1024), the
/// block (symbols 2..5) is found by PSS/SSS and its PBCH decoded, and the MIB must match srsRAN's decode in
/// <c>srsran_4g/expected/expected.json</c>. Then CORESET#0 and the Type0-PDCCH occasion follow from the MIB (TS 38.213
/// Tables 13-1 and 13-11) and the blind search for SI-RNTI must find srsRAN's DCI 1_0 (aggregation level 2^L, CCE, FDRA,
/// TDRA, MCS, RV).
/// </summary>
public sealed class SrsranCaptureCheck : IConformanceCheck
{
    private const double CarrierHz = 1842.5e6;
    private const double SsbCenterHz = 1842.05e6;
    private const int CarrierRbs = 52;

    /// <inheritdoc />
    public string Category => "srsran-capture";

    /// <inheritdoc />
    public string Description => "real gNB capture: OFDM demodulation, cell search, PBCH/MIB, CORESET#0 from the MIB, SI-RNTI DCI blind search";

    /// <inheritdoc />
    public string RelativeFolder => "srsran_4g/iq";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "ue_dl_nr_pci500_rb52_si_coreset0_idx6_s15.36e6.dat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        string expectedPath = SrsranCaptureData.ExpectedPath(caseId);
        if (!File.Exists(expectedPath))
        {
            return CaseResult.Skip($"{expectedPath} not found");
        }

        using JsonDocument expectedJson = JsonDocument.Parse(File.ReadAllBytes(expectedPath));
        JsonElement ssbExpected = expectedJson.RootElement.GetProperty(Path.GetFileName(caseId) + " (SSB part)");
        JsonElement dciExpected = expectedJson.RootElement.GetProperty(Path.GetFileName(caseId)).GetProperty("dci");

        ComplexF32[] samples = SrsranCaptureData.ReadSamples(caseId);
        var timing = new OfdmTiming(new Numerology(0), CyclicPrefix.Normal, 1024);
        var demodulator = new OfdmDemodulator(new OfdmConfiguration { Timing = timing, NSizeGrid = CarrierRbs });
        var grid = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, CarrierRbs * NrConstants.SubcarriersPerRb);
        demodulator.Demodulate(samples.AsSpan(0, demodulator.SlotSampleCount(0)), 0, grid, 0);

        // The block's centre (its subcarrier 120) sits (f_SSB − f_c)/Δf subcarriers from the carrier centre (grid K/2).
        int firstSubcarrier = (grid.SubcarrierCount / 2) + (int)Math.Round((SsbCenterHz - CarrierHz) / 15e3) - (SsbResourceMap.SubcarrierCount / 2);
        var firstSymbols = new int[4];
        SsbBlockPattern.FirstSymbols(SsbCase.A, 4, firstSymbols);
        CellIdentity cell = new CellIdentityDetector().Detect(grid, 0, firstSymbols[0], firstSubcarrier);
        PbchReceiveResult pbch = new PbchReceiver().Receive(grid, 0, firstSymbols[0], firstSubcarrier, cell.NIdCell, 4);
        if (cell.NIdCell != ssbExpected.GetProperty("pci").GetInt32() || !pbch.CrcPassed || pbch.Mib is not Mib mib)
        {
            return CaseResult.Fail($"cell {cell.NIdCell} (PSS {cell.PssMetric:F2}, SSS {cell.SssMetric:F2}), PBCH CRC {pbch.CrcPassed}");
        }

        string? mismatch = SrsranCaptureData.MibDifference(ssbExpected, mib, pbch);
        if (mismatch is not null)
        {
            return CaseResult.Fail($"MIB differs from srsRAN's: {mismatch}");
        }

        // CORESET#0 and the Type0-PDCCH CSS occasion of block 0 from the MIB.
        Coreset0Row row = Ts38213Table13.Coreset0(15, mib.SubCarrierSpacingCommon ? 30 : 15, false, mib.ControlResourceSetZero)
            ?? throw new InvalidDataException($"controlResourceSetZero {mib.ControlResourceSetZero} is reserved");
        int ssbFirstCrb = (firstSubcarrier - (mib.SsbSubcarrierOffset & 0xF)) / NrConstants.SubcarriersPerRb;
        var coreset = new Coreset(Type0PdcchCss.Coreset0(row, ssbFirstCrb, mib.SsbSubcarrierOffset, cell.NIdCell));
        Type0Occasion occasion = Type0PdcchCss.Occasion(mib.SearchSpaceZero, pbch.SsbIndex, 0, row.SymbolCount);
        var sizes = new DciSizes0_0And1_0(row.RbCount, CarrierRbs, CommonSearchSpace: true);
        var results = new[] { new PdcchDetection(), new PdcchDetection() };
        ushort[] rntis = [0xFFFF];
        int found = new PdcchReceiver().Search(grid, 0, new PdcchSearchRequest(occasion.Slot, coreset, Type0PdcchCss.SearchSpace(occasion.FirstSymbol), 0, 0, cell.NIdCell), [sizes.Size], rntis, 1, results);
        if (found == 0)
        {
            return CaseResult.Fail($"no SI-RNTI DCI in CORESET#0 (CRB {coreset.Configuration.FirstRb}, {row.RbCount} RB, {row.SymbolCount} symbol(s))");
        }

        PdcchDetection detection = results[0];
        Dci1_0 dci = sizes.Parse1_0(detection.Payload.AsSpan(0, sizes.Size), DciRntiType.SiRnti);
        int level = 1 << int.Parse(dciExpected.GetProperty("L").GetString()!, CultureInfo.InvariantCulture);
        int[] expected =
        [
            level,
            int.Parse(dciExpected.GetProperty("cce").GetString()!, CultureInfo.InvariantCulture),
            Convert.ToInt32(dciExpected.GetProperty("f_alloc").GetString(), 16),
            Convert.ToInt32(dciExpected.GetProperty("t_alloc").GetString(), 16),
            int.Parse(dciExpected.GetProperty("mcs").GetString()!, CultureInfo.InvariantCulture),
            int.Parse(dciExpected.GetProperty("rv").GetString()!, CultureInfo.InvariantCulture),
        ];
        int[] actual = [detection.AggregationLevel, detection.FirstCce, dci.FrequencyDomainAssignment, dci.TimeDomainAssignment, dci.Mcs, dci.RedundancyVersion];
        string? dciDiff = Compare.FirstDifference<int>(actual, expected, "[L, CCE, FDRA, TDRA, MCS, RV]");
        return dciDiff is null
            ? CaseResult.Pass(FormattableString.Invariant($"PCI {cell.NIdCell}, SFN {mib.SystemFrameNumber}, k_SSB {mib.SsbSubcarrierOffset}; DCI 1_0 SI-RNTI at L {detection.AggregationLevel} CCE {detection.FirstCce} (DM-RS metric {detection.DmrsMetric:F2})"))
            : CaseResult.Fail(dciDiff);
    }
}
