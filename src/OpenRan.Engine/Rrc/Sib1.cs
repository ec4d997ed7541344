using System.Collections.Generic;

namespace OpenRan.Engine.Rrc;

/// <summary>A PLMN identity: MCC (empty when absent, i.e. the previous entry's) and MNC digits (TS 38.331 PLMN-Identity).</summary>
public sealed record PlmnIdentity(string Mcc, string Mnc)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Mcc.Length > 0 ? Mcc : "(same)")}-{Mnc}";
}

/// <summary>One PLMN-IdentityInfo: PLMNs, tracking area code, RAN area code, cell identity (36 bits), reserved for operator use.</summary>
public sealed record PlmnIdentityInfo(IReadOnlyList<PlmnIdentity> Plmns, int? TrackingAreaCode, int? RanAreaCode, long CellIdentity, bool CellReservedForOperatorUse);

/// <summary>An SCS-SpecificCarrier: offsetToCarrier (RBs from point A), subcarrier spacing in kHz, carrier bandwidth in RBs.</summary>
public sealed record ScsSpecificCarrier(int OffsetToCarrier, int SubcarrierSpacingKhz, int CarrierBandwidth);

/// <summary>A BWP's generic parameters: locationAndBandwidth (RIV over 275 RBs, TS 38.214 §5.1.2.2.2) decoded, SCS, extended CP.</summary>
public sealed record BwpGeneric(int LocationAndBandwidth, int StartRb, int RbCount, int SubcarrierSpacingKhz, bool ExtendedCyclicPrefix);

/// <summary>A ControlResourceSet (TS 38.331): id, frequencyDomainResources (45 bits, MSB = RBs 0..5), duration, mapping.</summary>
public sealed record RrcControlResourceSet(int Id, ulong FrequencyDomainResources, int Duration, bool Interleaved, int RegBundleSize, int InterleaverSize, int? ShiftIndex, bool AllContiguousRbs, int? DmrsScramblingId);

/// <summary>A SearchSpace (TS 38.331): id, CORESET, monitoring period and offset in slots, duration, symbols, candidates per aggregation level, common or UE-specific.</summary>
public sealed record RrcSearchSpace(int Id, int? ControlResourceSetId, int? PeriodSlots, int? OffsetSlots, int? Duration, int? MonitoringSymbols, IReadOnlyList<int>? Candidates, string? Type);

/// <summary>PDCCH-ConfigCommon: CORESET#0, the common CORESET, searchSpaceZero, common search spaces and the ones SIB1, other SI, paging and RA use.</summary>
public sealed record PdcchConfigCommon(int? ControlResourceSetZero, RrcControlResourceSet? CommonControlResourceSet, int? SearchSpaceZero, IReadOnlyList<RrcSearchSpace> CommonSearchSpaces, int? SearchSpaceSib1, int? SearchSpaceOtherSystemInformation, int? PagingSearchSpace, int? RaSearchSpace);

/// <summary>One row of a PDSCH/PUSCH time-domain allocation list: K0 or K2, mapping type A/B, start symbol S and length L (from startSymbolAndLength, TS 38.214 §5.1.2.1).</summary>
public sealed record TimeDomainAllocation(int? K, bool MappingTypeA, int StartSymbolAndLength, int StartSymbol, int Length);

/// <summary>RACH-ConfigCommon: the generic part and the common fields.</summary>
public sealed record RachConfigCommon(
    int PrachConfigurationIndex,
    int Msg1Fdm,
    int Msg1FrequencyStart,
    int ZeroCorrelationZoneConfig,
    int PreambleReceivedTargetPowerDbm,
    int PreambleTransMax,
    int PowerRampingStepDb,
    int RaResponseWindowSlots,
    int? TotalNumberOfRaPreambles,
    string? SsbPerRachOccasionAndCbPreamblesPerSsb,
    int RaContentionResolutionTimerSubframes,
    int? RsrpThresholdSsb,
    int PrachRootSequenceIndex,
    bool LongSequence,
    int? Msg1SubcarrierSpacingKhz,
    int RestrictedSetConfig,
    bool Msg3TransformPrecoder);

/// <summary>A TDD-UL-DL-Pattern.</summary>
public sealed record TddPatternConfig(double PeriodicityMs, int DownlinkSlots, int DownlinkSymbols, int UplinkSlots, int UplinkSymbols);

/// <summary>TDD-UL-DL-ConfigCommon.</summary>
public sealed record TddUlDlConfigCommon(int ReferenceSubcarrierSpacingKhz, TddPatternConfig Pattern1, TddPatternConfig? Pattern2);

/// <summary>
/// The SIB1 fields that let a UE follow the cell (TS 38.331 §6.2.2 SIB1 and ServingCellConfigCommonSIB); fields after the
/// part decoded are null and <see cref="NotDecoded"/> says where decoding stopped.
/// </summary>
public sealed record Sib1
{
    /// <summary>q-RxLevMin in dBm (the field ×2).</summary>
    public int? QRxLevMinDbm { get; init; }

    /// <summary>The PLMN-IdentityInfo list of cellAccessRelatedInfo.</summary>
    public IReadOnlyList<PlmnIdentityInfo> PlmnIdentityInfos { get; init; } = [];

    /// <summary>Downlink frequency band indicators.</summary>
    public IReadOnlyList<int> DownlinkBands { get; init; } = [];

    /// <summary>offsetToPointA (frequencyInfoDL-SIB), in RBs of 15 kHz (FR1) or 60 kHz (FR2).</summary>
    public int? OffsetToPointA { get; init; }

    /// <summary>The downlink carriers per SCS.</summary>
    public IReadOnlyList<ScsSpecificCarrier> DownlinkCarriers { get; init; } = [];

    /// <summary>The initial downlink BWP.</summary>
    public BwpGeneric? InitialDownlinkBwp { get; init; }

    /// <summary>PDCCH-ConfigCommon of the initial downlink BWP.</summary>
    public PdcchConfigCommon? PdcchConfigCommon { get; init; }

    /// <summary>pdsch-TimeDomainAllocationList of PDSCH-ConfigCommon.</summary>
    public IReadOnlyList<TimeDomainAllocation>? PdschTimeDomainAllocations { get; init; }

    /// <summary>Uplink frequency band indicators.</summary>
    public IReadOnlyList<int> UplinkBands { get; init; } = [];

    /// <summary>absoluteFrequencyPointA of the uplink (NR-ARFCN).</summary>
    public int? UplinkPointAArfcn { get; init; }

    /// <summary>The uplink carriers per SCS.</summary>
    public IReadOnlyList<ScsSpecificCarrier> UplinkCarriers { get; init; } = [];

    /// <summary>p-Max of the uplink in dBm.</summary>
    public int? UplinkPMaxDbm { get; init; }

    /// <summary>The initial uplink BWP.</summary>
    public BwpGeneric? InitialUplinkBwp { get; init; }

    /// <summary>RACH-ConfigCommon.</summary>
    public RachConfigCommon? RachConfigCommon { get; init; }

    /// <summary>pusch-TimeDomainAllocationList of PUSCH-ConfigCommon.</summary>
    public IReadOnlyList<TimeDomainAllocation>? PuschTimeDomainAllocations { get; init; }

    /// <summary>p0-NominalWithGrant of PUSCH-ConfigCommon in dBm.</summary>
    public int? P0NominalWithGrantDbm { get; init; }

    /// <summary>pucch-ResourceCommon.</summary>
    public int? PucchResourceCommon { get; init; }

    /// <summary>ssb-PositionsInBurst inOneGroup (MSB = block 0).</summary>
    public int? SsbPositionsInBurst { get; init; }

    /// <summary>ssb-PeriodicityServingCell in ms.</summary>
    public int? SsbPeriodicityMs { get; init; }

    /// <summary>TDD-UL-DL-ConfigCommon.</summary>
    public TddUlDlConfigCommon? TddUlDlConfigCommon { get; init; }

    /// <summary>ss-PBCH-BlockPower in dBm.</summary>
    public int? SsPbchBlockPowerDbm { get; init; }

    /// <summary>Where decoding stopped (a construct not supported), or null when every field up to ue-TimersAndConstants decoded.</summary>
    public string? NotDecoded { get; init; }
}
