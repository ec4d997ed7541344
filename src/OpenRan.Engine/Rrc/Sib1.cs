using System.Collections.Generic;

namespace OpenRan.Engine.Rrc;

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
