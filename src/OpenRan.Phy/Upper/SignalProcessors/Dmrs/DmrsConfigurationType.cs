namespace OpenRan.Phy.Upper.SignalProcessors.Dmrs;

/// <summary>DM-RS configuration types (TS 38.211 §7.4.1.1.2, §6.4.1.1.3; higher-layer <c>dmrs-Type</c>).</summary>
public enum DmrsConfigurationType
{
    /// <summary>Type 1: comb of every other subcarrier, k = 4n + 2k′ + Δ, two CDM groups, up to 4 (single) or 8 (double-symbol) ports.</summary>
    Type1 = 1,

    /// <summary>Type 2: pairs of adjacent subcarriers, k = 6n + k′ + Δ, three CDM groups, up to 6 or 12 ports.</summary>
    Type2 = 2,
}
