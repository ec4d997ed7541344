namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>The CCE-to-REG mapping type of a CORESET (TS 38.211 §7.3.2.2, cce-REG-MappingType).</summary>
public enum CceRegMapping
{
    /// <summary>Non-interleaved: L = 6, f(x) = x.</summary>
    NonInterleaved,

    /// <summary>Interleaved with bundle size L and interleaver size R.</summary>
    Interleaved,
}
