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

/// <summary>The SS/PBCH block time-domain pattern (TS 38.213 §4.1).</summary>
public enum SsbPattern
{
    /// <summary>Case A, 15 kHz.</summary>
    CaseA,

    /// <summary>Case B, 30 kHz.</summary>
    CaseB,

    /// <summary>Case C, 30 kHz.</summary>
    CaseC,

    /// <summary>Case D, 120 kHz.</summary>
    CaseD,

    /// <summary>Case E, 240 kHz.</summary>
    CaseE,
}
