using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// One PUCCH resource and its cell-level parameters (TS 38.331 PUCCH-Resource, PUCCH-FormatConfig, PUCCH-ConfigCommon;
/// TS 38.211 §6.3.2, §6.4.1.3; TS 38.213 §9.2). Immutable; <see cref="PucchConfigurationValidator"/> checks it once
/// (every bad field named with its valid range), and processors keep the derived <see cref="PucchLayout"/>.
/// </summary>
/// <remarks>
/// PRB indices are relative to the bandwidth part (TS 38.213 §9.2.1), symbols are within the slot. Fields that a format does
/// not use are ignored by it. Normal cyclic prefix (14 symbols per slot). The slot number n_s,f^μ is an argument of the
/// processors, not configuration.
/// </remarks>
public sealed record PucchConfiguration
{
    /// <summary>The PUCCH format.</summary>
    public PucchFormat Format { get; init; }

    /// <summary>Subcarrier spacing configuration μ (TS 38.211 §4.2), 0..4.</summary>
    public int Numerology { get; init; }

    /// <summary>N_BWP^start, first common resource block of the uplink bandwidth part, 0..2473.</summary>
    public int NStartBwp { get; init; }

    /// <summary>N_BWP^size, resource blocks of the bandwidth part, 1..275.</summary>
    public int NSizeBwp { get; init; } = 52;

    /// <summary>N_ID^cell, 0..1007: the default of <see cref="HoppingId"/>, <see cref="NId"/> and <see cref="NId0"/>.</summary>
    public int NIdCell { get; init; }

    /// <summary><c>startingSymbolIndex</c>: first symbol of the PUCCH in the slot, 0..13.</summary>
    public int StartSymbol { get; init; }

    /// <summary><c>nrofSymbols</c>, N_symb^PUCCH: 1..2 for formats 0 and 2, 4..14 for formats 1, 3 and 4.</summary>
    public int SymbolCount { get; init; } = 1;

    /// <summary><c>startingPRB</c>: first PRB (of the first hop) relative to the BWP, 0..N_BWP^size − 1.</summary>
    public int StartPrb { get; init; }

    /// <summary><c>nrofPRBs</c>: 1 for formats 0, 1 and 4; 1..16 for format 2; 1..16 of the form 2^a·3^b·5^c for format 3.</summary>
    public int PrbCount { get; init; } = 1;

    /// <summary>
    /// <c>secondHopPRB</c> relative to the BWP when <c>intraSlotFrequencyHopping</c> is enabled (TS 38.213 §9.2.1), else null.
    /// A short PUCCH (formats 0 and 2) hops only when it has 2 symbols; with 1 symbol the setting has no effect (as in MATLAB).
    /// </summary>
    public int? SecondHopPrb { get; init; }

    /// <summary><c>pucch-GroupHopping</c> (TS 38.211 §6.3.2.2.1); formats 0, 1, 3 and 4.</summary>
    public PucchGroupHopping GroupHopping { get; init; }

    /// <summary><c>hoppingId</c>, n_ID of sequence and cyclic-shift hopping, 0..1023; null → N_ID^cell (TS 38.211 §6.3.2.2).</summary>
    public int? HoppingId { get; init; }

    /// <summary><c>initialCyclicShift</c> m_0 of formats 0 and 1, 0..11 (TS 38.213 §9.2.3).</summary>
    public int InitialCyclicShift { get; init; }

    /// <summary><c>timeDomainOCC</c> i of format 1, 0..6, below every spreading factor of the resource (TS 38.211 Table 6.3.2.4.1-2).</summary>
    public int TimeDomainOcc { get; init; }

    /// <summary><c>dataScramblingIdentityPUSCH</c> n_ID for formats 2, 3 and 4, 0..1023; null → N_ID^cell (TS 38.211 §6.3.2.5.1).</summary>
    public int? NId { get; init; }

    /// <summary>n_RNTI (C-RNTI) for formats 2, 3 and 4, 0..65535.</summary>
    public int NRnti { get; init; } = 1;

    /// <summary><c>scramblingID0</c> N_ID^0 of the format 2 DM-RS, 0..65535; null → N_ID^cell (TS 38.211 §6.4.1.3.2.1).</summary>
    public int? NId0 { get; init; }

    /// <summary>Modulation of formats 3 and 4: <see cref="ModulationScheme.Qpsk"/> or <see cref="ModulationScheme.Pi2Bpsk"/> (<c>pi2BPSK</c>).</summary>
    public ModulationScheme Modulation { get; init; } = ModulationScheme.Qpsk;

    /// <summary><c>additionalDMRS</c> of formats 3 and 4 (TS 38.211 Table 6.4.1.3.3.2-1).</summary>
    public bool AdditionalDmrs { get; init; }

    /// <summary><c>occ-Length</c> N_SF^PUCCH,4 of format 4: 2 or 4.</summary>
    public int SpreadingFactor { get; init; } = 2;

    /// <summary><c>occ-Index</c> n of format 4, 0..N_SF − 1.</summary>
    public int OccIndex { get; init; }

    /// <summary>
    /// <c>maxCodeRate</c> R_UCI^max of formats 2, 3 and 4 (TS 38.213 Table 9.2.5.2-1: 0.08, 0.15, 0.25, 0.35, 0.45, 0.60,
    /// 0.80), used to split E_tot between UCI part 1 and part 2 (TS 38.212 Table 6.3.1.4.1-1).
    /// </summary>
    public double MaxCodeRate { get; init; } = 0.35;

    /// <summary>Whether the PUCCH hops within the slot (<see cref="SecondHopPrb"/> set, and 2 symbols for formats 0 and 2).</summary>
    public bool IntraSlotFrequencyHopping => SecondHopPrb.HasValue && !(Format is PucchFormat.Format0 or PucchFormat.Format2 && SymbolCount < 2);

    /// <summary>n_ID of sequence and cyclic-shift hopping: <see cref="HoppingId"/> or N_ID^cell.</summary>
    public int HoppingIdOrCell => HoppingId ?? NIdCell;

    /// <summary>n_ID of the data scrambling: <see cref="NId"/> or N_ID^cell.</summary>
    public int NIdOrCell => NId ?? NIdCell;

    /// <summary>N_ID^0 of the format 2 DM-RS: <see cref="NId0"/> or N_ID^cell.</summary>
    public int NId0OrCell => NId0 ?? NIdCell;

    /// <summary>Slots per frame, 10·2^μ.</summary>
    public int SlotsPerFrame => NrConstants.SubframesPerFrame << Numerology;

    /// <summary>Subcarrier spacing in Hz, 15 kHz·2^μ.</summary>
    public double SubcarrierSpacingHz => 15e3 * (1 << Numerology);
}
