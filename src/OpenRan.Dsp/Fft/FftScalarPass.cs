using System;
using System.Runtime.CompilerServices;

namespace OpenRan.Dsp.Fft;

/// <summary>
/// The scalar Stockham pass (see <see cref="FftPlan"/> remarks for the equations): the reference the vector plans are
/// tested against, and their fallback for groups that do not fill a vector.
/// </summary>
internal static class FftScalarPass
{
    /// <summary>sin(π/3) = √3/2.</summary>
    public const float Sin60 = 0.866025403784438646763723170752936183f;

    /// <summary>1/√2 = cos(π/4).</summary>
    public const float InvSqrt2 = 0.707106781186547524400844362104849039f;

    /// <summary>cos(2π/5).</summary>
    public const float Cos72 = 0.309016994374947424102293417182819059f;

    /// <summary>cos(4π/5).</summary>
    public const float Cos144 = -0.809016994374947424102293417182819059f;

    /// <summary>sin(2π/5).</summary>
    public const float Sin72 = 0.951056516295153572116439333379382143f;

    /// <summary>sin(4π/5).</summary>
    public const float Sin144 = 0.587785252292473129168705954639072769f;

    /// <summary>
    /// Runs groups <paramref name="pStart"/>..<paramref name="pEnd"/>−1 of <paramref name="pass"/>; <paramref name="twiddles"/>
    /// holds r−1 twiddles per group, group-major, starting with group <paramref name="pStart"/>.
    /// </summary>
    public static void Run<TDirection>(ReadOnlySpan<ComplexF32> x, Span<ComplexF32> y, FftPass pass, ReadOnlySpan<ComplexF32> twiddles, int pStart, int pEnd, GenericRadixContext generic)
        where TDirection : struct, IFftDirection
    {
        switch (pass.Radix)
        {
            case 2:
                Run<TDirection, Radix2>(x, y, pass, twiddles, pStart, pEnd, generic);
                break;
            case 3:
                Run<TDirection, Radix3>(x, y, pass, twiddles, pStart, pEnd, generic);
                break;
            case 4:
                Run<TDirection, Radix4>(x, y, pass, twiddles, pStart, pEnd, generic);
                break;
            case 5:
                Run<TDirection, Radix5>(x, y, pass, twiddles, pStart, pEnd, generic);
                break;
            case 8:
                Run<TDirection, Radix8>(x, y, pass, twiddles, pStart, pEnd, generic);
                break;
            default:
                Run<TDirection, RadixGeneric>(x, y, pass, twiddles, pStart, pEnd, generic);
                break;
        }
    }

    private static void Run<TDirection, TButterfly>(ReadOnlySpan<ComplexF32> x, Span<ComplexF32> y, FftPass pass, ReadOnlySpan<ComplexF32> twiddles, int pStart, int pEnd, GenericRadixContext generic)
        where TDirection : struct, IFftDirection
        where TButterfly : struct, IScalarButterfly
    {
        int r = pass.Radix;
        int s = pass.Stride;
        int inStride = s * pass.Groups;
        for (int p = pStart; p < pEnd; p++)
        {
            ReadOnlySpan<ComplexF32> w = twiddles.Slice((p - pStart) * (r - 1), r - 1);
            for (int q = 0; q < s; q++)
            {
                TButterfly.Apply<TDirection>(x, q + (s * p), inStride, y, q + (s * r * p), s, w, generic);
            }
        }
    }

    /// <summary>Radix-4 DFT of (a0, a1, a2, a3): X_k = Σ a_t·ω_4^(tk).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dft4<TDirection>(ComplexF32 a0, ComplexF32 a1, ComplexF32 a2, ComplexF32 a3, out ComplexF32 x0, out ComplexF32 x1, out ComplexF32 x2, out ComplexF32 x3)
        where TDirection : struct, IFftDirection
    {
        ComplexF32 t0 = a0 + a2;
        ComplexF32 t1 = a0 - a2;
        ComplexF32 t2 = a1 + a3;
        ComplexF32 t3 = FftScalarMath.RotateQuarter<TDirection>(a1 - a3);
        x0 = t0 + t2;
        x2 = t0 - t2;
        x1 = t1 + t3;
        x3 = t1 - t3;
    }

    private readonly struct Radix2 : IScalarButterfly
    {
        public static void Apply<TDirection>(ReadOnlySpan<ComplexF32> x, int i0, int inStride, Span<ComplexF32> y, int o0, int outStride, ReadOnlySpan<ComplexF32> w, GenericRadixContext generic)
            where TDirection : struct, IFftDirection
        {
            ComplexF32 a0 = x[i0];
            ComplexF32 a1 = x[i0 + inStride];
            y[o0] = a0 + a1;
            y[o0 + outStride] = FftScalarMath.MultiplyTwiddle<TDirection>(a0 - a1, w[0]);
        }
    }

    private readonly struct Radix3 : IScalarButterfly
    {
        public static void Apply<TDirection>(ReadOnlySpan<ComplexF32> x, int i0, int inStride, Span<ComplexF32> y, int o0, int outStride, ReadOnlySpan<ComplexF32> w, GenericRadixContext generic)
            where TDirection : struct, IFftDirection
        {
            ComplexF32 a0 = x[i0];
            ComplexF32 a1 = x[i0 + inStride];
            ComplexF32 a2 = x[i0 + (2 * inStride)];
            ComplexF32 t1 = a1 + a2;
            ComplexF32 t2 = a0 - (0.5f * t1);
            ComplexF32 t3 = Sin60 * FftScalarMath.RotateQuarter<TDirection>(a1 - a2);
            y[o0] = a0 + t1;
            y[o0 + outStride] = FftScalarMath.MultiplyTwiddle<TDirection>(t2 + t3, w[0]);
            y[o0 + (2 * outStride)] = FftScalarMath.MultiplyTwiddle<TDirection>(t2 - t3, w[1]);
        }
    }

    private readonly struct Radix4 : IScalarButterfly
    {
        public static void Apply<TDirection>(ReadOnlySpan<ComplexF32> x, int i0, int inStride, Span<ComplexF32> y, int o0, int outStride, ReadOnlySpan<ComplexF32> w, GenericRadixContext generic)
            where TDirection : struct, IFftDirection
        {
            Dft4<TDirection>(x[i0], x[i0 + inStride], x[i0 + (2 * inStride)], x[i0 + (3 * inStride)], out ComplexF32 b0, out ComplexF32 b1, out ComplexF32 b2, out ComplexF32 b3);
            y[o0] = b0;
            y[o0 + outStride] = FftScalarMath.MultiplyTwiddle<TDirection>(b1, w[0]);
            y[o0 + (2 * outStride)] = FftScalarMath.MultiplyTwiddle<TDirection>(b2, w[1]);
            y[o0 + (3 * outStride)] = FftScalarMath.MultiplyTwiddle<TDirection>(b3, w[2]);
        }
    }

    private readonly struct Radix5 : IScalarButterfly
    {
        public static void Apply<TDirection>(ReadOnlySpan<ComplexF32> x, int i0, int inStride, Span<ComplexF32> y, int o0, int outStride, ReadOnlySpan<ComplexF32> w, GenericRadixContext generic)
            where TDirection : struct, IFftDirection
        {
            ComplexF32 a0 = x[i0];
            ComplexF32 a1 = x[i0 + inStride];
            ComplexF32 a2 = x[i0 + (2 * inStride)];
            ComplexF32 a3 = x[i0 + (3 * inStride)];
            ComplexF32 a4 = x[i0 + (4 * inStride)];
            ComplexF32 b1 = a1 + a4;
            ComplexF32 b2 = a2 + a3;
            ComplexF32 d1 = a1 - a4;
            ComplexF32 d2 = a2 - a3;
            ComplexF32 r1 = a0 + (Cos72 * b1) + (Cos144 * b2);
            ComplexF32 r2 = a0 + (Cos144 * b1) + (Cos72 * b2);
            ComplexF32 i1 = FftScalarMath.RotateQuarter<TDirection>((Sin72 * d1) + (Sin144 * d2));
            ComplexF32 i2 = FftScalarMath.RotateQuarter<TDirection>((Sin144 * d1) - (Sin72 * d2));
            y[o0] = a0 + b1 + b2;
            y[o0 + outStride] = FftScalarMath.MultiplyTwiddle<TDirection>(r1 + i1, w[0]);
            y[o0 + (2 * outStride)] = FftScalarMath.MultiplyTwiddle<TDirection>(r2 + i2, w[1]);
            y[o0 + (3 * outStride)] = FftScalarMath.MultiplyTwiddle<TDirection>(r2 - i2, w[2]);
            y[o0 + (4 * outStride)] = FftScalarMath.MultiplyTwiddle<TDirection>(r1 - i1, w[3]);
        }
    }

    private readonly struct Radix8 : IScalarButterfly
    {
        public static void Apply<TDirection>(ReadOnlySpan<ComplexF32> x, int i0, int inStride, Span<ComplexF32> y, int o0, int outStride, ReadOnlySpan<ComplexF32> w, GenericRadixContext generic)
            where TDirection : struct, IFftDirection
        {
            // X_k = E_k + ω_8^k·O_k, X_(k+4) = E_k − ω_8^k·O_k with E, O the 4-point DFTs of the even and odd inputs.
            Dft4<TDirection>(x[i0], x[i0 + (2 * inStride)], x[i0 + (4 * inStride)], x[i0 + (6 * inStride)], out ComplexF32 e0, out ComplexF32 e1, out ComplexF32 e2, out ComplexF32 e3);
            Dft4<TDirection>(x[i0 + inStride], x[i0 + (3 * inStride)], x[i0 + (5 * inStride)], x[i0 + (7 * inStride)], out ComplexF32 o0v, out ComplexF32 o1, out ComplexF32 o2, out ComplexF32 o3);

            // ω_8·z = (z + ω_4·z)/√2; ω_8² = ω_4; ω_8³·z = ω_4·ω_8·z = (ω_4·z − z)/√2.
            o1 = InvSqrt2 * (o1 + FftScalarMath.RotateQuarter<TDirection>(o1));
            o2 = FftScalarMath.RotateQuarter<TDirection>(o2);
            o3 = InvSqrt2 * (FftScalarMath.RotateQuarter<TDirection>(o3) - o3);
            y[o0] = e0 + o0v;
            y[o0 + outStride] = FftScalarMath.MultiplyTwiddle<TDirection>(e1 + o1, w[0]);
            y[o0 + (2 * outStride)] = FftScalarMath.MultiplyTwiddle<TDirection>(e2 + o2, w[1]);
            y[o0 + (3 * outStride)] = FftScalarMath.MultiplyTwiddle<TDirection>(e3 + o3, w[2]);
            y[o0 + (4 * outStride)] = FftScalarMath.MultiplyTwiddle<TDirection>(e0 - o0v, w[3]);
            y[o0 + (5 * outStride)] = FftScalarMath.MultiplyTwiddle<TDirection>(e1 - o1, w[4]);
            y[o0 + (6 * outStride)] = FftScalarMath.MultiplyTwiddle<TDirection>(e2 - o2, w[5]);
            y[o0 + (7 * outStride)] = FftScalarMath.MultiplyTwiddle<TDirection>(e3 - o3, w[6]);
        }
    }

    /// <summary>Any radix r as a direct r-point DFT (O(r²)); used for prime factors other than 2, 3 and 5.</summary>
    private readonly struct RadixGeneric : IScalarButterfly
    {
        public static void Apply<TDirection>(ReadOnlySpan<ComplexF32> x, int i0, int inStride, Span<ComplexF32> y, int o0, int outStride, ReadOnlySpan<ComplexF32> w, GenericRadixContext generic)
            where TDirection : struct, IFftDirection
        {
            int r = generic.Roots.Length;
            Span<ComplexF32> a = generic.Scratch[..r];
            for (int t = 0; t < r; t++)
            {
                a[t] = x[i0 + (t * inStride)];
            }

            for (int k = 0; k < r; k++)
            {
                float re = 0, im = 0;
                int tk = 0;
                for (int t = 0; t < r; t++)
                {
                    ComplexF32 v = FftScalarMath.MultiplyTwiddle<TDirection>(a[t], generic.Roots[tk]);
                    re += v.Re;
                    im += v.Im;
                    tk += k;
                    if (tk >= r)
                    {
                        tk -= r;
                    }
                }

                var sum = new ComplexF32(re, im);
                y[o0 + (k * outStride)] = k == 0 ? sum : FftScalarMath.MultiplyTwiddle<TDirection>(sum, w[k - 1]);
            }
        }
    }
}
