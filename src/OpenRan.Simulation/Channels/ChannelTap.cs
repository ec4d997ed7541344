namespace OpenRan.Simulation.Channels;

/// <summary>One tap of a power delay profile: delay, average power and fading kind.</summary>
/// <param name="DelaySeconds">Excess delay τ in seconds (≥ 0).</param>
/// <param name="PowerDb">Average power relative to the other taps, in dB.</param>
/// <param name="Kind">How the tap fades.</param>
public readonly record struct ChannelTap(double DelaySeconds, double PowerDb, TapKind Kind);
