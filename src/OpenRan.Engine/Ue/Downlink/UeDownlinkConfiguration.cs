using System;
using System.Collections.Generic;
using System.Globalization;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>What <see cref="UeDownlinkReceiver"/> is told about a recording.</summary>
public sealed record UeDownlinkConfiguration
{
    /// <summary>The sample rate in Hz.</summary>
    public required double SampleRateHz { get; init; }

    /// <summary>The RF frequency of the recording's DC (its centre frequency) in Hz.</summary>
    public required double CenterFrequencyHz { get; init; }

    /// <summary>The centre of the SS/PBCH block (SS_REF) in Hz, or null to scan the synchronization raster (GSCN, TS 38.104 §5.4.3) inside the band.</summary>
    public double? SsbFrequencyHz { get; init; }

    /// <summary>The block's subcarrier spacing in kHz, or null for the band's SS raster entries.</summary>
    public int? SsbSubcarrierSpacingKhz { get; init; }

    /// <summary>The largest carrier frequency offset searched, in whole SSB subcarriers either side (0..4). Default 2.</summary>
    public int MaxIntegerFrequencyOffsetSubcarriers { get; init; } = 2;

    /// <summary>RNTIs whose DCIs (format 1_0 in CORESET#0's common search space) are searched in every slot, besides SI-RNTI.</summary>
    public IReadOnlyList<UeRnti> Rntis { get; init; } = [];

    /// <summary>A UE's dedicated downlink (C-RNTI DCI 1_1 on CORESET#1 and its PDSCH), or null.</summary>
    public UeDedicatedDownlink? Dedicated { get; init; }

    /// <summary>The cell description, or null to learn everything from the SS/PBCH blocks.</summary>
    public UeCellDescription? Cell { get; init; }

    /// <summary>A CORESET other than CORESET#0 on which <see cref="Rntis"/> are searched (DCI 1_0), or null.</summary>
    public UeCoresetDescription? Coreset { get; init; }

    /// <summary>The search space on <see cref="Coreset"/>: <c>common1</c>, <c>common3</c> (common) or <c>ue</c> (UE-specific).</summary>
    public string CoresetSearchSpace { get; init; } = "common3";

    /// <summary>The problems of this configuration, each naming the option and its valid range; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!(SampleRateHz >= 1e6 && SampleRateHz <= 1e9))
        {
            problems.Add(Invariant($"sample rate {SampleRateHz} Hz; valid: 1e6..1e9 Hz, a multiple of 128·Δf (1.92 MHz at 15 kHz, 3.84 MHz at 30 kHz)"));
        }

        if (!(CenterFrequencyHz > 0 && CenterFrequencyHz <= 100e9))
        {
            problems.Add(Invariant($"centre frequency {CenterFrequencyHz} Hz; valid: (0, 100e9] Hz"));
        }

        if (SsbFrequencyHz is double ssb && !(Math.Abs(ssb - CenterFrequencyHz) < SampleRateHz / 2))
        {
            problems.Add(Invariant($"SSB frequency {ssb} Hz lies outside the recorded band {CenterFrequencyHz - (SampleRateHz / 2)}..{CenterFrequencyHz + (SampleRateHz / 2)} Hz"));
        }

        if (SsbSubcarrierSpacingKhz is int scs && scs is not (15 or 30))
        {
            problems.Add($"SSB subcarrier spacing {scs} kHz; valid: 15 or 30 (FR1)");
        }

        if (MaxIntegerFrequencyOffsetSubcarriers is < 0 or > 4)
        {
            problems.Add($"integer frequency offset search ±{MaxIntegerFrequencyOffsetSubcarriers} subcarriers; valid: 0..4");
        }

        foreach (UeRnti rnti in Rntis)
        {
            if (rnti.Rnti is < 1 or > 0xFFFF)
            {
                problems.Add($"RNTI {rnti.Rnti}; valid: 1..65535 (0x0001..0xFFFF)");
            }
        }

        if (Coreset is { } coreset)
        {
            problems.AddRange(coreset.Validate());
        }

        if (CoresetSearchSpace is not ("common1" or "common3" or "ue"))
        {
            problems.Add($"--search-space {CoresetSearchSpace} on --coreset; valid: common1 | common3 | ue");
        }

        if (Cell is { } cell)
        {
            Check(problems, cell.Pci, 0, 1007, "--pci");
            Check(problems, cell.CarrierPrbs, 1, 275, "--prb");
            Check(problems, cell.FirstSlot, 0, 19, "--slot");
            Check(problems, cell.Coreset0Index, 0, 15, "--coreset0-index");
            Check(problems, cell.SearchSpaceZero, 0, 15, "--search-space-zero");
            Check(problems, cell.DmrsTypeAPosition, 2, 3, "--dmrs-typea-position");
            if (cell.SubcarrierSpacingKhz is int cellScs && cellScs is not (15 or 30))
            {
                problems.Add($"--scs-khz {cellScs}; valid: 15 or 30 (FR1)");
            }

            if (cell.FirstSlot is int slot && cell.SubcarrierSpacingKhz is int s && slot >= 10 * (s / 15))
            {
                problems.Add($"--slot {slot}; valid: 0..{(10 * (s / 15)) - 1} at {s} kHz");
            }
        }

        return problems;
    }

    private static void Check(List<string> problems, int? value, int min, int max, string option)
    {
        if (value is int v && (v < min || v > max))
        {
            problems.Add($"{option} {v}; valid: {min}..{max}");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
