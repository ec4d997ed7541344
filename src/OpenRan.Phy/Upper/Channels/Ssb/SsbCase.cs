namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>The SS/PBCH block patterns of TS 38.213 §4.1 (cases A-E).</summary>
public enum SsbCase
{
    /// <summary>Case A, 15 kHz: first symbols {2, 8} + 14n.</summary>
    A,

    /// <summary>Case B, 30 kHz: {4, 8, 16, 20} + 28n.</summary>
    B,

    /// <summary>Case C, 30 kHz: {2, 8} + 14n.</summary>
    C,

    /// <summary>Case D, 120 kHz: {4, 8, 16, 20} + 28n, n ∈ {0..3, 5..8, 10..13, 15..18}.</summary>
    D,

    /// <summary>Case E, 240 kHz: {8, 12, 16, 20, 32, 36, 40, 44} + 56n, n ∈ {0..3, 5..8}.</summary>
    E,
}
