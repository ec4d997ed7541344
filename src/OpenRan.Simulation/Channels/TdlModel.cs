namespace OpenRan.Simulation.Channels;

/// <summary>The scalable TDL models of TR 38.901.</summary>
public enum TdlModel
{
    /// <summary>TDL-A (NLOS), TR 38.901 Table 7.7.2-1.</summary>
    A,

    /// <summary>TDL-B (NLOS), TR 38.901 Table 7.7.2-2.</summary>
    B,

    /// <summary>TDL-C (NLOS), TR 38.901 Table 7.7.2-3.</summary>
    C,

    /// <summary>TDL-D (LOS, Ricean first tap, K = 13.3 dB), TR 38.901 Table 7.7.2-4.</summary>
    D,

    /// <summary>TDL-E (LOS, Ricean first tap, K = 22 dB), TR 38.901 Table 7.7.2-5.</summary>
    E,
}
