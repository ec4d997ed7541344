using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OpenRan.Dsp.Fft;

/// <summary>
/// Butterfly arithmetic on Vector256 of interleaved complex floats (re0, im0, …, re3, im3): four complex lanes per
/// vector, each lane an independent butterfly. Each method states the scalar line of <see cref="FftScalarPass"/> it matches.
/// </summary>
internal static class FftVectorMath
{
    /// <summary>Sign bit in the imaginary lanes: XOR negates the imaginary parts.</summary>
    private static Vector256<float> ImaginarySign => Vector256.Create(0f, -0f, 0f, -0f, 0f, -0f, 0f, -0f);

    /// <summary>Sign bit in the real lanes: XOR negates the real parts.</summary>
    private static Vector256<float> RealSign => Vector256.Create(-0f, 0f, -0f, 0f, -0f, 0f, -0f, 0f);

    /// <summary>z·ω_4 per lane: swap parts, then negate the new imaginary part (forward, −j·z = (Im, −Re)) or real part (inverse, +j·z = (−Im, Re)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> RotateQuarter<TDirection>(Vector256<float> z)
        where TDirection : struct, IFftDirection =>
        ComplexSimd.SwapParts(z) ^ (TDirection.IsInverse ? RealSign : ImaginarySign);

    /// <summary>z·w (forward) or z·conj(w) (inverse) with per-lane twiddles w.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyTwiddle<TDirection>(Vector256<float> z, Vector256<float> w)
        where TDirection : struct, IFftDirection =>
        TDirection.IsInverse ? ComplexSimd.MultiplyConjugate(z, w) : ComplexSimd.Multiply(z, w);

    /// <summary>
    /// z·w (forward) or z·conj(w) (inverse) for one twiddle w given as broadcast parts <paramref name="wRe"/> = (wr, …) and
    /// <paramref name="wIm"/> = (wi, …): q = (zi·wi, zr·wi); forward (zr·wr − q, zi·wr + q), inverse (zr·wr + q, zi·wr − q).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyBroadcastTwiddle<TDirection>(Vector256<float> z, Vector256<float> wRe, Vector256<float> wIm)
        where TDirection : struct, IFftDirection
    {
        Vector256<float> q = ComplexSimd.SwapParts(z) * wIm;
        if (Fma.IsSupported)
        {
            return TDirection.IsInverse ? Fma.MultiplySubtractAdd(z, wRe, q) : Fma.MultiplyAddSubtract(z, wRe, q);
        }

        return (z * wRe) + (q ^ (TDirection.IsInverse ? ImaginarySign : RealSign));
    }

    /// <summary>a·b + c, fused where the hardware has FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.MultiplyAddEstimate(a, b, c);

    /// <summary>Four-point DFT per lane; matches <see cref="FftScalarPass.Dft4{TDirection}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dft4<TDirection>(Vector256<float> a0, Vector256<float> a1, Vector256<float> a2, Vector256<float> a3, out Vector256<float> x0, out Vector256<float> x1, out Vector256<float> x2, out Vector256<float> x3)
        where TDirection : struct, IFftDirection
    {
        Vector256<float> t0 = a0 + a2;
        Vector256<float> t1 = a0 - a2;
        Vector256<float> t2 = a1 + a3;
        Vector256<float> t3 = RotateQuarter<TDirection>(a1 - a3);
        x0 = t0 + t2;
        x2 = t0 - t2;
        x1 = t1 + t3;
        x3 = t1 - t3;
    }

    /// <summary>Eight-point DFT per lane, as two four-point DFTs (even/odd inputs) and ω_8 rotations; matches the scalar radix-8 butterfly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dft8<TDirection>(
        ref Vector256<float> a0, ref Vector256<float> a1, ref Vector256<float> a2, ref Vector256<float> a3,
        ref Vector256<float> a4, ref Vector256<float> a5, ref Vector256<float> a6, ref Vector256<float> a7)
        where TDirection : struct, IFftDirection
    {
        Dft4<TDirection>(a0, a2, a4, a6, out Vector256<float> e0, out Vector256<float> e1, out Vector256<float> e2, out Vector256<float> e3);
        Dft4<TDirection>(a1, a3, a5, a7, out Vector256<float> o0, out Vector256<float> o1, out Vector256<float> o2, out Vector256<float> o3);
        // ω_8·z = (z + ω_4·z)/√2 and ω_8³·z = (ω_4·z − z)/√2 (both directions, with the direction's ω_4); ω_8² = ω_4.
        Vector256<float> invSqrt2 = Vector256.Create(FftScalarPass.InvSqrt2);
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

    /// <summary>Three-point DFT per lane; matches the scalar radix-3 butterfly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dft3<TDirection>(ref Vector256<float> a0, ref Vector256<float> a1, ref Vector256<float> a2)
        where TDirection : struct, IFftDirection
    {
        Vector256<float> t1 = a1 + a2;
        Vector256<float> t2 = MultiplyAdd(t1, Vector256.Create(-0.5f), a0);
        Vector256<float> t3 = RotateQuarter<TDirection>(a1 - a2) * Vector256.Create(FftScalarPass.Sin60);
        a0 += t1;
        a1 = t2 + t3;
        a2 = t2 - t3;
    }

    /// <summary>Five-point DFT per lane; matches the scalar radix-5 butterfly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dft5<TDirection>(ref Vector256<float> a0, ref Vector256<float> a1, ref Vector256<float> a2, ref Vector256<float> a3, ref Vector256<float> a4)
        where TDirection : struct, IFftDirection
    {
        Vector256<float> c72 = Vector256.Create(FftScalarPass.Cos72);
        Vector256<float> c144 = Vector256.Create(FftScalarPass.Cos144);
        Vector256<float> s72 = Vector256.Create(FftScalarPass.Sin72);
        Vector256<float> s144 = Vector256.Create(FftScalarPass.Sin144);
        Vector256<float> b1 = a1 + a4;
        Vector256<float> b2 = a2 + a3;
        Vector256<float> d1 = a1 - a4;
        Vector256<float> d2 = a2 - a3;
        Vector256<float> r1 = MultiplyAdd(c144, b2, MultiplyAdd(c72, b1, a0));
        Vector256<float> r2 = MultiplyAdd(c72, b2, MultiplyAdd(c144, b1, a0));
        Vector256<float> i1 = RotateQuarter<TDirection>(MultiplyAdd(s144, d2, s72 * d1));
        Vector256<float> i2 = RotateQuarter<TDirection>((s144 * d1) - (s72 * d2));
        a0 = a0 + b1 + b2;
        a1 = r1 + i1;
        a2 = r2 + i2;
        a3 = r2 - i2;
        a4 = r1 - i1;
    }

    /// <summary>
    /// Transposes a 4×4 matrix of complex numbers held in four vectors (row i = vector i, column = lane): afterwards vector
    /// i holds lane i of the four inputs. Complex lanes are 64 bits, so the work is done on the double view.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Transpose4x4(ref Vector256<float> v0, ref Vector256<float> v1, ref Vector256<float> v2, ref Vector256<float> v3)
    {
        Vector256<double> d0 = v0.AsDouble(), d1 = v1.AsDouble(), d2 = v2.AsDouble(), d3 = v3.AsDouble();
        if (Avx.IsSupported)
        {
            // t0 = (d0[0], d1[0], d0[2], d1[2]), t1 = (d0[1], d1[1], d0[3], d1[3]), likewise t2, t3 from d2, d3;
            // then the 128-bit halves are recombined: low halves give lanes 0 and 1, high halves lanes 2 and 3.
            Vector256<double> t0 = Avx.UnpackLow(d0, d1);
            Vector256<double> t1 = Avx.UnpackHigh(d0, d1);
            Vector256<double> t2 = Avx.UnpackLow(d2, d3);
            Vector256<double> t3 = Avx.UnpackHigh(d2, d3);
            v0 = Avx.Permute2x128(t0, t2, 0x20).AsSingle();
            v1 = Avx.Permute2x128(t1, t3, 0x20).AsSingle();
            v2 = Avx.Permute2x128(t0, t2, 0x31).AsSingle();
            v3 = Avx.Permute2x128(t1, t3, 0x31).AsSingle();
            return;
        }

        v0 = Vector256.Create(d0.GetElement(0), d1.GetElement(0), d2.GetElement(0), d3.GetElement(0)).AsSingle();
        v1 = Vector256.Create(d0.GetElement(1), d1.GetElement(1), d2.GetElement(1), d3.GetElement(1)).AsSingle();
        v2 = Vector256.Create(d0.GetElement(2), d1.GetElement(2), d2.GetElement(2), d3.GetElement(2)).AsSingle();
        v3 = Vector256.Create(d0.GetElement(3), d1.GetElement(3), d2.GetElement(3), d3.GetElement(3)).AsSingle();
    }
}
