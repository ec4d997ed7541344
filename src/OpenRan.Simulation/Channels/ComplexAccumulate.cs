using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using OpenRan.Dsp;

namespace OpenRan.Simulation.Channels;

/// <summary>The multiply-accumulate kernel of the channel filters.</summary>
internal static class ComplexAccumulate
{
    /// <summary>
    /// Computes accumulator[i] += gain · x[i] for every i (complex gain, interleaved complex data). Vector256 and Vector128
    /// paths handle 4 and 2 complex numbers per step, the scalar loop the tail; results may differ from the scalar path in
    /// the last bit only through evaluation order.
    /// </summary>
    public static void ScaleAdd(ReadOnlySpan<ComplexF32> x, ComplexF32 gain, Span<ComplexF32> accumulator)
    {
        ThrowHelper.ThrowIfLengthDiffers(accumulator.Length, x.Length, nameof(accumulator));
        int done = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            done = ScaleAddVector256(x, gain, accumulator);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            done = ScaleAddVector128(x, gain, accumulator);
        }

        ScaleAddScalar(x.Slice(done), gain, accumulator.Slice(done));
    }

    /// <summary>The scalar reference: accumulator[i] += gain · x[i].</summary>
    internal static void ScaleAddScalar(ReadOnlySpan<ComplexF32> x, ComplexF32 gain, Span<ComplexF32> accumulator)
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
    private static int ScaleAddVector256(ReadOnlySpan<ComplexF32> x, ComplexF32 gain, Span<ComplexF32> accumulator)
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

    /// <summary>As <see cref="ScaleAddVector256"/> with 2 complex numbers per 128-bit vector.</summary>
    private static int ScaleAddVector128(ReadOnlySpan<ComplexF32> x, ComplexF32 gain, Span<ComplexF32> accumulator)
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

    /// <summary>Inline helper for building a complex from doubles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF32 FromDoubles(double re, double im) => new((float)re, (float)im);
}
