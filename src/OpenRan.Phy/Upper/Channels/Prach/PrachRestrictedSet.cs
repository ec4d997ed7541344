namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>The cyclic-shift set of TS 38.211 §6.3.3.1 (restrictedSetConfig of TS 38.331 RACH-ConfigCommon).</summary>
public enum PrachRestrictedSet
{
    /// <summary>Unrestricted set: C_v = v·N_CS.</summary>
    Unrestricted,

    /// <summary>Restricted set type A (high speed, Doppler aliases at ±d_u; long preambles only).</summary>
    TypeA,

    /// <summary>Restricted set type B (very high speed, aliases at ±d_u and ±2d_u; long preambles only).</summary>
    TypeB,
}
