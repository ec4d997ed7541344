namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>The arithmetic a soft-bit type needs for rate recovery.</summary>
internal interface ILlrArithmetic<T>
{
    /// <summary>No information.</summary>
    static abstract T Zero { get; }

    /// <summary>A bit known to be 0.</summary>
    static abstract T KnownZero { get; }

    /// <summary>Combines two observations of one bit.</summary>
    static abstract T Add(T a, T b);

    /// <summary>A received value as an observation: subnormal floats become 0 (no information), everything else is kept.</summary>
    static abstract T Screen(T value);
}
