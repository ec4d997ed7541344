namespace OpenRan.Simulation.Channels;

/// <summary>The spatial-correlation levels of the NR performance requirements.</summary>
public enum MimoCorrelationLevel
{
    /// <summary>Low correlation: α = β = 0 (independent links).</summary>
    Low,

    /// <summary>Medium correlation: α = 0.9, β = 0.3 in uplink (TS 38.104); α = 0.3, β = 0.9 in downlink (TS 38.101-4).</summary>
    Medium,

    /// <summary>Medium-A correlation (downlink only): α = 0.3, β = 0.3874 (TS 38.101-4 Table B.2.3.1.2-1).</summary>
    MediumA,

    /// <summary>High correlation: α = β = 0.9.</summary>
    High,
}
