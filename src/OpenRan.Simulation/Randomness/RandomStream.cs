using System;
using System.Runtime.CompilerServices;

namespace OpenRan.Simulation.Randomness;

/// <summary>
/// A seeded pseudo-random number stream (xoshiro256**): fast, allocation-free after construction, and identical on every
/// platform for the same seed. One instance per worker; not thread-safe.
/// </summary>
/// <remarks>
/// Algorithm: xoshiro256** 1.0 by D. Blackman and S. Vigna (2018, public domain), period 2^256 − 1; the state is filled
/// from the seed with <see cref="SeedSequence.SplitMix64"/> as its authors recommend. This implementation is our own.
/// </remarks>
public sealed class RandomStream
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a stream positioned at the start of the sequence for <paramref name="seed"/>.</summary>
    public RandomStream(ulong seed) => Reset(seed);

    /// <summary>Restarts the stream at the start of the sequence for <paramref name="seed"/>.</summary>
    public void Reset(ulong seed)
    {
        ulong state = seed;
        _s0 = SeedSequence.SplitMix64(ref state);
        _s1 = SeedSequence.SplitMix64(ref state);
        _s2 = SeedSequence.SplitMix64(ref state);
        _s3 = SeedSequence.SplitMix64(ref state);
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitRotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitRotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>) (Lemire's multiply-shift; bias below 2^-32 for the sizes used here).</summary>
    public int NextInt32(int exclusiveMax)
    {
        if (exclusiveMax <= 0)
        {
            Dsp.ThrowHelper.ThrowOutOfRange(nameof(exclusiveMax), exclusiveMax, "1..int.MaxValue");
        }

        return (int)(((NextUInt64() >> 32) * (ulong)exclusiveMax) >> 32);
    }

    /// <summary>Fills <paramref name="bits"/> with independent fair bits, one per byte (0 or 1).</summary>
    public void NextBits(Span<byte> bits)
    {
        int i = 0;
        while (i < bits.Length)
        {
            ulong word = NextUInt64();
            int n = Math.Min(64, bits.Length - i);
            for (int k = 0; k < n; k++)
            {
                bits[i + k] = (byte)((word >> k) & 1);
            }

            i += n;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong BitRotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
