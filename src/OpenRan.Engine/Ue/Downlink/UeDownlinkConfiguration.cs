using System;
using System.Collections.Generic;
using System.Globalization;
using OpenRan.Phy.Upper.Channels.Dci;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>An RNTI the receiver searches DCIs for besides SI-RNTI.</summary>
/// <param name="Rnti">The RNTI value, 1..65535.</param>
/// <param name="Type">Its type (selects the DCI 1_0 fields and the PDSCH scrambling).</param>
public readonly record struct UeRnti(int Rnti, DciRntiType Type);

/// <summary>
/// The cell as described by the user for a recording without (or instead of) SS/PBCH blocks: the information srsRAN's
/// <c>ue_dl_nr_file_test</c> takes. Every field left null is taken from the MIB when a block is decoded; a field that is
/// given and contradicts the MIB is an error naming the option.
/// </summary>
public sealed record UeCellDescription
{
    /// <summary>N_ID^cell, 0..1007 (<c>--pci</c>).</summary>
    public int? Pci { get; init; }

    /// <summary>The carrier bandwidth in resource blocks, 1..275 (<c>--prb</c>).</summary>
    public int? CarrierPrbs { get; init; }

    /// <summary>The subcarrier spacing of the carrier (and of CORESET#0) in kHz, 15 or 30 (<c>--scs-khz</c>).</summary>
    public int? SubcarrierSpacingKhz { get; init; }

    /// <summary>The slot number (in the frame) that the recording's first sample starts (<c>--slot</c>).</summary>
    public int? FirstSlot { get; init; }

    /// <summary>The NR-ARFCN of the carrier centre (<c>--dl-arfcn</c>).</summary>
    public int? DownlinkArfcn { get; init; }

    /// <summary>The NR-ARFCN of the SS/PBCH block centre (<c>--ssb-arfcn</c>).</summary>
    public int? SsbArfcn { get; init; }

    /// <summary>controlResourceSetZero, 0..15 (<c>--coreset0-index</c>).</summary>
    public int? Coreset0Index { get; init; }

    /// <summary>searchSpaceZero, 0..15 (the 4 LSBs of pdcch-ConfigSIB1).</summary>
    public int? SearchSpaceZero { get; init; }

    /// <summary>dmrs-TypeA-Position, 2 or 3.</summary>
    public int? DmrsTypeAPosition { get; init; }

    /// <summary>Whether the description is complete enough to decode without an SS/PBCH block.</summary>
    public bool IsComplete => Pci is not null && CarrierPrbs is not null && SubcarrierSpacingKhz is not null && DownlinkArfcn is not null && SsbArfcn is not null && Coreset0Index is not null;
}

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

    /// <summary>The cell description, or null to learn everything from the SS/PBCH blocks.</summary>
    public UeCellDescription? Cell { get; init; }

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
