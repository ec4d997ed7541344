namespace OpenRan.Phy.Common.Frequency;

/// <summary>The duplex mode of an operating band (TS 38.104 Tables 5.2-1, 5.2-2).</summary>
public enum DuplexMode
{
    /// <summary>Frequency division duplex: paired uplink and downlink ranges.</summary>
    Fdd,

    /// <summary>Time division duplex: one range for both directions.</summary>
    Tdd,

    /// <summary>Supplementary downlink only.</summary>
    Sdl,

    /// <summary>Supplementary uplink only.</summary>
    Sul,
}
