using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OpenRan.Dsp.Randomness;

/// <summary>
/// Generates circularly-symmetric complex Gaussian samples CN(0, σ²) fully vectorised: four interleaved xoshiro256**
/// streams stepped together in one <see cref="Vector256{T}"/> and the Box–Muller transform in blocks. The noise of the
/// real-time channel model (<c>AdditiveWhiteGaussianNoise</c>), where the scalar rejection loop of
/// <see cref="ComplexGaussianSource"/> cannot keep up with 23.04 Msps per direction. Allocation-free after construction;
/// one instance per worker; not thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Uniform bits: lane j (j = 0..3) is the xoshiro256** generator started from the state (x_{4j}, …, x_{4j+3}) where x_0,
/// x_1, … are the SplitMix64 outputs for the seed; 64-bit word k of the stream is draw ⌊k/4⌋ of lane k mod 4
/// (<see cref="ReferenceWord"/> is the scalar oracle). The multiplications by 5 and 9 are shift-adds, so no 64-bit vector
/// multiply is needed.
/// </para>
/// <para>
/// Sample k uses word k alone: its top 31 bits give u1 = (m + ½)·2⁻³¹ ∈ (0, 1) and its low 32 bits, read as a signed
/// integer i, give θ = π·i·2⁻³¹ ∈ [−π, π); then n = √(−σ² ln u1)·e^{jθ} (Box and Muller, Ann. Math. Stat. 29(2), 1958),
/// with sine and cosine from a quadrant reduction and short polynomials (vectorised; error below 3.2·10⁻⁷ relative to the
/// scalar <see cref="ReferenceSample"/>), whose |n|² = −σ² ln u1 is exponential with mean σ² and whose phase is uniform: exactly CN(0, σ²) up to the 31-bit
/// resolution (largest |n|² ≈ 22 σ²). The sequence depends on the seed and on the lengths of the calls (every call draws
/// a whole number of 8-sample groups).
/// </para>
/// </remarks>
public sealed class VectorComplexGaussianSource : IComplexGaussianSource
{
    /// <summary>Samples produced per internal block.</summary>
    public const int BlockLength = 2048;

    /// <summary>Samples per vector group: a call consumes the words of a whole number of groups.</summary>
    public const int GroupLength = 8;

    private const int LaneCount = 4;
    private const float RadiusScale = 1f / 2147483648f;
    private const float RadiusOffset = 0.5f / 2147483648f;
    private const float AngleScale = MathF.PI / 2147483648f;

    private readonly ulong[] _words = new ulong[BlockLength];
    private readonly float[] _radius = new float[BlockLength];
    private readonly float[] _sin = new float[BlockLength];
    private readonly float[] _cos = new float[BlockLength];
    private Vector256<ulong> _s0;
    private Vector256<ulong> _s1;
    private Vector256<ulong> _s2;
    private Vector256<ulong> _s3;

    /// <summary>Creates a source seeded with <paramref name="seed"/>.</summary>
    public VectorComplexGaussianSource(ulong seed) => Reset(seed);

    /// <summary>Restarts the source for <paramref name="seed"/>.</summary>
    public void Reset(ulong seed)
    {
        Span<ulong> x = stackalloc ulong[4 * LaneCount];
        ulong state = seed;
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = Xoshiro256StarStar.SplitMix64(ref state);
        }

        _s0 = Vector256.Create(x[0], x[4], x[8], x[12]);
        _s1 = Vector256.Create(x[1], x[5], x[9], x[13]);
        _s2 = Vector256.Create(x[2], x[6], x[10], x[14]);
        _s3 = Vector256.Create(x[3], x[7], x[11], x[15]);
    }

    /// <summary>
    /// The scalar oracle of the uniform stream: word <paramref name="index"/> after a reset to <paramref name="seed"/>
    /// (O(index) time; for tests).
    /// </summary>
    public static ulong ReferenceWord(ulong seed, int index)
    {
        ulong state = seed;
        Span<ulong> x = stackalloc ulong[4 * LaneCount];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = Xoshiro256StarStar.SplitMix64(ref state);
        }

        int lane = index % LaneCount;
        Xoshiro256StarStar g = Xoshiro256StarStar.FromState(x[4 * lane], x[(4 * lane) + 1], x[(4 * lane) + 2], x[(4 * lane) + 3]);
        ulong word = 0;
        for (int step = 0; step <= index / LaneCount; step++)
        {
            word = g.NextUInt64();
        }

        return word;
    }

    /// <summary>The scalar oracle of the transform: the CN(0, <paramref name="variance"/>) sample made from <paramref name="word"/>.</summary>
    public static ComplexF32 ReferenceSample(ulong word, double variance)
    {
        float u1 = ((int)(word >> 33) * RadiusScale) + RadiusOffset;
        float theta = (int)(uint)word * AngleScale;
        double r = Math.Sqrt(-variance * Math.Log(u1));
        return new ComplexF32((float)(r * Math.Cos(theta)), (float)(r * Math.Sin(theta)));
    }

    /// <summary>Overwrites <paramref name="destination"/> with CN(0, <paramref name="variance"/>) samples.</summary>
    public void Generate(Span<ComplexF32> destination, double variance)
    {
        for (int done = 0; done < destination.Length; done += BlockLength)
        {
            int n = Math.Min(BlockLength, destination.Length - done);
            NextBlock(n, variance);
            Interleave(destination.Slice(done, n), accumulate: false);
        }
    }

    /// <summary>Adds CN(0, <paramref name="variance"/>) samples to <paramref name="samples"/> in place (nothing for σ² ≤ 0).</summary>
    public void AddTo(Span<ComplexF32> samples, double variance)
    {
        if (variance <= 0)
        {
            return;
        }

        for (int done = 0; done < samples.Length; done += BlockLength)
        {
            int n = Math.Min(BlockLength, samples.Length - done);
            NextBlock(n, variance);
            Interleave(samples.Slice(done, n), accumulate: true);
        }
    }

    /// <summary>Writes (or adds) the block's samples (_cos[i], _sin[i]) to <paramref name="d"/>: AVX unpacks, scalar tail.</summary>
    private void Interleave(Span<ComplexF32> d, bool accumulate)
    {
        int i = 0;
        if (Avx.IsSupported)
        {
            ref float re = ref MemoryMarshal.GetArrayDataReference(_cos);
            ref float im = ref MemoryMarshal.GetArrayDataReference(_sin);
            ref float o = ref Unsafe.As<ComplexF32, float>(ref MemoryMarshal.GetReference(d));
            for (; i <= d.Length - GroupLength; i += GroupLength)
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref re, (nuint)i);
                Vector256<float> y = Vector256.LoadUnsafe(ref im, (nuint)i);

                // UnpackLow = (x0 y0 x1 y1 | x4 y4 x5 y5), UnpackHigh = (x2 y2 x3 y3 | x6 y6 x7 y7).
                Vector256<float> lo = Avx.UnpackLow(x, y);
                Vector256<float> hi = Avx.UnpackHigh(x, y);
                Vector256<float> first = Avx.Permute2x128(lo, hi, 0x20);
                Vector256<float> second = Avx.Permute2x128(lo, hi, 0x31);
                if (accumulate)
                {
                    first += Vector256.LoadUnsafe(ref o, (nuint)(2 * i));
                    second += Vector256.LoadUnsafe(ref o, (nuint)((2 * i) + GroupLength));
                }

                first.StoreUnsafe(ref o, (nuint)(2 * i));
                second.StoreUnsafe(ref o, (nuint)((2 * i) + GroupLength));
            }
        }

        for (; i < d.Length; i++)
        {
            var sample = new ComplexF32(_cos[i], _sin[i]);
            d[i] = accumulate ? new ComplexF32(d[i].Re + sample.Re, d[i].Im + sample.Im) : sample;
        }
    }

    /// <summary>Leaves at least n samples in (_cos, _sin) = (Re, Im).</summary>
    private void NextBlock(int n, double variance)
    {
        int m = (n + GroupLength - 1) / GroupLength * GroupLength;
        FillWords(_words.AsSpan(0, m));
        ref ulong w = ref MemoryMarshal.GetArrayDataReference(_words);
        ref float radius = ref MemoryMarshal.GetArrayDataReference(_radius);
        ref float sin = ref MemoryMarshal.GetArrayDataReference(_sin);
        ref float cos = ref MemoryMarshal.GetArrayDataReference(_cos);
        for (int i = 0; i < m; i += GroupLength)
        {
            Vector256<ulong> a = Vector256.LoadUnsafe(ref w, (nuint)i);
            Vector256<ulong> b = Vector256.LoadUnsafe(ref w, (nuint)(i + LaneCount));
            Vector256<int> top = Vector256.Narrow(a >>> 33, b >>> 33).AsInt32();
            Vector256<int> low = Vector256.Narrow(a, b).AsInt32();
            ((Vector256.ConvertToSingle(top) * RadiusScale) + Vector256.Create(RadiusOffset)).StoreUnsafe(ref radius, (nuint)i);
            (Vector256<float> sinTheta, Vector256<float> cosTheta) = SinCos(low);
            sinTheta.StoreUnsafe(ref sin, (nuint)i);
            cosTheta.StoreUnsafe(ref cos, (nuint)i);
        }

        // r = √(−σ² ln u1); (Re, Im) = r·(cos θ, sin θ).
        Span<float> r = _radius.AsSpan(0, m);
        TensorPrimitives.Log(r, r);
        TensorPrimitives.Multiply(r, (float)-variance, r);
        TensorPrimitives.Sqrt(r, r);
        TensorPrimitives.Multiply(_cos.AsSpan(0, m), r, _cos.AsSpan(0, m));
        TensorPrimitives.Multiply(_sin.AsSpan(0, m), r, _sin.AsSpan(0, m));
    }

    /// <summary>
    /// (sin θ, cos θ) for θ = π·i·2⁻³¹: the quadrant q = round(θ / (π/2)) comes from the integer bits, the residual
    /// x = θ − qπ/2 ∈ [−π/4, π/4) goes through the Taylor polynomials to x⁷ and x⁸ (errors below 3.2·10⁻⁷), and the
    /// result is rotated by qπ/2 by swapping and negating.
    /// </summary>
    private static (Vector256<float> Sin, Vector256<float> Cos) SinCos(Vector256<int> angle)
    {
        Vector256<int> q = (angle + Vector256.Create(1 << 29)) >> 30;
        Vector256<float> x = Vector256.ConvertToSingle(angle - (q << 30)) * AngleScale;
        Vector256<float> x2 = x * x;
        Vector256<float> s = x * (Vector256<float>.One + (x2 * (Vector256.Create(-1f / 6) + (x2 * (Vector256.Create(1f / 120) + (x2 * Vector256.Create(-1f / 5040)))))));
        Vector256<float> c = Vector256<float>.One + (x2 * (Vector256.Create(-0.5f) + (x2 * (Vector256.Create(1f / 24) + (x2 * (Vector256.Create(-1f / 720) + (x2 * Vector256.Create(1f / 40320))))))));

        // q mod 4 = 0: (s, c); 1: (c, −s); 2: (−s, −c); 3: (−c, s).
        Vector256<float> swap = Vector256.Equals(q & Vector256<int>.One, Vector256<int>.One).AsSingle();
        Vector256<float> sinSign = ((q & Vector256.Create(2)) << 30).AsSingle();
        Vector256<float> cosSign = (((q + Vector256<int>.One) & Vector256.Create(2)) << 30).AsSingle();
        return (Vector256.ConditionalSelect(swap, c, s) ^ sinSign, Vector256.ConditionalSelect(swap, s, c) ^ cosSign);
    }

    /// <summary>Fills <paramref name="words"/> (a multiple of four long) with the next words of the interleaved stream.</summary>
    private void FillWords(Span<ulong> words)
    {
        Vector256<ulong> s0 = _s0, s1 = _s1, s2 = _s2, s3 = _s3;
        ref ulong d = ref MemoryMarshal.GetReference(words);
        for (int i = 0; i < words.Length; i += LaneCount)
        {
            // result = rotl(s1·5, 7)·9; x·5 = (x ≪ 2) + x and x·9 = (x ≪ 3) + x.
            Vector256<ulong> five = (s1 << 2) + s1;
            Vector256<ulong> rotated = (five << 7) | (five >>> 57);
            ((rotated << 3) + rotated).StoreUnsafe(ref d, (nuint)i);
            Vector256<ulong> t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = (s3 << 45) | (s3 >>> 19);
        }

        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }
}
