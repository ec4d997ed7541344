using System.Collections.Generic;
using OpenRan.Phy.Upper.Channels.Pdcch;

namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>
/// A periodic PDCCH of a waveform (TS 38.211 §7.3.2, TS 38.213 §10.1): its CORESET, the candidate (a fixed first CCE, or a
/// candidate of a search space whose hashing moves it from slot to slot), aggregation level, identities, slots, power,
/// and the payload: DCI bits coded with the RNTI-masked CRC (TS 38.212 §7.3), or, uncoded, E = 108·L bits taken directly
/// (the NR test models).
/// </summary>
public sealed record DownlinkPdcch
{
    /// <summary>A label for annotations.</summary>
    public string Name { get; init; } = "PDCCH";

    /// <summary>The CORESET.</summary>
    public required CoresetConfiguration Coreset { get; init; }

    /// <summary>The search space whose candidate carries the PDCCH (hashing of TS 38.213 §10.1), or null to use <see cref="FirstCce"/>.</summary>
    public SearchSpaceConfiguration? SearchSpace { get; init; }

    /// <summary>The candidate index m within <see cref="SearchSpace"/> at <see cref="AggregationLevel"/>.</summary>
    public int Candidate { get; init; }

    /// <summary>The first CCE when no search space is given.</summary>
    public int FirstCce { get; init; }

    /// <summary>The slot symbol of CORESET symbol 0.</summary>
    public int FirstSymbol { get; init; }

    /// <summary>L: 1, 2, 4, 8 or 16.</summary>
    public int AggregationLevel { get; init; } = 1;

    /// <summary>The RNTI masking the CRC (and Y of a UE-specific search space).</summary>
    public int Rnti { get; init; }

    /// <summary>n_RNTI of the scrambling (the C-RNTI with pdcch-DMRS-ScramblingID in a UE-specific search space, else 0).</summary>
    public int ScramblingRnti { get; init; }

    /// <summary>The slots carrying the PDCCH.</summary>
    public SlotPattern Slots { get; init; } = SlotPattern.EverySlot;

    /// <summary>Power of the PDCCH and its DM-RS relative to unit energy per RE, dB.</summary>
    public double PowerDb { get; init; }

    /// <summary>True: DCI coding of <see cref="PayloadBits"/> bits; false: 108·L bits mapped as the codeword.</summary>
    public bool Coded { get; init; } = true;

    /// <summary>The DCI payload size (coded), 1..140.</summary>
    public int PayloadBits { get; init; } = 20;

    /// <summary>Where the payload (or codeword) bits come from.</summary>
    public BitSourceDefinition Data { get; init; } = BitSourceDefinition.Pn23;

    /// <summary>The antenna port.</summary>
    public int Port { get; init; }

    /// <summary>The problems of this PDCCH; empty when valid.</summary>
    public IReadOnlyList<string> Validate(int slotsPerFrame)
    {
        var problems = new List<string>();
        try
        {
            Coreset.Validate();
        }
        catch (System.ArgumentException ex)
        {
            problems.Add($"{Name}.Coreset: {ex.Message}");
        }

        if (AggregationLevel is not (1 or 2 or 4 or 8 or 16))
        {
            problems.Add($"{Name}.AggregationLevel = {AggregationLevel}; valid: 1, 2, 4, 8, 16");
        }

        if (FirstSymbol < 0 || FirstSymbol + Coreset.Duration > 14)
        {
            problems.Add($"{Name}.FirstSymbol = {FirstSymbol}; valid: 0..{14 - Coreset.Duration} for a {Coreset.Duration}-symbol CORESET");
        }

        if (Rnti is < 0 or > 65535 || ScramblingRnti is < 0 or > 65535)
        {
            problems.Add($"{Name}.Rnti = {Rnti}, ScramblingRnti = {ScramblingRnti}; valid: 0..65535");
        }

        if (SearchSpace is { Common: false } && Rnti == 0)
        {
            problems.Add($"{Name}: a UE-specific search space needs Rnti 1..65535 (Y_(p,−1) = n_RNTI)");
        }

        if (Coded && PayloadBits is < 1 or > 140)
        {
            problems.Add($"{Name}.PayloadBits = {PayloadBits}; valid: 1..140");
        }

        if (!double.IsFinite(PowerDb) || System.Math.Abs(PowerDb) > 30)
        {
            problems.Add($"{Name}.PowerDb = {PowerDb}; valid: −30..30 dB");
        }

        return problems;
    }
}
