namespace OpenRan.Phy.Common.Frequency;

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
