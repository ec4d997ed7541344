namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>What a resource element of a PDSCH/PUSCH allocation carries.</summary>
public enum ResourceElementKind : byte
{
    /// <summary>Data (TS 38.211 §7.3.1.5, §6.3.1.6).</summary>
    Data,

    /// <summary>DM-RS of a CDM group that carries ports of this transmission.</summary>
    Dmrs,

    /// <summary>A DM-RS symbol's resource element in a CDM group without data that no port of this transmission uses.</summary>
    DmrsCdmNoData,

    /// <summary>PT-RS.</summary>
    Ptrs,

    /// <summary>Reserved (rate-matched around): SS/PBCH, CORESET, CSI-RS, rate-matching patterns.</summary>
    Reserved,

    /// <summary>Outside the scheduled symbols.</summary>
    Unallocated,
}
