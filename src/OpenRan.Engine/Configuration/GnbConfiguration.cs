using System.Collections.Generic;

namespace OpenRan.Engine.Configuration;

/// <summary>
/// The cell configuration file of <c>openran gnb</c> as written (the role of srsRAN's <c>gnb.yml</c>): every section with
/// its defaults applied, nothing derived yet. <see cref="CellSetup.Derive"/> turns it into the validated, derived
/// <see cref="CellSetup"/> the engine runs.
/// </summary>
public sealed record GnbConfiguration
{
    /// <summary>The carrier: band, frequency, bandwidth, numerology, PCI, duplex.</summary>
    public CellOptions Cell { get; init; } = new();

    /// <summary>SS/PBCH blocks.</summary>
    public SsbOptions Ssb { get; init; } = new();

    /// <summary>CORESET#0, searchSpaceZero and the test UE's CORESET#1.</summary>
    public PdcchOptions Pdcch { get; init; } = new();

    /// <summary>SIB1 bytes and scheduling.</summary>
    public Sib1Options Sib1 { get; init; } = new();

    /// <summary>PRACH configuration (RACH-ConfigCommon).</summary>
    public PrachOptions Prach { get; init; } = new();

    /// <summary>PUCCH resources (the set the test UE uses for HARQ-ACK).</summary>
    public IReadOnlyList<PucchResourceOptions> Pucch { get; init; } = [new PucchResourceOptions()];

    /// <summary>
    /// <c>pucch-resource-common</c>, 0..15: the row of TS 38.213 Table 9.2.1-1 (pucch-ResourceCommon of PUCCH-ConfigCommon)
    /// whose resource r_PUCCH = ⌊2·n_CCE,0/N_CCE⌋ + 2·Δ_PRI carries a Msg4's HARQ-ACK (TS 38.213 §8.4, §9.2.1); null
    /// (absent): resource 0 of <see cref="Pucch"/> stands for it.
    /// </summary>
    public int? PucchResourceCommon { get; init; }

    /// <summary>Antennas.</summary>
    public AntennaOptions Antennas { get; init; } = new();

    /// <summary>The radio.</summary>
    public RadioOptions Radio { get; init; } = new();

    /// <summary>The slot engine (advance, workers, budgets).</summary>
    public EngineOptions Engine { get; init; } = new();

    /// <summary>The phy-test scheduler's test UE.</summary>
    public TestUeOptions TestUe { get; init; } = new();

    /// <summary>Where each key stood in the file (for errors found during derivation).</summary>
    public SourceMap Source { get; init; } = new("(defaults)");
}
