namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>The kind of a node of the SC decoding schedule.</summary>
internal enum PolarNodeType : byte
{
    /// <summary>A single leaf u_φ (frozen, information or parity-check).</summary>
    Leaf,

    /// <summary>All leaves frozen: β = 0, metric += Σ max(0, −α).</summary>
    Rate0,

    /// <summary>All leaves information (codes without parity-check bits): β = hard(α), then list splits on the least reliable bits.</summary>
    Rate1,

    /// <summary>All leaves frozen except the last, an information bit: β = all 0 or all 1 (one decision).</summary>
    Repetition,

    /// <summary>The first leaf frozen, the others information (codes without parity-check bits): even-weight codewords.</summary>
    SingleParityCheck,
}
