using System;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OpenRan.Dsp;

/// <summary>
/// Element-wise and reduction kernels over spans of <see cref="ComplexF32"/>, each with a 256-bit path, a 128-bit path
/// and a scalar path for the tail and for machines without SIMD (STYLE.md §7.2). Real-valued parts are delegated to
/// <see cref="TensorPrimitives"/> on the interleaved float view.
/// </summary>
/// <remarks>
/// Unless stated, <c>destination</c> must have the length of the inputs, and may be the same span as an input
/// (exact aliasing) but must not partially overlap one. Vector paths may use fused multiply-add, so results can differ
/// from the scalar path in the last bit.
/// </remarks>
public static class ComplexKernels
{
    /// <summary>Computes destination[i] = x[i] · y[i].</summary>
    public static void Multiply(ReadOnlySpan<ComplexF32> x, ReadOnlySpan<ComplexF32> y, Span<ComplexF32> destination) =>
        InvokeBinary<MultiplyOperator>(x, y, destination);

    /// <summary>Computes destination[i] = x[i] · conj(y[i]).</summary>
    public static void MultiplyConjugate(ReadOnlySpan<ComplexF32> x, ReadOnlySpan<ComplexF32> y, Span<ComplexF32> destination) =>
        InvokeBinary<MultiplyConjugateOperator>(x, y, destination);

    /// <summary>Computes destination[i] = x[i] · <paramref name="factor"/> (complex factor).</summary>
    public static void Scale(ReadOnlySpan<ComplexF32> x, ComplexF32 factor, Span<ComplexF32> destination)
    {
        ThrowIfDestinationInvalid(x, destination);
        ReadOnlySpan<float> xf = ComplexF32.AsFloats(x);
        Span<float> df = ComplexF32.AsFloats(destination);
        ref float xRef = ref MemoryMarshal.GetReference(xf);
        ref float dRef = ref MemoryMarshal.GetReference(df);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // The factor repeated in every complex lane: (fr, fi, fr, fi, …).
            Vector256<float> f = Vector256.Create(factor.Re, factor.Im, factor.Re, factor.Im, factor.Re, factor.Im, factor.Re, factor.Im);
            for (; i <= xf.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                ComplexSimd.Multiply(Vector256.LoadUnsafe(ref xRef, (nuint)i), f).StoreUnsafe(ref dRef, (nuint)i);
            }
        }

        for (int c = i / 2; c < x.Length; c++)
        {
            destination[c] = x[c] * factor;
        }
    }

    /// <summary>Computes destination[i] = x[i] · <paramref name="factor"/> (real factor).</summary>
    public static void Scale(ReadOnlySpan<ComplexF32> x, float factor, Span<ComplexF32> destination)
    {
        ThrowIfDestinationInvalid(x, destination);
        TensorPrimitives.Multiply(ComplexF32.AsFloats(x), factor, ComplexF32.AsFloats(destination));
    }

    /// <summary>
    /// Computes accumulator[i] += gain · x[i] for every i (complex multiply-accumulate, as the taps of a channel filter
    /// sum their paths). Vector256 and Vector128 paths handle 4 and 2 complex numbers per step, the scalar loop the tail;
    /// results may differ from the scalar path in the last bit only through evaluation order. <paramref name="accumulator"/>
    /// may be the same span as <paramref name="x"/> but must not partially overlap it.
    /// </summary>
    public static void MultiplyAdd(ReadOnlySpan<ComplexF32> x, ComplexF32 gain, Span<ComplexF32> accumulator)
    {
        ThrowHelper.ThrowIfLengthDiffers(accumulator.Length, x.Length, nameof(accumulator));
        ThrowIfPartialOverlap(x, accumulator);
        int done = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            done = MultiplyAddVector256(x, gain, accumulator);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            done = MultiplyAddVector128(x, gain, accumulator);
        }

        MultiplyAddScalar(x.Slice(done), gain, accumulator.Slice(done));
    }

    /// <summary>The scalar reference: accumulator[i] += gain · x[i].</summary>
    internal static void MultiplyAddScalar(ReadOnlySpan<ComplexF32> x, ComplexF32 gain, Span<ComplexF32> accumulator)
    {
        for (int i = 0; i < x.Length; i++)
        {
            ComplexF32 v = x[i];
            ComplexF32 a = accumulator[i];
            accumulator[i] = new ComplexF32(
                a.Re + (gain.Re * v.Re) - (gain.Im * v.Im),
                a.Im + (gain.Re * v.Im) + (gain.Im * v.Re));
        }
    }

    /// <summary>Returns the number of complex elements processed (a multiple of 4).</summary>
    private static int MultiplyAddVector256(ReadOnlySpan<ComplexF32> x, ComplexF32 gain, Span<ComplexF32> accumulator)
    {
        // Lane layout: (re0, im0, re1, im1, re2, im2, re3, im3). gain·x = x·g_re + swap(x)·(−g_im, g_im, …), where
        // swap(x) = (im0, re0, im1, re1, …); this matches the scalar (g_re·re − g_im·im, g_re·im + g_im·re).
        ref float xRef = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<ComplexF32, float>(x));
        ref float aRef = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<ComplexF32, float>(accumulator));
        Vector256<float> gRe = Vector256.Create(gain.Re);
        Vector256<float> gIm = Vector256.Create(-gain.Im, gain.Im, -gain.Im, gain.Im, -gain.Im, gain.Im, -gain.Im, gain.Im);
        Vector256<int> swap = Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6);
        int floats = 2 * x.Length;
        int i = 0;
        for (; i <= floats - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            Vector256<float> v = Vector256.LoadUnsafe(ref xRef, (nuint)i);
            Vector256<float> a = Vector256.LoadUnsafe(ref aRef, (nuint)i);
            a += (v * gRe) + (Vector256.Shuffle(v, swap) * gIm);
            a.StoreUnsafe(ref aRef, (nuint)i);
        }

        return i / 2;
    }

    /// <summary>As <see cref="MultiplyAddVector256"/> with 2 complex numbers per 128-bit vector.</summary>
    private static int MultiplyAddVector128(ReadOnlySpan<ComplexF32> x, ComplexF32 gain, Span<ComplexF32> accumulator)
    {
        ref float xRef = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<ComplexF32, float>(x));
        ref float aRef = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<ComplexF32, float>(accumulator));
        Vector128<float> gRe = Vector128.Create(gain.Re);
        Vector128<float> gIm = Vector128.Create(-gain.Im, gain.Im, -gain.Im, gain.Im);
        Vector128<int> swap = Vector128.Create(1, 0, 3, 2);
        int floats = 2 * x.Length;
        int i = 0;
        for (; i <= floats - Vector128<float>.Count; i += Vector128<float>.Count)
        {
            Vector128<float> v = Vector128.LoadUnsafe(ref xRef, (nuint)i);
            Vector128<float> a = Vector128.LoadUnsafe(ref aRef, (nuint)i);
            a += (v * gRe) + (Vector128.Shuffle(v, swap) * gIm);
            a.StoreUnsafe(ref aRef, (nuint)i);
        }

        return i / 2;
    }

    /// <summary>Computes destination[i] = x[i] + y[i].</summary>
    public static void Add(ReadOnlySpan<ComplexF32> x, ReadOnlySpan<ComplexF32> y, Span<ComplexF32> destination)
    {
        ThrowIfLengthsInvalid(x, y, destination);
        TensorPrimitives.Add(ComplexF32.AsFloats(x), ComplexF32.AsFloats(y), ComplexF32.AsFloats(destination));
    }

    /// <summary>Computes destination[i] = x[i] − y[i].</summary>
    public static void Subtract(ReadOnlySpan<ComplexF32> x, ReadOnlySpan<ComplexF32> y, Span<ComplexF32> destination)
    {
        ThrowIfLengthsInvalid(x, y, destination);
        TensorPrimitives.Subtract(ComplexF32.AsFloats(x), ComplexF32.AsFloats(y), ComplexF32.AsFloats(destination));
    }

    /// <summary>Computes destination[i] = |x[i]|² = Re² + Im² (real output).</summary>
    /// <param name="x">Input values.</param>
    /// <param name="destination">Receives x.Length floats; must not overlap <paramref name="x"/>.</param>
    public static void MagnitudeSquared(ReadOnlySpan<ComplexF32> x, Span<float> destination)
    {
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, x.Length, nameof(destination));
        ReadOnlySpan<float> xf = ComplexF32.AsFloats(x);
        ref float xRef = ref MemoryMarshal.GetReference(xf);
        ref float dRef = ref MemoryMarshal.GetReference(destination);
        int c = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Eight complex inputs (two vectors) give eight outputs. Squaring then adding each float to its pair partner
            // leaves |x|² in both lanes of every pair; the even lanes of both halves are then gathered in order.
            for (; c <= x.Length - Vector256<float>.Count; c += Vector256<float>.Count)
            {
                Vector256<float> a = Vector256.LoadUnsafe(ref xRef, (nuint)(2 * c));
                Vector256<float> b = Vector256.LoadUnsafe(ref xRef, (nuint)((2 * c) + Vector256<float>.Count));
                a *= a;
                b *= b;
                Vector256<float> pa = Vector256.Shuffle(a + ComplexSimd.SwapParts(a), Vector256.Create(0, 2, 4, 6, 0, 2, 4, 6));
                Vector256<float> pb = Vector256.Shuffle(b + ComplexSimd.SwapParts(b), Vector256.Create(0, 2, 4, 6, 0, 2, 4, 6));
                Vector256.Create(pa.GetLower(), pb.GetLower()).StoreUnsafe(ref dRef, (nuint)c);
            }
        }

        for (; c < x.Length; c++)
        {
            destination[c] = x[c].MagnitudeSquared;
        }
    }

    /// <summary>Returns Σ |x[i]|², the energy of <paramref name="x"/>.</summary>
    public static float SumOfMagnitudesSquared(ReadOnlySpan<ComplexF32> x) => TensorPrimitives.SumOfSquares(ComplexF32.AsFloats(x));

    /// <summary>Returns Σ x[i].</summary>
    public static ComplexF32 Sum(ReadOnlySpan<ComplexF32> x)
    {
        ReadOnlySpan<float> xf = ComplexF32.AsFloats(x);
        ref float xRef = ref MemoryMarshal.GetReference(xf);
        ComplexF32 total = ComplexF32.Zero;
        int i = 0;
        if (Vector256.IsHardwareAccelerated && xf.Length >= Vector256<float>.Count)
        {
            Vector256<float> acc = Vector256<float>.Zero;
            for (; i <= xf.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                acc += Vector256.LoadUnsafe(ref xRef, (nuint)i);
            }

            total = ComplexSimd.HorizontalSum(acc);
        }

        for (int c = i / 2; c < x.Length; c++)
        {
            total += x[c];
        }

        return total;
    }

    /// <summary>Returns Σ x[i] · y[i].</summary>
    public static ComplexF32 Dot(ReadOnlySpan<ComplexF32> x, ReadOnlySpan<ComplexF32> y) => Reduce<MultiplyOperator>(x, y);

    /// <summary>Returns Σ x[i] · conj(y[i]), the inner product ⟨x, y⟩ (linear in x).</summary>
    public static ComplexF32 DotConjugate(ReadOnlySpan<ComplexF32> x, ReadOnlySpan<ComplexF32> y) => Reduce<MultiplyConjugateOperator>(x, y);

    /// <summary>The scalar reference of <see cref="Multiply"/>; the oracle of the vector paths.</summary>
    internal static void MultiplyScalar(ReadOnlySpan<ComplexF32> x, ReadOnlySpan<ComplexF32> y, Span<ComplexF32> destination) =>
        InvokeBinaryScalar<MultiplyOperator>(x, y, destination, 0);

    /// <summary>The scalar reference of <see cref="MultiplyConjugate"/>.</summary>
    internal static void MultiplyConjugateScalar(ReadOnlySpan<ComplexF32> x, ReadOnlySpan<ComplexF32> y, Span<ComplexF32> destination) =>
        InvokeBinaryScalar<MultiplyConjugateOperator>(x, y, destination, 0);

    private static void InvokeBinary<TOperator>(ReadOnlySpan<ComplexF32> x, ReadOnlySpan<ComplexF32> y, Span<ComplexF32> destination)
        where TOperator : struct, IComplexBinaryOperator
    {
        ThrowIfLengthsInvalid(x, y, destination);
        ref float xRef = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(x));
        ref float yRef = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(y));
        ref float dRef = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(destination));
        int floats = 2 * x.Length;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= floats - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                TOperator.Invoke(Vector256.LoadUnsafe(ref xRef, (nuint)i), Vector256.LoadUnsafe(ref yRef, (nuint)i)).StoreUnsafe(ref dRef, (nuint)i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= floats - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                TOperator.Invoke(Vector128.LoadUnsafe(ref xRef, (nuint)i), Vector128.LoadUnsafe(ref yRef, (nuint)i)).StoreUnsafe(ref dRef, (nuint)i);
            }
        }

        InvokeBinaryScalar<TOperator>(x, y, destination, i / 2);
    }

    private static void InvokeBinaryScalar<TOperator>(ReadOnlySpan<ComplexF32> x, ReadOnlySpan<ComplexF32> y, Span<ComplexF32> destination, int start)
        where TOperator : struct, IComplexBinaryOperator
    {
        for (int c = start; c < x.Length; c++)
        {
            destination[c] = TOperator.Invoke(x[c], y[c]);
        }
    }

    private static ComplexF32 Reduce<TOperator>(ReadOnlySpan<ComplexF32> x, ReadOnlySpan<ComplexF32> y)
        where TOperator : struct, IComplexBinaryOperator
    {
        ThrowHelper.ThrowIfLengthDiffers(y.Length, x.Length, nameof(y));
        ref float xRef = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(x));
        ref float yRef = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(y));
        int floats = 2 * x.Length;
        int i = 0;
        ComplexF32 total = ComplexF32.Zero;
        if (Vector256.IsHardwareAccelerated && floats >= Vector256<float>.Count)
        {
            Vector256<float> acc = Vector256<float>.Zero;
            for (; i <= floats - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                acc += TOperator.Invoke(Vector256.LoadUnsafe(ref xRef, (nuint)i), Vector256.LoadUnsafe(ref yRef, (nuint)i));
            }

            total = ComplexSimd.HorizontalSum(acc);
        }

        for (int c = i / 2; c < x.Length; c++)
        {
            total += TOperator.Invoke(x[c], y[c]);
        }

        return total;
    }

    private static void ThrowIfLengthsInvalid(ReadOnlySpan<ComplexF32> x, ReadOnlySpan<ComplexF32> y, Span<ComplexF32> destination)
    {
        ThrowHelper.ThrowIfLengthDiffers(y.Length, x.Length, nameof(y));
        ThrowIfDestinationInvalid(x, destination);
        ThrowIfPartialOverlap(y, destination);
    }

    private static void ThrowIfDestinationInvalid(ReadOnlySpan<ComplexF32> x, Span<ComplexF32> destination)
    {
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, x.Length, nameof(destination));
        ThrowIfPartialOverlap(x, destination);
    }

    private static void ThrowIfPartialOverlap(ReadOnlySpan<ComplexF32> input, Span<ComplexF32> destination)
    {
        if (input.Overlaps(destination, out int offset) && offset != 0)
        {
            ThrowHelper.ThrowArgument(nameof(destination), "destination partially overlaps an input; it must be the same span or disjoint.");
        }
    }
}
