using System.Runtime.CompilerServices;

namespace OpenRan.Dsp.Randomness;

/// <summary>
/// The xoshiro256** 1.0 generator (D. Blackman and S. Vigna, 2018; period 2^256 − 1), seeded through SplitMix64 as its
/// authors recommend. A mutable value type: hold it in a field and call through the field, never through a copy.
/// Deterministic and identical on every platform for a given seed; not thread-safe. Used by every seeded noise and
/// payload source in the project (radio impairments, link simulation), so that one seed means one sequence everywhere.
/// </summary>
public struct Xoshiro256StarStar
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a generator positioned at the start of the sequence for <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed) => Reset(seed);

    /// <summary>A generator with the given raw state (not all zero), as in the authors' reference code's <c>s[0..3]</c>.</summary>
    public static Xoshiro256StarStar FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            ThrowHelper.ThrowArgument("state", "the xoshiro256** state must not be all zero");
        }

        return new Xoshiro256StarStar { _s0 = s0, _s1 = s1, _s2 = s2, _s3 = s3 };
    }

    /// <summary>Restarts the generator at the start of the sequence for <paramref name="seed"/>.</summary>
    public void Reset(ulong seed)
    {
        ulong state = seed;
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Fills <paramref name="bits"/> with independent fair bits, one per byte (0 or 1): bit k of each 64-bit draw, LSB first.</summary>
    public void NextBits(System.Span<byte> bits)
    {
        int i = 0;
        while (i < bits.Length)
        {
            ulong word = NextUInt64();
            int n = System.Math.Min(64, bits.Length - i);
            for (int k = 0; k < n; k++)
            {
                bits[i + k] = (byte)((word >> k) & 1);
            }

            i += n;
        }
    }

    /// <summary>
    /// Advances <paramref name="state"/> by the golden-ratio increment and returns the mixed value: SplitMix64 (Steele, Lea
    /// and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014).
    /// </summary>
    public static ulong SplitMix64(ref ulong state)
    {
        state += GoldenGamma;
        return Mix(state);
    }

    /// <summary>The SplitMix64 finaliser: a bijective 64-bit mixer.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
