namespace OpenRan.Phy.Upper.SignalProcessors.CsiRs;

/// <summary>The frequency density ρ of a CSI-RS resource (TS 38.211 §7.4.1.5.3, TS 38.331 <c>density</c>).</summary>
public enum CsiRsDensity
{
    /// <summary>ρ = 1: every resource block.</summary>
    One,

    /// <summary>ρ = 3: three resource elements per block and port (row 1, tracking reference signal).</summary>
    Three,

    /// <summary>ρ = 0.5 on the even-numbered common resource blocks (<c>dot5</c> <c>evenPRBs</c>).</summary>
    HalfEven,

    /// <summary>ρ = 0.5 on the odd-numbered common resource blocks (<c>dot5</c> <c>oddPRBs</c>).</summary>
    HalfOdd,
}
