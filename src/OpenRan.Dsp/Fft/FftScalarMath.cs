using System.Runtime.CompilerServices;

namespace OpenRan.Dsp.Fft;

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
