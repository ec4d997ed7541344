namespace OpenRan.Simulation.Channels;

/// <summary>The link direction, which decides whether the gNB (α) or the UE (β) is the transmitter.</summary>
public enum LinkDirection
{
    /// <summary>UE transmits, gNB receives (PUSCH): R_spat = R_UE ⊗ R_gNB.</summary>
    Uplink,

    /// <summary>gNB transmits, UE receives (PDSCH): R_spat = R_gNB ⊗ R_UE.</summary>
    Downlink,
}
