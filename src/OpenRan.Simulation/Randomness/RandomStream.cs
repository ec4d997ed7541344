using System;
using System.Runtime.CompilerServices;
using OpenRan.Dsp.Randomness;

namespace OpenRan.Simulation.Randomness;

/// <summary>
/// A seeded pseudo-random number stream (xoshiro256**): fast, allocation-free after construction, and identical on every
/// platform for the same seed. One instance per worker; not thread-safe.
/// </summary>
/// <remarks>
/// Algorithm: <see cref="Xoshiro256StarStar"/> (xoshiro256** 1.0 by D. Blackman and S. Vigna, period 2^256 − 1), its state
/// filled from the seed with SplitMix64 as its authors recommend.
/// </remarks>
public sealed class RandomStream
{
    private Xoshiro256StarStar _generator;

    /// <summary>Creates a stream positioned at the start of the sequence for <paramref name="seed"/>.</summary>
    public RandomStream(ulong seed) => Reset(seed);

    /// <summary>Restarts the stream at the start of the sequence for <paramref name="seed"/>.</summary>
    public void Reset(ulong seed) => _generator.Reset(seed);

    /// <summary>The next 64 uniformly distributed bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64() => _generator.NextUInt64();

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => _generator.NextDouble();

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
    public void NextBits(Span<byte> bits) => _generator.NextBits(bits);
}
