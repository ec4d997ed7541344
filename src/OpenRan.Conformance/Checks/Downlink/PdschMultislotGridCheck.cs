using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using OpenRan.Conformance.Cases;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Downlink;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.CsiRs;

namespace OpenRan.Conformance.Checks.Downlink;

/// <summary>
/// The PDSCH slots of MATLAB's multi-slot vectors (<c>py5gphy_matlab/pdsch/pdsch_multislot</c>, 40 or 80 slots) on the
/// slot grid: each slot's PDSCH (DL-SCH with the file's transport blocks and RV sequence, DM-RS at the dataset's amplitude)
/// is composed by <see cref="DownlinkSlotComposer"/>, rate-matched around the resources the files leave undescribed, and
/// every resource element outside those resources must equal <c>fd_slot_data</c> within 1e-5.
/// </summary>
/// <remarks>
/// The reserved resources: the SS/PBCH blocks of the dataset's generator (as in <c>dl_waveform/mixed</c>: case A or B, blocks
/// {0, 1}, 20 ms; here centred on the carrier, MATLAB's default: block subcarrier 0 at carrier subcarrier K/2 − 120; their
/// resource blocks are not available in their symbols, DM-RS included); a CSI-RS
/// resource of row 3 (k_0 = 0, l_0 = 10, density 1, period 10 slots, offset 3) whose number of resource blocks is the
/// shortfall of G (<c>G_out</c>) in a CSI-RS slot without PDCCH, two elements per block; and one PDCCH of one CCE in a
/// two-symbol CORESET from symbol 1 every 6 slots from slot 3, whose three resource blocks are located in the file where
/// they overwrite the PDSCH DM-RS symbol (the files do not store the PDCCH configuration, and its position follows no
/// search-space hashing the file's parameters give). The remaining elements (data and DM-RS) are then compared exactly, which
/// also checks G in every slot.
/// </remarks>
public sealed class PdschMultislotGridCheck : IConformanceCheck
{
    /// <summary>Complex tolerance.</summary>
    public const double Tolerance = 1e-5;

    /// <inheritdoc />
    public string Category => "pdsch-multislot-grid";

    /// <inheritdoc />
    public string Description => "PDSCH over 40/80 slots rate-matched around SSB, CSI-RS and PDCCH (TS 38.214 §5.1.4); grids vs MATLAB";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/pdsch/pdsch_multislot";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        int scs = mat.Numeric("scs").ScalarInt32;
        int mu = Numerology.FromSubcarrierSpacingKhz(scs).Mu;
        int[] g = mat.Numeric("G_out").ToInt32Array();
        int slots = g.Length;
        Complex[] reference = mat.Numeric("fd_slot_data").ToComplexArray();
        int k = reference.Length / (slots * NrConstants.SymbolsPerSlotNormalCp);
        int nrb = k / NrConstants.SubcarriersPerRb;
        DownlinkPdsch pdsch = MatlabMixedWaveformCase.PdschFromFile(mat, mu, nrb);
        int bitsPerElement = pdsch.Configuration.Modulation.BitsPerSymbol() * pdsch.Configuration.LayerCount;
        int gMax = g.Max();

        // CSI-RS bandwidth from G in a CSI-RS slot (s mod 10 = 3) that carries no PDCCH (s mod 6 ≠ 3).
        int csiSlot = Enumerable.Range(0, slots).First(s => s % 10 == 3 && s % 6 != 3);
        int csiElements = (gMax - g[csiSlot]) / bitsPerElement;
        if (csiElements <= 0 || csiElements % 2 != 0)
        {
            return CaseResult.Fail($"slot {csiSlot}: G = {g[csiSlot]} against {gMax} does not leave whole two-element CSI-RS blocks");
        }

        var csiRs = new CsiRsConfiguration
        {
            RowNumber = 3, FrequencyDomainAllocation = 1, Density = CsiRsDensity.One, FirstSymbol = 10, StartRb = 0, RbCount = csiElements / 2,
            PeriodicitySlots = 10, OffsetSlots = 3, ZeroPower = true,
        };

        // PDCCH: three resource blocks where the PDSCH DM-RS symbol holds unit-magnitude elements instead of DM-RS.
        int dmrsSymbol = System.Numerics.BitOperations.TrailingZeroCount(pdsch.Configuration.BuildLayout().DmrsSymbolMask);
        var pdcch = new List<DownlinkPdcch>();
        var pdcchRbs = new Dictionary<int, int>();
        for (int s = 3; s < slots; s += 6)
        {
            int firstRb = FirstOverwrittenRb(reference, s, dmrsSymbol, k);
            if (firstRb < 0 || firstRb % 3 != 0)
            {
                return CaseResult.Fail($"slot {s}: no PDCCH of one CCE (three resource blocks from a multiple of 3) found on symbol {dmrsSymbol}");
            }

            pdcchRbs[s] = firstRb;
            int groups = (firstRb / 6) + 1;
            pdcch.Add(new DownlinkPdcch
            {
                Name = $"PDCCH slot {s}",
                Coreset = new CoresetConfiguration(1, 0, [.. Enumerable.Repeat(true, groups)], 2, CceRegMapping.NonInterleaved, 6, 2, 0, PrecoderGranularity.SameAsRegBundle, 1),
                FirstSymbol = 1,
                FirstCce = firstRb / 3,
                AggregationLevel = 1,
                Rnti = 1,
                Slots = new SlotPattern(slots, [s]),
            });
        }

        int centred = ((k / 2) - 120) * scs / 15; // block subcarrier 0 above point A in 15 kHz subcarriers
        var configuration = new DownlinkWaveformConfiguration
        {
            Name = System.IO.Path.GetFileNameWithoutExtension(caseId),
            Carrier = new DownlinkCarrier { Numerology = mu, NSizeGrid = nrb, NIdCell = MatlabMixedWaveformCase.CellId, AntennaPortCount = pdsch.Configuration.LayerCount },
            Ssb = MatlabMixedWaveformCase.GeneratorSsb(scs, centred / 12, centred % 12),
            Pdcch = pdcch,
            Pdsch = [pdsch],
            CsiRs = [new DownlinkCsiRs("CSI-RS (ZP here)", csiRs)],
        };
        var composer = new DownlinkSlotComposer(configuration);
        CsiRsPattern pattern = csiRs.Pattern;
        int perSlot = NrConstants.SymbolsPerSlotNormalCp * k;
        for (int s = 0; s < slots; s++)
        {
            composer.Compose(s);
            ComplexF32[] ours = composer.Grid.Port(0).ToArray();
            Complex[] expected = reference.AsSpan(s * perSlot, perSlot).ToArray();
            foreach (DownlinkChannelAnnotation a in composer.Annotations)
            {
                if (a.Kind == DownlinkChannelKind.Ssb)
                {
                    Exclude(ours, expected, k, a.FirstSymbol, a.SymbolCount, a.FirstCrb * 12, a.CrbCount * 12);
                }
                else if (a.Kind == DownlinkChannelKind.Pdcch)
                {
                    Exclude(ours, expected, k, a.FirstSymbol, a.SymbolCount, a.FirstCrb * 12, a.CrbCount * 12);
                }
                else if (a.Kind == DownlinkChannelKind.ZpCsiRs)
                {
                    foreach (int n in pattern.CarriedBlocks(0, nrb))
                    {
                        foreach (CsiRsResourceElement re in pattern.Elements)
                        {
                            Exclude(ours, expected, k, re.Symbol, 1, (n * 12) + re.Subcarrier, 1);
                        }
                    }
                }
            }

            string? diff = Compare.FirstDifference(ours, expected, Tolerance, $"slot {s} (G {g[s]}) grid (symbol·{k} + k)");
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }
        }

        return CaseResult.Pass(string.Create(CultureInfo.InvariantCulture, $"{slots} slots; CSI-RS row 3 on {csiRs.RbCount} RBs; PDCCH at RBs {string.Join(",", pdcchRbs.Values.Select(r => r.ToString(CultureInfo.InvariantCulture)))}"));
    }

    private static int FirstOverwrittenRb(Complex[] reference, int slot, int symbol, int k)
    {
        int offset = ((slot * NrConstants.SymbolsPerSlotNormalCp) + symbol) * k;
        for (int i = 0; i < k; i++)
        {
            if (Math.Abs(reference[offset + i].Magnitude - 1) < 1e-6)
            {
                return i / NrConstants.SubcarriersPerRb;
            }
        }

        return -1;
    }

    private static void Exclude(ComplexF32[] ours, Complex[] expected, int k, int firstSymbol, int symbols, int firstSubcarrier, int subcarriers)
    {
        for (int l = firstSymbol; l < firstSymbol + symbols; l++)
        {
            ours.AsSpan((l * k) + firstSubcarrier, subcarriers).Clear();
            expected.AsSpan((l * k) + firstSubcarrier, subcarriers).Clear();
        }
    }
}
