namespace OpenRan.Dsp.Fft;

/// <summary>
/// The transform direction as a type, so butterflies are compiled once per direction with the sign folded into
/// constants (generic over struct: the JIT specialises each instantiation).
/// </summary>
internal interface IFftDirection
{
    /// <summary>True for the inverse transform (exponent +j2π).</summary>
    static abstract bool IsInverse { get; }
}
