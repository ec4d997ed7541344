namespace OpenRan.Simulation.Channels;

/// <summary>How a tap of a tapped-delay-line profile fades.</summary>
public enum TapKind
{
    /// <summary>Rayleigh fading with the classical (Jakes) Doppler spectrum (TR 38.901 §7.7.2).</summary>
    Rayleigh,

    /// <summary>
    /// The line-of-sight component of the Ricean first tap of TDL-D/TDL-E: a constant-amplitude phasor with a Doppler shift
    /// of 0.7 f_D (TR 38.901 §7.7.2) and a random initial phase.
    /// </summary>
    LineOfSight,

    /// <summary>
    /// A constant gain without fading or Doppler (static propagation, or AWGN with a timing offset); with several antennas
    /// the links carry H[r, t] = e^(j2π·r·t/N_Rx), unit power per link and full rank when N_Rx ≥ N_Tx.
    /// </summary>
    Static,
}
