namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>The bit-selection mode of the polar rate matching (TS 38.212 §5.4.1.2).</summary>
public enum PolarRateMatchingMode
{
    /// <summary>E ≥ N: the N coded bits are repeated cyclically, e_k = y_(k mod N).</summary>
    Repetition,

    /// <summary>E &lt; N and K/E ≤ 7/16: the first N − E interleaved bits are dropped, e_k = y_(k+N−E).</summary>
    Puncturing,

    /// <summary>E &lt; N and K/E &gt; 7/16: the last N − E interleaved bits are dropped (and frozen to 0), e_k = y_k.</summary>
    Shortening,
}
