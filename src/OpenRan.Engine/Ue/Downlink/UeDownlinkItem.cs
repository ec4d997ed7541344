using System.Collections.Generic;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// One thing the UE downlink receiver decoded (or, for a PDSCH, tried to decode): the common fields, then the fields of
/// its kind (the others keep their defaults).
/// </summary>
public sealed record UeDownlinkItem
{
    /// <summary>What this is.</summary>
    public required UeDownlinkItemKind Kind { get; init; }

    /// <summary>The system frame number, 0..1023 (−1 when unknown).</summary>
    public int Sfn { get; init; } = -1;

    /// <summary>The slot within the frame at the item's subcarrier spacing.</summary>
    public int Slot { get; init; }

    /// <summary>N_ID^cell.</summary>
    public int Pci { get; init; }

    /// <summary>The index of the first sample of the item in the recording (the slot's first sample for PDCCH/PDSCH).</summary>
    public long SampleIndex { get; init; }

    /// <summary>SS/PBCH block index (SSB, MIB).</summary>
    public int SsbIndex { get; init; }

    /// <summary>Half frame of the block, 0 or 1 (SSB, MIB).</summary>
    public int HalfFrame { get; init; }

    /// <summary>The block's centre frequency in Hz (SSB).</summary>
    public double SsbFrequencyHz { get; init; }

    /// <summary>Estimated carrier frequency offset in Hz, integer and fractional part (SSB).</summary>
    public double FrequencyOffsetHz { get; init; }

    /// <summary>The normalised PSS correlation, 0..1 (SSB).</summary>
    public float PssMetric { get; init; }

    /// <summary>The MIB (MIB items).</summary>
    public Mib? Mib { get; init; }

    /// <summary>The RNTI of a DCI or PDSCH.</summary>
    public int Rnti { get; init; }

    /// <summary>The RNTI type of a DCI or PDSCH.</summary>
    public DciRntiType RntiType { get; init; }

    /// <summary>The DCI format, e.g. "1_0".</summary>
    public string? DciFormat { get; init; }

    /// <summary>The DCI 1_0 fields (DCI items, and the DCI that scheduled a PDSCH).</summary>
    public Dci1_0? Dci { get; init; }

    /// <summary>The fields of a DCI other than 1_0 (DCI 1_1: FDRA, TDRA, MCS, NDI, RV, HARQ process, antenna ports, K1), by name.</summary>
    public IReadOnlyDictionary<string, int>? DciFields { get; init; }

    /// <summary>The search space, e.g. "common0".</summary>
    public string? SearchSpace { get; init; }

    /// <summary>The aggregation level of the PDCCH candidate (DCI).</summary>
    public int AggregationLevel { get; init; }

    /// <summary>The first CCE of the PDCCH candidate (DCI).</summary>
    public int Cce { get; init; }

    /// <summary>The allocation (PDSCH): first PRB, PRB count, first symbol, symbol count, modulation, MCS.</summary>
    public UeDownlinkAllocation? Allocation { get; init; }

    /// <summary>The MAC RAR (RAR items): RAPID, Timing Advance Command, UL grant, Temporary C-RNTI.</summary>
    public MacRar? Rar { get; init; }

    /// <summary>Whether the transport block CRC (and every code block's CRC) passed (PDSCH); null for other kinds.</summary>
    public bool? CrcPassed { get; init; }

    /// <summary>The transport block size in bits (PDSCH).</summary>
    public int TransportBlockSize { get; init; }

    /// <summary>The decoded transport block, only when its CRC passed (PDSCH, SIB1).</summary>
    public byte[]? Payload { get; init; }

    /// <summary>SNR in dB: PDSCH DM-RS E|H|²/σ², or the PBCH DM-RS for a MIB (NaN when not measured).</summary>
    public double SnrDb { get; init; } = double.NaN;

    /// <summary>EVM of the equalized data in percent (PDSCH; NaN otherwise).</summary>
    public double EvmPercent { get; init; } = double.NaN;

    /// <summary>A human-readable summary (a decoded SIB1, or why something was not decoded).</summary>
    public string? Detail { get; init; }

    /// <summary>PDSCH: the HARQ process number of a C-/TC-RNTI transmission (−1 for transport blocks without HARQ).</summary>
    public int HarqProcess { get; init; } = -1;

    /// <summary>PDSCH: the redundancy version of this transmission.</summary>
    public int RedundancyVersion { get; init; }

    /// <summary>PDSCH: whether this transmission was soft-combined with earlier ones of its HARQ process (a retransmission).</summary>
    public bool Combined { get; init; }
}
