namespace OpenRan.Phy.Upper.SignalProcessors.Dmrs;

/// <summary>PDSCH/PUSCH mapping type (TS 38.214 §5.1.2.1, §6.1.2.1), which sets the DM-RS reference symbol.</summary>
public enum SchMappingType
{
    /// <summary>Type A: slot-based; the first DM-RS symbol l0 is <c>dmrs-TypeA-Position</c> counted from the slot start.</summary>
    A,

    /// <summary>Type B: mini-slot; l0 = 0 counted from the first symbol of the allocation.</summary>
    B,
}
