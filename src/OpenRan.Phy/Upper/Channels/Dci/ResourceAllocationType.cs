namespace OpenRan.Phy.Upper.Channels.Dci;

/// <summary>Resource allocation type configured for a BWP (resourceAllocation in PDSCH-Config / PUSCH-Config).</summary>
public enum ResourceAllocationType
{
    /// <summary>resourceAllocationType0: an RBG bitmap of N_RBG bits.</summary>
    Type0,

    /// <summary>resourceAllocationType1: an RIV of ⌈log2(N(N+1)/2)⌉ bits.</summary>
    Type1,

    /// <summary>dynamicSwitch: max of both plus one bit.</summary>
    DynamicSwitch,
}
