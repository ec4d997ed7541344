using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OpenRan.Dsp.Fft;

/// <summary>
/// The Vector256 FFT (AVX2 with FMA on x64): four complex butterflies per instruction. Lengths divisible by 4.
/// </summary>
/// <remarks>
/// The first pass (stride s = 1) has radix 4 or 8 (see <see cref="FftFactorization.Radices"/>) and runs four consecutive
/// groups p per vector, with per-lane twiddles stored four groups at a time; its r output vectors hold r·4 consecutive
/// outputs in group-major order and are put in order by 4×4 complex transposes. Every later pass has a stride that is a
/// multiple of 4, so it runs four consecutive q per vector with one broadcast twiddle per output row, and needs no tail.
/// Groups of the first pass that do not fill a vector, and generic (prime &gt; 5) radices, run the scalar pass.
/// </remarks>
public sealed class FftPlanAvx2 : FftPlan
{
    /// <summary>Plans a transform of <paramref name="length"/> points.</summary>
    /// <param name="length">N, a multiple of 4 in 4..2^20.</param>
    /// <param name="scaling">The normalisation convention.</param>
    /// <exception cref="PlatformNotSupportedException">Vector256 is not hardware accelerated on this machine.</exception>
    public FftPlanAvx2(int length, FftScaling scaling = FftScaling.None)
        : base(CheckLength(length), scaling)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("FftPlanAvx2 needs hardware-accelerated Vector256 (AVX2); use FftPlanGeneric.");
        }
    }

    /// <summary>The factory name of this implementation.</summary>
    public const string Name = "avx2";

    /// <summary>Whether this machine runs the plan (Vector256 hardware accelerated).</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <inheritdoc />
    public override string Implementation => Name;

    /// <summary>Whether <paramref name="length"/> suits this plan (a multiple of 4 within the supported range).</summary>
    public static bool SupportsLength(int length) => length is >= 4 and <= MaxLength && length % 4 == 0;

    private protected override int TwiddleIndex(int passIndex, FftPass pass, int p, int k)
    {
        int vectorGroups = pass.Groups & ~3;
        if (passIndex == 0 && p < vectorGroups)
        {
            // Four groups at a time: for each k, the twiddles of groups p..p+3 side by side (one vector).
            return ((p & ~3) * (pass.Radix - 1)) + ((k - 1) * 4) + (p & 3);
        }

        return base.TwiddleIndex(passIndex, pass, p, k);
    }

    private protected override void RunPass(int index, ReadOnlySpan<ComplexF32> x, Span<ComplexF32> y, FftDirection direction)
    {
        if (direction == FftDirection.Forward)
        {
            RunPass<ForwardFft>(index, x, y);
        }
        else
        {
            RunPass<InverseFft>(index, x, y);
        }
    }

    private static int CheckLength(int length)
    {
        if (!SupportsLength(length))
        {
            ThrowHelper.ThrowOutOfRange(nameof(length), length, $"multiples of 4 in 4..{MaxLength} (use FftPlanGeneric for other lengths)");
        }

        return length;
    }

    private void RunPass<TDirection>(int index, ReadOnlySpan<ComplexF32> x, Span<ComplexF32> y)
        where TDirection : struct, IFftDirection
    {
        FftPass pass = Passes[index];
        ref float xf = ref Unsafe.As<ComplexF32, float>(ref MemoryMarshal.GetReference(x));
        ref float yf = ref Unsafe.As<ComplexF32, float>(ref MemoryMarshal.GetReference(y));
        ref ComplexF32 tw = ref Twiddles[pass.TwiddleOffset];
        if (index == 0)
        {
            int vectorGroups = pass.Groups & ~3;
            if (pass.Radix == 4)
            {
                FirstPass4<TDirection>(ref xf, ref yf, pass.Groups, vectorGroups, ref tw);
            }
            else
            {
                FirstPass8<TDirection>(ref xf, ref yf, pass.Groups, vectorGroups, ref tw);
            }

            if (vectorGroups < pass.Groups)
            {
                ReadOnlySpan<ComplexF32> tail = Twiddles.AsSpan(pass.TwiddleOffset + (vectorGroups * (pass.Radix - 1)), (pass.Groups - vectorGroups) * (pass.Radix - 1));
                FftScalarPass.Run<TDirection>(x, y, pass, tail, vectorGroups, pass.Groups, default);
            }

            return;
        }

        switch (pass.Radix)
        {
            case 3:
                StridedPass3<TDirection>(ref xf, ref yf, pass, ref tw);
                break;
            case 4:
                StridedPass4<TDirection>(ref xf, ref yf, pass, ref tw);
                break;
            case 5:
                StridedPass5<TDirection>(ref xf, ref yf, pass, ref tw);
                break;
            case 8:
                StridedPass8<TDirection>(ref xf, ref yf, pass, ref tw);
                break;
            default:
                // Radix 2 never follows a first pass of radix 4 or 8; other primes use the direct DFT.
                GenericRadixContext generic = pass.IsGenericRadix ? new(Roots.AsSpan(pass.RootsOffset, pass.Radix), GenericScratch) : default;
                FftScalarPass.Run<TDirection>(x, y, pass, Twiddles.AsSpan(pass.TwiddleOffset, pass.Groups * (pass.Radix - 1)), 0, pass.Groups, generic);
                break;
        }
    }

    // ---- First pass (s = 1): four groups per vector, transposed stores -------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Load(ref float source, int complexIndex) => Vector256.LoadUnsafe(ref source, (nuint)(2 * complexIndex));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<float> value, ref float destination, int complexIndex) => value.StoreUnsafe(ref destination, (nuint)(2 * complexIndex));

    private static void FirstPass4<TDirection>(ref float x, ref float y, int m, int vectorGroups, ref ComplexF32 tw)
        where TDirection : struct, IFftDirection
    {
        ref float w = ref Unsafe.As<ComplexF32, float>(ref tw);
        for (int p = 0; p < vectorGroups; p += 4)
        {
            // Lane i works on group p + i: a_t = x[p + i + t·m].
            FftVectorMath.Dft4<TDirection>(Load(ref x, p), Load(ref x, p + m), Load(ref x, p + (2 * m)), Load(ref x, p + (3 * m)), out Vector256<float> b0, out Vector256<float> b1, out Vector256<float> b2, out Vector256<float> b3);
            int t = 3 * p;
            b1 = FftVectorMath.MultiplyTwiddle<TDirection>(b1, Load(ref w, t));
            b2 = FftVectorMath.MultiplyTwiddle<TDirection>(b2, Load(ref w, t + 4));
            b3 = FftVectorMath.MultiplyTwiddle<TDirection>(b3, Load(ref w, t + 8));

            // y[4(p + i) + k] = b_k lane i: after the transpose vector i holds outputs 4(p + i) .. 4(p + i) + 3.
            FftVectorMath.Transpose4x4(ref b0, ref b1, ref b2, ref b3);
            int o = 4 * p;
            Store(b0, ref y, o);
            Store(b1, ref y, o + 4);
            Store(b2, ref y, o + 8);
            Store(b3, ref y, o + 12);
        }
    }

    private static void FirstPass8<TDirection>(ref float x, ref float y, int m, int vectorGroups, ref ComplexF32 tw)
        where TDirection : struct, IFftDirection
    {
        ref float w = ref Unsafe.As<ComplexF32, float>(ref tw);
        for (int p = 0; p < vectorGroups; p += 4)
        {
            Vector256<float> b0 = Load(ref x, p);
            Vector256<float> b1 = Load(ref x, p + m);
            Vector256<float> b2 = Load(ref x, p + (2 * m));
            Vector256<float> b3 = Load(ref x, p + (3 * m));
            Vector256<float> b4 = Load(ref x, p + (4 * m));
            Vector256<float> b5 = Load(ref x, p + (5 * m));
            Vector256<float> b6 = Load(ref x, p + (6 * m));
            Vector256<float> b7 = Load(ref x, p + (7 * m));
            FftVectorMath.Dft8<TDirection>(ref b0, ref b1, ref b2, ref b3, ref b4, ref b5, ref b6, ref b7);
            int t = 7 * p;
            b1 = FftVectorMath.MultiplyTwiddle<TDirection>(b1, Load(ref w, t));
            b2 = FftVectorMath.MultiplyTwiddle<TDirection>(b2, Load(ref w, t + 4));
            b3 = FftVectorMath.MultiplyTwiddle<TDirection>(b3, Load(ref w, t + 8));
            b4 = FftVectorMath.MultiplyTwiddle<TDirection>(b4, Load(ref w, t + 12));
            b5 = FftVectorMath.MultiplyTwiddle<TDirection>(b5, Load(ref w, t + 16));
            b6 = FftVectorMath.MultiplyTwiddle<TDirection>(b6, Load(ref w, t + 20));
            b7 = FftVectorMath.MultiplyTwiddle<TDirection>(b7, Load(ref w, t + 24));

            // Outputs 8(p + i) .. 8(p + i) + 7 = (b0..b3 lane i, b4..b7 lane i): two 4×4 transposes.
            FftVectorMath.Transpose4x4(ref b0, ref b1, ref b2, ref b3);
            FftVectorMath.Transpose4x4(ref b4, ref b5, ref b6, ref b7);
            int o = 8 * p;
            Store(b0, ref y, o);
            Store(b4, ref y, o + 4);
            Store(b1, ref y, o + 8);
            Store(b5, ref y, o + 12);
            Store(b2, ref y, o + 16);
            Store(b6, ref y, o + 20);
            Store(b3, ref y, o + 24);
            Store(b7, ref y, o + 28);
        }
    }

    // ---- Later passes (s a multiple of 4): four consecutive q per vector, broadcast twiddles ------------------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Broadcast(ref ComplexF32 w, int index, out Vector256<float> re, out Vector256<float> im)
    {
        ComplexF32 value = Unsafe.Add(ref w, index);
        re = Vector256.Create(value.Re);
        im = Vector256.Create(value.Im);
    }

    private static void StridedPass4<TDirection>(ref float x, ref float y, FftPass pass, ref ComplexF32 tw)
        where TDirection : struct, IFftDirection
    {
        int s = pass.Stride;
        int m = pass.Groups;
        int rowIn = s * m;
        for (int p = 0; p < m; p++)
        {
            Broadcast(ref tw, 3 * p, out Vector256<float> w1r, out Vector256<float> w1i);
            Broadcast(ref tw, (3 * p) + 1, out Vector256<float> w2r, out Vector256<float> w2i);
            Broadcast(ref tw, (3 * p) + 2, out Vector256<float> w3r, out Vector256<float> w3i);
            bool twiddle = p != 0;
            int i0 = s * p;
            int o0 = 4 * s * p;
            for (int q = 0; q < s; q += 4)
            {
                int i = i0 + q;
                FftVectorMath.Dft4<TDirection>(Load(ref x, i), Load(ref x, i + rowIn), Load(ref x, i + (2 * rowIn)), Load(ref x, i + (3 * rowIn)), out Vector256<float> b0, out Vector256<float> b1, out Vector256<float> b2, out Vector256<float> b3);
                if (twiddle)
                {
                    b1 = FftVectorMath.MultiplyBroadcastTwiddle<TDirection>(b1, w1r, w1i);
                    b2 = FftVectorMath.MultiplyBroadcastTwiddle<TDirection>(b2, w2r, w2i);
                    b3 = FftVectorMath.MultiplyBroadcastTwiddle<TDirection>(b3, w3r, w3i);
                }

                int o = o0 + q;
                Store(b0, ref y, o);
                Store(b1, ref y, o + s);
                Store(b2, ref y, o + (2 * s));
                Store(b3, ref y, o + (3 * s));
            }
        }
    }

    private static void StridedPass8<TDirection>(ref float x, ref float y, FftPass pass, ref ComplexF32 tw)
        where TDirection : struct, IFftDirection
    {
        int s = pass.Stride;
        int m = pass.Groups;
        int rowIn = s * m;
        for (int p = 0; p < m; p++)
        {
            ref ComplexF32 w = ref Unsafe.Add(ref tw, 7 * p);
            bool twiddle = p != 0;
            int i0 = s * p;
            int o0 = 8 * s * p;
            for (int q = 0; q < s; q += 4)
            {
                int i = i0 + q;
                Vector256<float> b0 = Load(ref x, i);
                Vector256<float> b1 = Load(ref x, i + rowIn);
                Vector256<float> b2 = Load(ref x, i + (2 * rowIn));
                Vector256<float> b3 = Load(ref x, i + (3 * rowIn));
                Vector256<float> b4 = Load(ref x, i + (4 * rowIn));
                Vector256<float> b5 = Load(ref x, i + (5 * rowIn));
                Vector256<float> b6 = Load(ref x, i + (6 * rowIn));
                Vector256<float> b7 = Load(ref x, i + (7 * rowIn));
                FftVectorMath.Dft8<TDirection>(ref b0, ref b1, ref b2, ref b3, ref b4, ref b5, ref b6, ref b7);
                if (twiddle)
                {
                    // Seven broadcast twiddles are too many to keep in registers beside eight data vectors: load them here.
                    b1 = MultiplyBroadcast<TDirection>(b1, ref w, 0);
                    b2 = MultiplyBroadcast<TDirection>(b2, ref w, 1);
                    b3 = MultiplyBroadcast<TDirection>(b3, ref w, 2);
                    b4 = MultiplyBroadcast<TDirection>(b4, ref w, 3);
                    b5 = MultiplyBroadcast<TDirection>(b5, ref w, 4);
                    b6 = MultiplyBroadcast<TDirection>(b6, ref w, 5);
                    b7 = MultiplyBroadcast<TDirection>(b7, ref w, 6);
                }

                int o = o0 + q;
                Store(b0, ref y, o);
                Store(b1, ref y, o + s);
                Store(b2, ref y, o + (2 * s));
                Store(b3, ref y, o + (3 * s));
                Store(b4, ref y, o + (4 * s));
                Store(b5, ref y, o + (5 * s));
                Store(b6, ref y, o + (6 * s));
                Store(b7, ref y, o + (7 * s));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MultiplyBroadcast<TDirection>(Vector256<float> z, ref ComplexF32 w, int index)
        where TDirection : struct, IFftDirection
    {
        Broadcast(ref w, index, out Vector256<float> re, out Vector256<float> im);
        return FftVectorMath.MultiplyBroadcastTwiddle<TDirection>(z, re, im);
    }

    private static void StridedPass3<TDirection>(ref float x, ref float y, FftPass pass, ref ComplexF32 tw)
        where TDirection : struct, IFftDirection
    {
        int s = pass.Stride;
        int m = pass.Groups;
        int rowIn = s * m;
        for (int p = 0; p < m; p++)
        {
            Broadcast(ref tw, 2 * p, out Vector256<float> w1r, out Vector256<float> w1i);
            Broadcast(ref tw, (2 * p) + 1, out Vector256<float> w2r, out Vector256<float> w2i);
            bool twiddle = p != 0;
            int i0 = s * p;
            int o0 = 3 * s * p;
            for (int q = 0; q < s; q += 4)
            {
                int i = i0 + q;
                Vector256<float> b0 = Load(ref x, i);
                Vector256<float> b1 = Load(ref x, i + rowIn);
                Vector256<float> b2 = Load(ref x, i + (2 * rowIn));
                FftVectorMath.Dft3<TDirection>(ref b0, ref b1, ref b2);
                if (twiddle)
                {
                    b1 = FftVectorMath.MultiplyBroadcastTwiddle<TDirection>(b1, w1r, w1i);
                    b2 = FftVectorMath.MultiplyBroadcastTwiddle<TDirection>(b2, w2r, w2i);
                }

                int o = o0 + q;
                Store(b0, ref y, o);
                Store(b1, ref y, o + s);
                Store(b2, ref y, o + (2 * s));
            }
        }
    }

    private static void StridedPass5<TDirection>(ref float x, ref float y, FftPass pass, ref ComplexF32 tw)
        where TDirection : struct, IFftDirection
    {
        int s = pass.Stride;
        int m = pass.Groups;
        int rowIn = s * m;
        for (int p = 0; p < m; p++)
        {
            ref ComplexF32 w = ref Unsafe.Add(ref tw, 4 * p);
            bool twiddle = p != 0;
            int i0 = s * p;
            int o0 = 5 * s * p;
            for (int q = 0; q < s; q += 4)
            {
                int i = i0 + q;
                Vector256<float> b0 = Load(ref x, i);
                Vector256<float> b1 = Load(ref x, i + rowIn);
                Vector256<float> b2 = Load(ref x, i + (2 * rowIn));
                Vector256<float> b3 = Load(ref x, i + (3 * rowIn));
                Vector256<float> b4 = Load(ref x, i + (4 * rowIn));
                FftVectorMath.Dft5<TDirection>(ref b0, ref b1, ref b2, ref b3, ref b4);
                if (twiddle)
                {
                    b1 = MultiplyBroadcast<TDirection>(b1, ref w, 0);
                    b2 = MultiplyBroadcast<TDirection>(b2, ref w, 1);
                    b3 = MultiplyBroadcast<TDirection>(b3, ref w, 2);
                    b4 = MultiplyBroadcast<TDirection>(b4, ref w, 3);
                }

                int o = o0 + q;
                Store(b0, ref y, o);
                Store(b1, ref y, o + s);
                Store(b2, ref y, o + (2 * s));
                Store(b3, ref y, o + (3 * s));
                Store(b4, ref y, o + (4 * s));
            }
        }
    }
}
