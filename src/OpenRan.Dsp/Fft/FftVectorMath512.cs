using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace OpenRan.Dsp.Fft;

/// <summary>
/// Butterfly arithmetic on Vector512 of interleaved complex floats: eight complex lanes per vector, each lane an
/// independent butterfly. The same operations in the same order as <see cref="FftVectorMath"/> (which states the scalar
/// line each matches), so a lane gives the Vector256 result.
/// </summary>
internal static class FftVectorMath512
{
    /// <summary>Sign bit in the imaginary lanes: XOR negates the imaginary parts.</summary>
    private static Vector512<float> ImaginarySign => Vector512.Create(0f, -0f, 0f, -0f, 0f, -0f, 0f, -0f, 0f, -0f, 0f, -0f, 0f, -0f, 0f, -0f);

    /// <summary>Sign bit in the real lanes: XOR negates the real parts.</summary>
    private static Vector512<float> RealSign => Vector512.Create(-0f, 0f, -0f, 0f, -0f, 0f, -0f, 0f, -0f, 0f, -0f, 0f, -0f, 0f, -0f, 0f);

    /// <summary>(re, im) → (im, re) in every complex lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> SwapParts(Vector512<float> v) =>
        Vector512.Shuffle(v, Vector512.Create(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14));

    /// <summary>z·ω_4 per lane, as <see cref="FftVectorMath.RotateQuarter{TDirection}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> RotateQuarter<TDirection>(Vector512<float> z)
        where TDirection : struct, IFftDirection =>
        SwapParts(z) ^ (TDirection.IsInverse ? RealSign : ImaginarySign);

    /// <summary>
    /// z·w (forward) or z·conj(w) (inverse) for one broadcast twiddle, as
    /// <see cref="FftVectorMath.MultiplyBroadcastTwiddle{TDirection}"/>: z·wRe ∓ q with one rounding (fused; negating q is exact,
    /// so this equals the fused multiply-add-subtract there).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyBroadcastTwiddle<TDirection>(Vector512<float> z, Vector512<float> wRe, Vector512<float> wIm)
        where TDirection : struct, IFftDirection
    {
        Vector512<float> q = SwapParts(z) * wIm;
        return Vector512.FusedMultiplyAdd(z, wRe, q ^ (TDirection.IsInverse ? ImaginarySign : RealSign));
    }

    /// <summary>a·b + c, fused where the hardware has FMA (as <see cref="FftVectorMath.MultiplyAdd"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.MultiplyAddEstimate(a, b, c);

    /// <summary>Four-point DFT per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dft4<TDirection>(Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3, out Vector512<float> x0, out Vector512<float> x1, out Vector512<float> x2, out Vector512<float> x3)
        where TDirection : struct, IFftDirection
    {
        Vector512<float> t0 = a0 + a2;
        Vector512<float> t1 = a0 - a2;
        Vector512<float> t2 = a1 + a3;
        Vector512<float> t3 = RotateQuarter<TDirection>(a1 - a3);
        x0 = t0 + t2;
        x2 = t0 - t2;
        x1 = t1 + t3;
        x3 = t1 - t3;
    }

    /// <summary>Eight-point DFT per lane, as two four-point DFTs and ω_8 rotations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dft8<TDirection>(
        ref Vector512<float> a0, ref Vector512<float> a1, ref Vector512<float> a2, ref Vector512<float> a3,
        ref Vector512<float> a4, ref Vector512<float> a5, ref Vector512<float> a6, ref Vector512<float> a7)
        where TDirection : struct, IFftDirection
    {
        Dft4<TDirection>(a0, a2, a4, a6, out Vector512<float> e0, out Vector512<float> e1, out Vector512<float> e2, out Vector512<float> e3);
        Dft4<TDirection>(a1, a3, a5, a7, out Vector512<float> o0, out Vector512<float> o1, out Vector512<float> o2, out Vector512<float> o3);
        Vector512<float> invSqrt2 = Vector512.Create(FftScalarPass.InvSqrt2);
        o1 = (o1 + RotateQuarter<TDirection>(o1)) * invSqrt2;
        o2 = RotateQuarter<TDirection>(o2);
        o3 = (RotateQuarter<TDirection>(o3) - o3) * invSqrt2;
        a0 = e0 + o0;
        a1 = e1 + o1;
        a2 = e2 + o2;
        a3 = e3 + o3;
        a4 = e0 - o0;
        a5 = e1 - o1;
        a6 = e2 - o2;
        a7 = e3 - o3;
    }

    /// <summary>Three-point DFT per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dft3<TDirection>(ref Vector512<float> a0, ref Vector512<float> a1, ref Vector512<float> a2)
        where TDirection : struct, IFftDirection
    {
        Vector512<float> t1 = a1 + a2;
        Vector512<float> t2 = MultiplyAdd(t1, Vector512.Create(-0.5f), a0);
        Vector512<float> t3 = RotateQuarter<TDirection>(a1 - a2) * Vector512.Create(FftScalarPass.Sin60);
        a0 += t1;
        a1 = t2 + t3;
        a2 = t2 - t3;
    }

    /// <summary>Five-point DFT per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dft5<TDirection>(ref Vector512<float> a0, ref Vector512<float> a1, ref Vector512<float> a2, ref Vector512<float> a3, ref Vector512<float> a4)
        where TDirection : struct, IFftDirection
    {
        Vector512<float> c72 = Vector512.Create(FftScalarPass.Cos72);
        Vector512<float> c144 = Vector512.Create(FftScalarPass.Cos144);
        Vector512<float> s72 = Vector512.Create(FftScalarPass.Sin72);
        Vector512<float> s144 = Vector512.Create(FftScalarPass.Sin144);
        Vector512<float> b1 = a1 + a4;
        Vector512<float> b2 = a2 + a3;
        Vector512<float> d1 = a1 - a4;
        Vector512<float> d2 = a2 - a3;
        Vector512<float> r1 = MultiplyAdd(c144, b2, MultiplyAdd(c72, b1, a0));
        Vector512<float> r2 = MultiplyAdd(c72, b2, MultiplyAdd(c144, b1, a0));
        Vector512<float> i1 = RotateQuarter<TDirection>(MultiplyAdd(s144, d2, s72 * d1));
        Vector512<float> i2 = RotateQuarter<TDirection>((s144 * d1) - (s72 * d2));
        a0 = a0 + b1 + b2;
        a1 = r1 + i1;
        a2 = r2 + i2;
        a3 = r2 - i2;
        a4 = r1 - i1;
    }
}
