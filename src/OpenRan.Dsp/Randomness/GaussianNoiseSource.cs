using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
namespace OpenRan.Dsp.Randomness;

/// <summary>
/// A seeded source of uniform bits and real standard normal samples (the coded AWGN simulations): xoshiro256** (Blackman
/// and Vigna, <see cref="Xoshiro256StarStar"/>), and Box–Muller in batches with vectorized log, square root and sine/cosine
/// (TensorPrimitives). Deterministic for a given seed on every machine; not thread-safe (one per worker).
/// </summary>
public sealed class GaussianNoiseSource
{
    private readonly float[] _radius;
    private readonly float[] _angle;
    private readonly float[] _sin;
    private readonly float[] _cos;
    private Xoshiro256StarStar _uniform = new(0);

    /// <summary>Creates a source that can fill up to <paramref name="maxSamples"/> normals per call.</summary>
    public GaussianNoiseSource(int maxSamples)
    {
        int pairs = (maxSamples + 1) / 2;
        _radius = new float[pairs];
        _angle = new float[pairs];
        _sin = new float[pairs];
        _cos = new float[pairs];
    }

    /// <summary>Restarts the generator from <paramref name="seed"/>.</summary>
    public void Reseed(ulong seed) => _uniform.Reset(seed);

    /// <summary>The next 64 uniform bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64() => _uniform.NextUInt64();

    /// <summary>Fills <paramref name="bits"/> with uniform 0/1 values.</summary>
    public void FillBits(Span<byte> bits) => _uniform.NextBits(bits);

    /// <summary>Fills <paramref name="destination"/> with independent N(0, 1) samples (Box–Muller on 24-bit uniforms).</summary>
    public void FillStandardNormal(Span<float> destination)
    {
        int pairs = (destination.Length + 1) / 2;
        Span<float> radius = _radius.AsSpan(0, pairs);
        Span<float> angle = _angle.AsSpan(0, pairs);
        for (int i = 0; i < pairs; i++)
        {
            // u1 ∈ (0, 1] (never 0, so the logarithm is finite), u2 ∈ [0, 1): 24-bit resolution each.
            ulong word = NextUInt64();
            radius[i] = ((uint)(word >> 40) + 1) * (1f / (1 << 24));
            angle[i] = ((uint)word >> 8) * (2f * MathF.PI / (1 << 24));
        }

        // r = √(−2 ln u1); z0 = r cos θ, z1 = r sin θ.
        TensorPrimitives.Log(radius, radius);
        TensorPrimitives.Multiply(radius, -2f, radius);
        TensorPrimitives.Sqrt(radius, radius);
        Span<float> sin = _sin.AsSpan(0, pairs);
        Span<float> cos = _cos.AsSpan(0, pairs);
        TensorPrimitives.SinCos(angle, sin, cos);
        int half = destination.Length / 2;
        TensorPrimitives.Multiply(radius[..half], cos[..half], destination[..half]);
        TensorPrimitives.Multiply(radius[..(destination.Length - half)], sin[..(destination.Length - half)], destination[half..]);
    }
}
