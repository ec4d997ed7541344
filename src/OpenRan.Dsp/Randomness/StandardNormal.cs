using System;

namespace OpenRan.Dsp.Randomness;

/// <summary>
/// Standard normal N(0, 1) values one or two at a time, by the Box–Muller transform (G. E. P. Box and M. E. Muller,
/// Ann. Math. Stat. 29(2), 1958): from uniforms u1 ∈ (0, 1] and u2 ∈ [0, 1), r = √(−2 ln u1) and θ = 2π·u2 give the
/// independent normals r·cos θ and r·sin θ. The scalar noise of the conformance checks, radio impairments and tests;
/// block generators for the slot path are <see cref="ComplexGaussianSource"/> and <see cref="GaussianNoiseSource"/>.
/// </summary>
/// <remarks>
/// u1 is drawn first as 1 − U and u2 second as U, so the logarithm is always finite; the sequence for a seeded
/// <see cref="Random"/> is therefore fixed and every caller that seeds the same generator gets the same noise.
/// </remarks>
public static class StandardNormal
{
    /// <summary>One N(0, 1) value (the cosine branch) from two uniforms of <paramref name="random"/>.</summary>
    public static double Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double u1 = 1 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>
    /// A circularly-symmetric complex Gaussian value CN(0, 2σ²), that is real and imaginary parts N(0, σ²), from two uniforms
    /// of <paramref name="random"/>.
    /// </summary>
    /// <param name="random">The uniform source.</param>
    /// <param name="sigma">σ, the standard deviation of each part (√(variance / 2) for a complex variance).</param>
    public static ComplexF32 NextComplex(Random random, double sigma)
    {
        ArgumentNullException.ThrowIfNull(random);
        double radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * sigma;
        double angle = 2 * Math.PI * random.NextDouble();
        return new ComplexF32((float)(radius * Math.Cos(angle)), (float)(radius * Math.Sin(angle)));
    }

    /// <summary>Adds CN(0, <paramref name="variance"/>) noise to every element of <paramref name="samples"/>.</summary>
    /// <param name="samples">The samples, changed in place.</param>
    /// <param name="variance">The total variance per complex sample, ≥ 0.</param>
    /// <param name="random">The uniform source.</param>
    public static void AddComplexNoise(Span<ComplexF32> samples, double variance, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double sigma = Math.Sqrt(variance / 2);
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] += NextComplex(random, sigma);
        }
    }

    /// <summary>Two independent N(0, 1) values (cosine and sine branch) from two uniforms of <paramref name="uniform"/>.</summary>
    /// <param name="uniform">The uniform source, advanced by two draws (pass the field, never a copy).</param>
    public static (double First, double Second) NextPair(ref Xoshiro256StarStar uniform)
    {
        double u1 = 1.0 - uniform.NextDouble();
        double u2 = uniform.NextDouble();
        double r = Math.Sqrt(-2.0 * Math.Log(u1));
        (double sin, double cos) = Math.SinCos(2 * Math.PI * u2);
        return (r * cos, r * sin);
    }
}
