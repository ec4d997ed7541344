using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OpenRan.Dsp;

/// <summary>
/// Complex arithmetic on vectors of interleaved floats (re0, im0, re1, im1, …): each 128-bit vector holds 2 complex
/// numbers, each 256-bit vector 4. x86 instructions are used where present, each with a portable fallback in the same
/// method (STYLE.md §7.4).
/// </summary>
internal static class ComplexSimd
{
    /// <summary>(re, im) → (re, re) per complex lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> DuplicateReal(Vector256<float> v) =>
        Avx.IsSupported ? Avx.DuplicateEvenIndexed(v) : Vector256.Shuffle(v, Vector256.Create(0, 0, 2, 2, 4, 4, 6, 6));

    /// <summary>(re, im) → (im, im) per complex lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> DuplicateImaginary(Vector256<float> v) =>
        Avx.IsSupported ? Avx.DuplicateOddIndexed(v) : Vector256.Shuffle(v, Vector256.Create(1, 1, 3, 3, 5, 5, 7, 7));

    /// <summary>(re, im) → (im, re) per complex lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> SwapParts(Vector256<float> v) =>
        Avx.IsSupported ? Avx.Permute(v, 0b10_11_00_01) : Vector256.Shuffle(v, Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6));

    /// <summary>Element-wise x · y. Matches scalar (xr·yr − xi·yi, xr·yi + xi·yr).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Multiply(Vector256<float> x, Vector256<float> y)
    {
        // p = (xr·yr, xi·yr); q = (xi·yi, xr·yi); result = (p − q on even lanes, p + q on odd lanes).
        Vector256<float> q = SwapParts(x) * DuplicateImaginary(y);
        if (Fma.IsSupported)
        {
            return Fma.MultiplyAddSubtract(x, DuplicateReal(y), q);
        }

        return (x * DuplicateReal(y)) + (q * Vector256.Create(-1f, 1f, -1f, 1f, -1f, 1f, -1f, 1f));
    }

    /// <summary>Element-wise x · conj(y). Matches scalar (xr·yr + xi·yi, xi·yr − xr·yi).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyConjugate(Vector256<float> x, Vector256<float> y)
    {
        // p = (xr·yr, xi·yr); q = (xi·yi, xr·yi); result = (p + q on even lanes, p − q on odd lanes).
        Vector256<float> q = SwapParts(x) * DuplicateImaginary(y);
        if (Fma.IsSupported)
        {
            return Fma.MultiplySubtractAdd(x, DuplicateReal(y), q);
        }

        return (x * DuplicateReal(y)) + (q * Vector256.Create(1f, -1f, 1f, -1f, 1f, -1f, 1f, -1f));
    }

    /// <summary>(re, im) → (re, re) per complex lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> DuplicateReal(Vector128<float> v) =>
        Sse3.IsSupported ? Sse3.MoveLowAndDuplicate(v) : Vector128.Shuffle(v, Vector128.Create(0, 0, 2, 2));

    /// <summary>(re, im) → (im, im) per complex lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> DuplicateImaginary(Vector128<float> v) =>
        Sse3.IsSupported ? Sse3.MoveHighAndDuplicate(v) : Vector128.Shuffle(v, Vector128.Create(1, 1, 3, 3));

    /// <summary>(re, im) → (im, re) per complex lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> SwapParts(Vector128<float> v) => Vector128.Shuffle(v, Vector128.Create(1, 0, 3, 2));

    /// <summary>Element-wise x · y on two complex lanes; see the 256-bit overload.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Multiply(Vector128<float> x, Vector128<float> y) =>
        (x * DuplicateReal(y)) + (SwapParts(x) * DuplicateImaginary(y) * Vector128.Create(-1f, 1f, -1f, 1f));

    /// <summary>Element-wise x · conj(y) on two complex lanes; see the 256-bit overload.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyConjugate(Vector128<float> x, Vector128<float> y) =>
        (x * DuplicateReal(y)) + (SwapParts(x) * DuplicateImaginary(y) * Vector128.Create(1f, -1f, 1f, -1f));

    /// <summary>Sums the complex lanes of an accumulator: (Σ even lanes, Σ odd lanes).</summary>
    public static ComplexF32 HorizontalSum(Vector256<float> v)
    {
        Vector128<float> s = v.GetLower() + v.GetUpper();
        return new ComplexF32(s.GetElement(0) + s.GetElement(2), s.GetElement(1) + s.GetElement(3));
    }
}
