using OpenRan.Dsp.Randomness;

namespace OpenRan.Simulation.Randomness;

/// <summary>
/// Derives independent 64-bit seeds from a master seed and integer coordinates (SNR point, batch, stream), so that every
/// work unit of a sweep draws its own reproducible random numbers whatever thread or machine runs it.
/// </summary>
/// <remarks>
/// Uses the SplitMix64 output function (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014) as a 64-bit mixer: each coordinate is added to the running state with the golden-ratio increment and
/// the state is mixed, so nearby coordinates give uncorrelated seeds. Deterministic and platform-independent.
/// </remarks>
public static class SeedSequence
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    /// <summary>Advances <paramref name="state"/> by the golden-ratio increment and returns the mixed value (SplitMix64).</summary>
    public static ulong SplitMix64(ref ulong state) => Xoshiro256StarStar.SplitMix64(ref state);

    /// <summary>A seed derived from <paramref name="seed"/> and one coordinate.</summary>
    public static ulong Derive(ulong seed, ulong a) => Mix(Mix(seed + GoldenGamma) + ((a + 1) * GoldenGamma));

    /// <summary>A seed derived from <paramref name="seed"/> and two coordinates.</summary>
    public static ulong Derive(ulong seed, ulong a, ulong b) => Derive(Derive(seed, a), b);

    /// <summary>A seed derived from <paramref name="seed"/> and three coordinates.</summary>
    public static ulong Derive(ulong seed, ulong a, ulong b, ulong c) => Derive(Derive(Derive(seed, a), b), c);

    /// <summary>The SplitMix64 finaliser (a bijective 64-bit mixer).</summary>
    internal static ulong Mix(ulong z) => Xoshiro256StarStar.Mix(z);
}
