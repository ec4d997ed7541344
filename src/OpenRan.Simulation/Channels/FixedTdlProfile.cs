namespace OpenRan.Simulation.Channels;

/// <summary>The fixed-delay TDL profiles used by the NR performance requirements.</summary>
public enum FixedTdlProfile
{
    /// <summary>TDLA30: 12 taps, RMS delay spread 30 ns, maximum delay 290 ns (TS 38.104 Table G.2.1.1-2).</summary>
    Tdla30,

    /// <summary>TDLB100: 12 taps, RMS delay spread 100 ns, maximum delay 480 ns (TS 38.104 Table G.2.1.1-3).</summary>
    Tdlb100,

    /// <summary>TDLC300: 12 taps, RMS delay spread 300 ns, maximum delay 2595 ns (TS 38.104 Table G.2.1.1-4).</summary>
    Tdlc300,
}
