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
/// groups p per vector, with per-lane twiddles stored four groups at a time and split into real and imaginary vectors;
/// its r output vectors hold r·4 consecutive outputs in group-major order and are put in order by 4×4 complex transposes. Every later pass has a stride that is a
/// multiple of 4, so it runs four consecutive q per vector with one broadcast twiddle per output row, and needs no tail.
/// When the last two passes are both vector passes they run as one step through a small scratch buffer (see
/// <c>RunFusedLastPasses</c>), so the data crosses memory once less: at N = 4096 the 32 KB input and output no longer
/// both pass through L1 four times. Groups of the first pass that do not fill a vector, and generic (prime &gt; 5)
/// radices, run the scalar pass.
/// </remarks>
public sealed class FftPlanAvx2 : FftPlan
{
    private readonly float[] _firstPassTwiddles;
    private readonly float[]? _fusedScratch;

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

        // First-pass twiddles for the vector groups, pre-split so that a multiply needs no shuffle of the twiddle: for each
        // block of four groups p..p+3 and each k = 1..r−1, one vector (wr_p, wr_p, wr_p+1, wr_p+1, …) and one (wi_p, wi_p, …).
        FftPass first = Passes[0];
        int r = first.Radix;
        int vectorGroups = first.Groups & ~3;
        _firstPassTwiddles = new float[vectorGroups * (r - 1) * 4];

        // The last two passes run as one step when both are vector passes: see RunFusedLastPasses.
        if (Passes.Length >= 3 && Passes[^2].Radix is 3 or 4 or 5 or 8 && Passes[^1].Radix is 3 or 4 or 5 or 8)
        {
            _fusedScratch = new float[Passes[^2].Radix * Passes[^1].Radix * Vector256<float>.Count];
        }

        int at = 0;
        for (int p = 0; p < vectorGroups; p += 4)
        {
            for (int k = 1; k < r; k++)
            {
                for (int part = 0; part < 2; part++)
                {
                    for (int lane = 0; lane < 4; lane++)
                    {
                        ComplexF32 w = Twiddles[first.TwiddleOffset + ((p + lane) * (r - 1)) + k - 1];
                        float value = part == 0 ? w.Re : w.Im;
                        _firstPassTwiddles[at++] = value;
                        _firstPassTwiddles[at++] = value;
                    }
                }
            }
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

    private protected override int StepCount => _fusedScratch is null ? Passes.Length : Passes.Length - 1;

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
            ref float split = ref MemoryMarshal.GetArrayDataReference(_firstPassTwiddles);
            if (pass.Radix == 4)
            {
                FirstPass4<TDirection>(ref xf, ref yf, pass.Groups, vectorGroups, ref split);
            }
            else
            {
                FirstPass8<TDirection>(ref xf, ref yf, pass.Groups, vectorGroups, ref split);
            }

            if (vectorGroups < pass.Groups)
            {
                ReadOnlySpan<ComplexF32> tail = Twiddles.AsSpan(pass.TwiddleOffset + (vectorGroups * (pass.Radix - 1)), (pass.Groups - vectorGroups) * (pass.Radix - 1));
                FftScalarPass.Run<TDirection>(x, y, pass, tail, vectorGroups, pass.Groups, default);
            }

            return;
        }

        if (_fusedScratch is not null && index == Passes.Length - 2)
        {
            RunFusedLastPasses<TDirection>(ref xf, ref yf, pass, Passes[^1], ref tw);
            return;
        }

        switch (pass.Radix)
        {
            case 3:
                StridedPass<TDirection, Butterfly3>(ref xf, ref yf, pass, ref tw);
                break;
            case 4:
                StridedPass<TDirection, Butterfly4>(ref xf, ref yf, pass, ref tw);
                break;
            case 5:
                StridedPass<TDirection, Butterfly5>(ref xf, ref yf, pass, ref tw);
                break;
            case 8:
                StridedPass<TDirection, Butterfly8>(ref xf, ref yf, pass, ref tw);
                break;
            default:
                // Radix 2 never follows a first pass of radix 4 or 8; other primes use the direct DFT.
                GenericRadixContext generic = pass.IsGenericRadix ? new(Roots.AsSpan(pass.RootsOffset, pass.Radix), GenericScratch) : default;
                FftScalarPass.Run<TDirection>(x, y, pass, Twiddles.AsSpan(pass.TwiddleOffset, pass.Groups * (pass.Radix - 1)), 0, pass.Groups, generic);
                break;
        }
    }

    // ---- First pass (s = 1): four groups per vector, transposed stores -------------------------------------------
    // Offsets are in floats (two per complex) and unsigned, so each load or store is one addressing mode [base + offset].

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Load(ref float source, nuint floatOffset) => Vector256.LoadUnsafe(ref source, floatOffset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<float> value, ref float destination, nuint floatOffset) => value.StoreUnsafe(ref destination, floatOffset);

    /// <summary>b·w with the pre-split per-lane twiddle at <paramref name="split"/> + 16·<paramref name="index"/> (real-part vector, then imaginary-part vector).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MultiplySplit<TDirection>(Vector256<float> b, ref float split, nuint index)
        where TDirection : struct, IFftDirection =>
        FftVectorMath.MultiplyBroadcastTwiddle<TDirection>(b, Vector256.LoadUnsafe(ref split, 16 * index), Vector256.LoadUnsafe(ref split, (16 * index) + 8));

    private static void FirstPass4<TDirection>(ref float x, ref float y, int m, int vectorGroups, ref float split)
        where TDirection : struct, IFftDirection
    {
        nuint row = (nuint)(2 * m);
        for (int p = 0; p < vectorGroups; p += 4)
        {
            // Lane i works on group p + i: a_t = x[p + i + t·m].
            ref float xp = ref Unsafe.Add(ref x, 2 * p);
            FftVectorMath.Dft4<TDirection>(Load(ref xp, 0), Load(ref xp, row), Load(ref xp, 2 * row), Load(ref xp, 3 * row), out Vector256<float> b0, out Vector256<float> b1, out Vector256<float> b2, out Vector256<float> b3);
            ref float w = ref Unsafe.Add(ref split, 12 * p);
            b1 = MultiplySplit<TDirection>(b1, ref w, 0);
            b2 = MultiplySplit<TDirection>(b2, ref w, 1);
            b3 = MultiplySplit<TDirection>(b3, ref w, 2);

            // y[4(p + i) + k] = b_k lane i: after the transpose vector i holds outputs 4(p + i) .. 4(p + i) + 3.
            FftVectorMath.Transpose4x4(ref b0, ref b1, ref b2, ref b3);
            ref float yp = ref Unsafe.Add(ref y, 8 * p);
            Store(b0, ref yp, 0);
            Store(b1, ref yp, 8);
            Store(b2, ref yp, 16);
            Store(b3, ref yp, 24);
        }
    }

    private static void FirstPass8<TDirection>(ref float x, ref float y, int m, int vectorGroups, ref float split)
        where TDirection : struct, IFftDirection
    {
        nuint row = (nuint)(2 * m);
        for (int p = 0; p < vectorGroups; p += 4)
        {
            ref float xp = ref Unsafe.Add(ref x, 2 * p);
            Vector256<float> b0 = Load(ref xp, 0);
            Vector256<float> b1 = Load(ref xp, row);
            Vector256<float> b2 = Load(ref xp, 2 * row);
            Vector256<float> b3 = Load(ref xp, 3 * row);
            Vector256<float> b4 = Load(ref xp, 4 * row);
            Vector256<float> b5 = Load(ref xp, 5 * row);
            Vector256<float> b6 = Load(ref xp, 6 * row);
            Vector256<float> b7 = Load(ref xp, 7 * row);
            FftVectorMath.Dft8<TDirection>(ref b0, ref b1, ref b2, ref b3, ref b4, ref b5, ref b6, ref b7);
            ref float w = ref Unsafe.Add(ref split, 28 * p);
            b1 = MultiplySplit<TDirection>(b1, ref w, 0);
            b2 = MultiplySplit<TDirection>(b2, ref w, 1);
            b3 = MultiplySplit<TDirection>(b3, ref w, 2);
            b4 = MultiplySplit<TDirection>(b4, ref w, 3);
            b5 = MultiplySplit<TDirection>(b5, ref w, 4);
            b6 = MultiplySplit<TDirection>(b6, ref w, 5);
            b7 = MultiplySplit<TDirection>(b7, ref w, 6);

            // Outputs 8(p + i) .. 8(p + i) + 7 = (b0..b3 lane i, b4..b7 lane i): two 4×4 transposes.
            FftVectorMath.Transpose4x4(ref b0, ref b1, ref b2, ref b3);
            FftVectorMath.Transpose4x4(ref b4, ref b5, ref b6, ref b7);
            ref float yp = ref Unsafe.Add(ref y, 16 * p);
            Store(b0, ref yp, 0);
            Store(b4, ref yp, 8);
            Store(b1, ref yp, 16);
            Store(b5, ref yp, 24);
            Store(b2, ref yp, 32);
            Store(b6, ref yp, 40);
            Store(b3, ref yp, 48);
            Store(b7, ref yp, 56);
        }
    }

    // ---- Later passes (s a multiple of 4): four consecutive q per vector, broadcast twiddles ------------------------
    // For group p the inputs of row t start at x + 2·(s·p + t·s·m) floats and the outputs of row k at y + 2·(r·s·p + k·s).

    /// <summary>z·w for the twiddle (re, im) at <paramref name="w"/> + 2·<paramref name="index"/> floats, broadcast straight from memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MultiplyBroadcast<TDirection>(Vector256<float> z, ref float w, int index)
        where TDirection : struct, IFftDirection =>
        FftVectorMath.MultiplyBroadcastTwiddle<TDirection>(z, Vector256.Create(Unsafe.Add(ref w, 2 * index)), Vector256.Create(Unsafe.Add(ref w, (2 * index) + 1)));

    /// <summary>
    /// The last two passes as one step. With A the second-to-last pass (radix r1, stride S, r2 groups) and B the last
    /// (radix r2, stride S·r1, one group, no twiddles), every q &lt; S only touches positions q + S·j, j &lt; r1·r2: A reads
    /// x[q + S(p + t·r2)] and writes q + S(r1·p + k); B reads q + S(a + r1·t) and writes y[q + S(a + r1·k)]. So for four
    /// consecutive q at a time A writes its r1·r2 vectors into a small scratch (L1-resident) that B reads, and the data
    /// crosses memory once instead of twice.
    /// </summary>
    private void RunFusedLastPasses<TDirection>(ref float x, ref float y, FftPass a, FftPass b, ref ComplexF32 tw)
        where TDirection : struct, IFftDirection
    {
        switch (a.Radix)
        {
            case 3:
                RunFused<TDirection, Butterfly3>(ref x, ref y, a, b, ref tw);
                break;
            case 4:
                RunFused<TDirection, Butterfly4>(ref x, ref y, a, b, ref tw);
                break;
            case 5:
                RunFused<TDirection, Butterfly5>(ref x, ref y, a, b, ref tw);
                break;
            default:
                RunFused<TDirection, Butterfly8>(ref x, ref y, a, b, ref tw);
                break;
        }
    }

    private void RunFused<TDirection, TFirst>(ref float x, ref float y, FftPass a, FftPass b, ref ComplexF32 tw)
        where TDirection : struct, IFftDirection
        where TFirst : struct, IVectorButterfly
    {
        switch (b.Radix)
        {
            case 3:
                RunFused<TDirection, TFirst, Butterfly3>(ref x, ref y, a, ref tw);
                break;
            case 4:
                RunFused<TDirection, TFirst, Butterfly4>(ref x, ref y, a, ref tw);
                break;
            case 5:
                RunFused<TDirection, TFirst, Butterfly5>(ref x, ref y, a, ref tw);
                break;
            default:
                RunFused<TDirection, TFirst, Butterfly8>(ref x, ref y, a, ref tw);
                break;
        }
    }

    private void RunFused<TDirection, TFirst, TSecond>(ref float x, ref float y, FftPass a, ref ComplexF32 tw)
        where TDirection : struct, IFftDirection
        where TFirst : struct, IVectorButterfly
        where TSecond : struct, IVectorButterfly
    {
        int r1 = TFirst.Radix;
        int r2 = TSecond.Radix;
        int stride = a.Stride;
        const int vector = 8; // floats per Vector256: scratch vector j lives at 8·j
        ref float scratch = ref MemoryMarshal.GetArrayDataReference(_fusedScratch!);
        ref float twf = ref Unsafe.As<ComplexF32, float>(ref tw);
        nuint rowInA = (nuint)(2 * stride * r2);
        nuint rowOutB = (nuint)(2 * stride * r1);
        for (int q = 0; q < stride; q += 4)
        {
            ref float xq = ref Unsafe.Add(ref x, 2 * q);
            for (int p = 0; p < r2; p++)
            {
                // Pass A, group p: inputs x[q + S(p + t·r2)], outputs scratch[r1·p + k], twiddles w^(p·k).
                TFirst.Apply<TDirection>(ref Unsafe.Add(ref xq, 2 * stride * p), rowInA, ref Unsafe.Add(ref scratch, vector * r1 * p), vector, ref Unsafe.Add(ref twf, 2 * (r1 - 1) * p), p != 0);
            }

            ref float yq = ref Unsafe.Add(ref y, 2 * q);
            for (int c = 0; c < r1; c++)
            {
                // Pass B, q' = q + S·c: inputs scratch[c + r1·t], outputs y[q + S(c + r1·k)], no twiddles.
                TSecond.Apply<TDirection>(ref Unsafe.Add(ref scratch, vector * c), (nuint)(vector * r1), ref Unsafe.Add(ref yq, 2 * stride * c), rowOutB, ref twf, false);
            }
        }
    }

    /// <summary>
    /// The loops shared by every later pass: for each group p the twiddles w_n^(p·k) start at 2·(r−1)·p floats, and four
    /// consecutive q at a time go through <typeparamref name="TButterfly"/> (p = 0 has unit twiddles and skips them).
    /// </summary>
    private static void StridedPass<TDirection, TButterfly>(ref float x, ref float y, FftPass pass, ref ComplexF32 tw)
        where TDirection : struct, IFftDirection
        where TButterfly : struct, IVectorButterfly
    {
        int s = pass.Stride;
        int m = pass.Groups;
        int r = TButterfly.Radix;
        nuint rowIn = (nuint)(2 * s * m);
        nuint rowOut = (nuint)(2 * s);
        nuint end = (nuint)(2 * s);
        ref float twf = ref Unsafe.As<ComplexF32, float>(ref tw);
        for (int p = 0; p < m; p++)
        {
            ref float w = ref Unsafe.Add(ref twf, 2 * (r - 1) * p);
            ref float xp = ref Unsafe.Add(ref x, 2 * s * p);
            ref float yp = ref Unsafe.Add(ref y, 2 * r * s * p);
            bool twiddle = p != 0;
            for (nuint q = 0; q < end; q += 8)
            {
                TButterfly.Apply<TDirection>(ref Unsafe.Add(ref xp, q), rowIn, ref Unsafe.Add(ref yp, q), rowOut, ref w, twiddle);
            }
        }
    }

    /// <summary>A radix-r butterfly on four consecutive q: inputs at xq + t·rowIn, outputs at yq + k·rowOut (float offsets).</summary>
    private interface IVectorButterfly
    {
        static abstract int Radix { get; }

        static abstract void Apply<TDirection>(ref float xq, nuint rowIn, ref float yq, nuint rowOut, ref float w, bool twiddle)
            where TDirection : struct, IFftDirection;
    }

    private readonly struct Butterfly3 : IVectorButterfly
    {
        public static int Radix => 3;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Apply<TDirection>(ref float xq, nuint rowIn, ref float yq, nuint rowOut, ref float w, bool twiddle)
            where TDirection : struct, IFftDirection
        {
            Vector256<float> b0 = Load(ref xq, 0);
            Vector256<float> b1 = Load(ref xq, rowIn);
            Vector256<float> b2 = Load(ref xq, 2 * rowIn);
            FftVectorMath.Dft3<TDirection>(ref b0, ref b1, ref b2);
            if (twiddle)
            {
                b1 = MultiplyBroadcast<TDirection>(b1, ref w, 0);
                b2 = MultiplyBroadcast<TDirection>(b2, ref w, 1);
            }

            Store(b0, ref yq, 0);
            Store(b1, ref yq, rowOut);
            Store(b2, ref yq, 2 * rowOut);
        }
    }

    private readonly struct Butterfly4 : IVectorButterfly
    {
        public static int Radix => 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Apply<TDirection>(ref float xq, nuint rowIn, ref float yq, nuint rowOut, ref float w, bool twiddle)
            where TDirection : struct, IFftDirection
        {
            FftVectorMath.Dft4<TDirection>(Load(ref xq, 0), Load(ref xq, rowIn), Load(ref xq, 2 * rowIn), Load(ref xq, 3 * rowIn), out Vector256<float> b0, out Vector256<float> b1, out Vector256<float> b2, out Vector256<float> b3);
            if (twiddle)
            {
                b1 = MultiplyBroadcast<TDirection>(b1, ref w, 0);
                b2 = MultiplyBroadcast<TDirection>(b2, ref w, 1);
                b3 = MultiplyBroadcast<TDirection>(b3, ref w, 2);
            }

            Store(b0, ref yq, 0);
            Store(b1, ref yq, rowOut);
            Store(b2, ref yq, 2 * rowOut);
            Store(b3, ref yq, 3 * rowOut);
        }
    }

    private readonly struct Butterfly5 : IVectorButterfly
    {
        public static int Radix => 5;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Apply<TDirection>(ref float xq, nuint rowIn, ref float yq, nuint rowOut, ref float w, bool twiddle)
            where TDirection : struct, IFftDirection
        {
            Vector256<float> b0 = Load(ref xq, 0);
            Vector256<float> b1 = Load(ref xq, rowIn);
            Vector256<float> b2 = Load(ref xq, 2 * rowIn);
            Vector256<float> b3 = Load(ref xq, 3 * rowIn);
            Vector256<float> b4 = Load(ref xq, 4 * rowIn);
            FftVectorMath.Dft5<TDirection>(ref b0, ref b1, ref b2, ref b3, ref b4);
            if (twiddle)
            {
                b1 = MultiplyBroadcast<TDirection>(b1, ref w, 0);
                b2 = MultiplyBroadcast<TDirection>(b2, ref w, 1);
                b3 = MultiplyBroadcast<TDirection>(b3, ref w, 2);
                b4 = MultiplyBroadcast<TDirection>(b4, ref w, 3);
            }

            Store(b0, ref yq, 0);
            Store(b1, ref yq, rowOut);
            Store(b2, ref yq, 2 * rowOut);
            Store(b3, ref yq, 3 * rowOut);
            Store(b4, ref yq, 4 * rowOut);
        }
    }

    private readonly struct Butterfly8 : IVectorButterfly
    {
        public static int Radix => 8;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Apply<TDirection>(ref float xq, nuint rowIn, ref float yq, nuint rowOut, ref float w, bool twiddle)
            where TDirection : struct, IFftDirection
        {
            Vector256<float> b0 = Load(ref xq, 0);
            Vector256<float> b1 = Load(ref xq, rowIn);
            Vector256<float> b2 = Load(ref xq, 2 * rowIn);
            Vector256<float> b3 = Load(ref xq, 3 * rowIn);
            Vector256<float> b4 = Load(ref xq, 4 * rowIn);
            Vector256<float> b5 = Load(ref xq, 5 * rowIn);
            Vector256<float> b6 = Load(ref xq, 6 * rowIn);
            Vector256<float> b7 = Load(ref xq, 7 * rowIn);
            FftVectorMath.Dft8<TDirection>(ref b0, ref b1, ref b2, ref b3, ref b4, ref b5, ref b6, ref b7);
            if (twiddle)
            {
                // Seven broadcast twiddles would not fit in registers beside eight data vectors: broadcast them from memory here.
                b1 = MultiplyBroadcast<TDirection>(b1, ref w, 0);
                b2 = MultiplyBroadcast<TDirection>(b2, ref w, 1);
                b3 = MultiplyBroadcast<TDirection>(b3, ref w, 2);
                b4 = MultiplyBroadcast<TDirection>(b4, ref w, 3);
                b5 = MultiplyBroadcast<TDirection>(b5, ref w, 4);
                b6 = MultiplyBroadcast<TDirection>(b6, ref w, 5);
                b7 = MultiplyBroadcast<TDirection>(b7, ref w, 6);
            }

            Store(b0, ref yq, 0);
            Store(b1, ref yq, rowOut);
            Store(b2, ref yq, 2 * rowOut);
            Store(b3, ref yq, 3 * rowOut);
            Store(b4, ref yq, 4 * rowOut);
            Store(b5, ref yq, 5 * rowOut);
            Store(b6, ref yq, 6 * rowOut);
            Store(b7, ref yq, 7 * rowOut);
        }
    }
}
