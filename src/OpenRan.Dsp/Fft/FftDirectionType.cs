using System.Runtime.CompilerServices;

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

/// <summary>Exponent −j2πnk/N.</summary>
internal readonly struct ForwardFft : IFftDirection
{
    public static bool IsInverse => false;
}

/// <summary>Exponent +j2πnk/N.</summary>
internal readonly struct InverseFft : IFftDirection
{
    public static bool IsInverse => true;
}

/// <summary>Scalar complex helpers that depend on the direction.</summary>
internal static class FftScalarMath
{
    /// <summary>z·ω_4 where ω_4 = e^(∓jπ/2): −j·z = (Im, −Re) forward, +j·z = (−Im, Re) inverse.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF32 RotateQuarter<TDirection>(ComplexF32 z)
        where TDirection : struct, IFftDirection =>
        TDirection.IsInverse ? new ComplexF32(-z.Im, z.Re) : new ComplexF32(z.Im, -z.Re);

    /// <summary>z·w for forward, z·conj(w) for inverse, where w is a stored forward twiddle e^(−jθ).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF32 MultiplyTwiddle<TDirection>(ComplexF32 z, ComplexF32 w)
        where TDirection : struct, IFftDirection =>
        TDirection.IsInverse ? ComplexF32.MultiplyConjugate(z, w) : z * w;
}
