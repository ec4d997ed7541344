namespace OpenRan.Simulation.Configuration;

/// <summary>The shared channel a link simulation exercises.</summary>
public enum LinkKind
{
    /// <summary>Uplink: PUSCH, UE → gNB (TS 38.211 §6.3.1).</summary>
    Pusch,

    /// <summary>Downlink: PDSCH, gNB → UE (TS 38.211 §7.3.1).</summary>
    Pdsch,
}
