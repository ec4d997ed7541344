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

/// <summary>The <c>cell:</c> section.</summary>
public sealed record CellOptions
{
    /// <summary>Operating band (TS 38.104 Table 5.2-1), e.g. <c>n78</c>.</summary>
    public string Band { get; init; } = "n3";

    /// <summary>Downlink NR-ARFCN of the carrier (F_REF); null when <see cref="CenterFrequencyMhz"/> is given.</summary>
    public int? DlArfcn { get; init; }

    /// <summary>Downlink carrier F_REF in MHz, instead of <see cref="DlArfcn"/>.</summary>
    public double? CenterFrequencyMhz { get; init; }

    /// <summary>Channel bandwidth in MHz (TS 38.101-1 Table 5.3.2-1).</summary>
    public int ChannelBandwidthMhz { get; init; } = 20;

    /// <summary>Subcarrier spacing of the carrier (and subCarrierSpacingCommon) in kHz.</summary>
    public int ScsKhz { get; init; } = 15;

    /// <summary>N_ID^cell, 0..1007.</summary>
    public int Pci { get; init; } = 1;

    /// <summary><c>fdd</c> or <c>tdd</c>; null for the band's duplex mode.</summary>
    public string? Duplex { get; init; }

    /// <summary>tdd-UL-DL-ConfigurationCommon pattern 1 (TDD only).</summary>
    public TddOptions? Tdd { get; init; }

    /// <summary>dmrs-TypeA-Position: 2 or 3.</summary>
    public int DmrsTypeAPosition { get; init; } = 2;
}

/// <summary>tdd-UL-DL-ConfigurationCommon, pattern 1 (TS 38.331; TS 38.213 §11.1), reference SCS = the carrier SCS.</summary>
public sealed record TddOptions
{
    /// <summary>dl-UL-TransmissionPeriodicity in ms: 0.5, 0.625, 1, 1.25, 2, 2.5, 3, 4, 5, 10.</summary>
    public double PeriodMs { get; init; } = 5;

    /// <summary>nrofDownlinkSlots.</summary>
    public int DlSlots { get; init; } = 7;

    /// <summary>nrofDownlinkSymbols (DL symbols at the start of the slot after the DL slots).</summary>
    public int DlSymbols { get; init; } = 6;

    /// <summary>nrofUplinkSlots (at the end of the period).</summary>
    public int UlSlots { get; init; } = 2;

    /// <summary>nrofUplinkSymbols (UL symbols at the end of the slot before the UL slots).</summary>
    public int UlSymbols { get; init; } = 4;
}

/// <summary>The <c>ssb:</c> section.</summary>
public sealed record SsbOptions
{
    /// <summary>The SSB's GSCN, or null to pick the raster entry nearest the carrier centre with a valid k_SSB.</summary>
    public int? Gscn { get; init; }

    /// <summary>ssb-periodicityServingCell in ms: 5, 10, 20, 40, 80, 160.</summary>
    public int PeriodMs { get; init; } = 10;

    /// <summary>ssb-PositionsInBurst as a bitmap of L_max characters, leftmost = block 0; null = block 0 only.</summary>
    public string? PositionsInBurst { get; init; }

    /// <summary>SS/PBCH EPRE relative to the PDSCH EPRE in dB (amplitude factor β = 10^(dB/20)).</summary>
    public double PowerOffsetDb { get; init; }
}

/// <summary>The <c>pdcch:</c> section.</summary>
public sealed record PdcchOptions
{
    /// <summary>controlResourceSetZero (TS 38.213 Tables 13-1..13-10), null to pick the first that fits the carrier.</summary>
    public int? Coreset0Index { get; init; }

    /// <summary>searchSpaceZero (TS 38.213 Table 13-11).</summary>
    public int SearchSpaceZero { get; init; }

    /// <summary>CORESET#1 (the test UE's) first CRB; null = 0.</summary>
    public int? Coreset1StartRb { get; init; }

    /// <summary>CORESET#1 size in RBs (multiple of 6); null = the carrier rounded down to 6.</summary>
    public int? Coreset1RbCount { get; init; }

    /// <summary>CORESET#1 duration in symbols, 1..3.</summary>
    public int Coreset1Duration { get; init; } = 1;

    /// <summary>Aggregation level of the test UE's DCIs: 1, 2, 4, 8, 16.</summary>
    public int UeAggregationLevel { get; init; } = 4;

    /// <summary>Aggregation level of SIB1's DCI in the Type0 CSS: 4, 8, 16.</summary>
    public int Sib1AggregationLevel { get; init; } = 4;
}

/// <summary>The <c>sib1:</c> section: the bytes (the engine does no RRC) and their scheduling.</summary>
public sealed record Sib1Options
{
    /// <summary>SIB1 as hex, or null.</summary>
    public string? Hex { get; init; }

    /// <summary>A file holding SIB1 (binary), or null.</summary>
    public string? File { get; init; }

    /// <summary>Transmission period in ms: 20, 40, 80, 160.</summary>
    public int PeriodMs { get; init; } = 20;

    /// <summary>MCS index (TS 38.214 Table 5.1.3.1-1) of the SIB1 PDSCH, 0..9.</summary>
    public int Mcs { get; init; } = 5;
}

/// <summary>The <c>prach:</c> section (RACH-ConfigCommon / RACH-ConfigGeneric).</summary>
public sealed record PrachOptions
{
    /// <summary>prach-ConfigurationIndex, 0..255.</summary>
    public int ConfigIndex { get; init; } = 16;

    /// <summary>prach-RootSequenceIndex: 0..837 (L = 839) or 0..137 (L = 139).</summary>
    public int RootSequenceIndex { get; init; } = 1;

    /// <summary>zeroCorrelationZoneConfig, 0..15.</summary>
    public int ZeroCorrelationZone { get; init; }

    /// <summary>msg1-FrequencyStart, 0..274.</summary>
    public int FrequencyStart { get; init; }

    /// <summary>Whether PRACH occasions are searched (needs the PRACH detector).</summary>
    public bool Enabled { get; init; } = true;
}

/// <summary>One entry of the <c>pucch:</c> list (PUCCH-Resource, TS 38.331; TS 38.213 §9.2).</summary>
public sealed record PucchResourceOptions
{
    /// <summary>PUCCH format 0..4.</summary>
    public int Format { get; init; } = 1;

    /// <summary>startingPRB relative to the UL BWP.</summary>
    public int StartPrb { get; init; }

    /// <summary>First symbol in the slot.</summary>
    public int StartSymbol { get; init; }

    /// <summary>nrofSymbols: 1..2 (formats 0, 2), 4..14 (formats 1, 3, 4).</summary>
    public int SymbolCount { get; init; } = 14;

    /// <summary>nrofPRBs (formats 2, 3): 1..16.</summary>
    public int PrbCount { get; init; } = 1;

    /// <summary>initialCyclicShift (formats 0, 1): 0..11.</summary>
    public int InitialCyclicShift { get; init; }

    /// <summary>timeDomainOCC (format 1): 0..6.</summary>
    public int TimeDomainOcc { get; init; }
}

/// <summary>The <c>antennas:</c> section.</summary>
public sealed record AntennaOptions
{
    /// <summary>Transmit antennas (radio TX channels), 1..4.</summary>
    public int Tx { get; init; } = 1;

    /// <summary>Receive antennas (radio RX channels), 1..4.</summary>
    public int Rx { get; init; } = 1;
}

/// <summary>The <c>radio:</c> section.</summary>
public sealed record RadioOptions
{
    /// <summary>Driver name: zmq, file, loopback, soapy, hackrf.</summary>
    public string Driver { get; init; } = "loopback";

    /// <summary>Driver arguments (<c>key=value,…</c>).</summary>
    public string Args { get; init; } = string.Empty;

    /// <summary>Sample rate in Hz; null picks the compact FFT size (srsRAN's rates: 23.04 Msps at 20 MHz/15 kHz).</summary>
    public double? SampleRateHz { get; init; }

    /// <summary>Transmit gain in dB.</summary>
    public double TxGainDb { get; init; }

    /// <summary>Receive gain in dB.</summary>
    public double RxGainDb { get; init; }

    /// <summary>TX time advance in samples: transmit samples are stamped this much earlier (radio time alignment).</summary>
    public int TxTimeAdvanceSamples { get; init; }

    /// <summary>Amplitude of the baseband relative to full scale (keeps OFDM peaks below clipping), 1e-4..1.</summary>
    public double BasebandScale { get; init; } = 0.05;
}

/// <summary>The <c>engine:</c> section.</summary>
public sealed record EngineOptions
{
    /// <summary>k: the downlink of slot n + k is prepared while slot n is received (1..16).</summary>
    public int TxAdvanceSlots { get; init; } = 4;

    /// <summary>Worker threads (0 = everything on the slot thread).</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Slots an uplink decode may take after its slot was received (null = the transmit advance).</summary>
    public int? UplinkBudgetSlots { get; init; }

    /// <summary>SFN of the first slot.</summary>
    public int StartSfn { get; init; }

    /// <summary>LDPC decoder iterations for PUSCH.</summary>
    public int LdpcIterations { get; init; } = 6;
}

/// <summary>The <c>test-ue:</c> section: the phy-test scheduler's UE.</summary>
public sealed record TestUeOptions
{
    /// <summary>Whether the test UE is scheduled.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>C-RNTI.</summary>
    public int Rnti { get; init; } = 0x4601;

    /// <summary>Downlink grant.</summary>
    public LinkOptions Downlink { get; init; } = new();

    /// <summary>Uplink grant.</summary>
    public LinkOptions Uplink { get; init; } = new() { Mcs = 20, McsTable = "qam64" };

    /// <summary>HARQ processes per direction, 1..16.</summary>
    public int HarqProcesses { get; init; } = 16;

    /// <summary>k1: PDSCH-to-HARQ-ACK slots (dl-DataToUL-ACK), 1..15.</summary>
    public int K1 { get; init; } = 4;

    /// <summary>k2: PDCCH-to-PUSCH slots, 1..32.</summary>
    public int K2 { get; init; } = 4;

    /// <summary>Where downlink HARQ-ACK comes from: <c>assume-ack</c> (phy-test, no UCI decoding) or <c>pucch</c>.</summary>
    public string DlHarqFeedback { get; init; } = "assume-ack";

    /// <summary>Maximum transmissions per transport block, 1..4.</summary>
    public int MaxTransmissions { get; init; } = 4;
}

/// <summary>One direction of the test UE's grants.</summary>
public sealed record LinkOptions
{
    /// <summary>MCS table: qam64, qam256, qam64LowSE.</summary>
    public string McsTable { get; init; } = "qam256";

    /// <summary>MCS index.</summary>
    public int Mcs { get; init; } = 20;

    /// <summary>First PRB of the grant (relative to the BWP = carrier).</summary>
    public int StartPrb { get; init; }

    /// <summary>PRBs of the grant; null = the rest of the carrier.</summary>
    public int? PrbCount { get; init; }

    /// <summary>Layers, 1..4.</summary>
    public int Layers { get; init; } = 1;

    /// <summary>DCI format: 1_1 or 1_0 (downlink), 0_1 or 0_0 (uplink).</summary>
    public string? Dci { get; init; }
}
