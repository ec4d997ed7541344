using System;
using System.Numerics.Tensors;
using OpenRan.Dsp;

namespace OpenRan.Simulation.Randomness;

/// <summary>
/// Generates circularly-symmetric complex Gaussian samples CN(0, σ²) (real and imaginary parts independent N(0, σ²/2))
/// in blocks, allocation-free after construction. One instance per worker; not thread-safe.
/// </summary>
/// <remarks>
/// Box–Muller in polar form per complex sample: with u1 uniform in (0, 1] (32 random bits) and u2 uniform in [0, 1)
/// (24 bits), |n|² = −σ² ln u1 is exponential with mean σ² and arg n = 2π u2 is uniform, which is exactly the law of
/// CN(0, σ²). The logarithm, square root and sine/cosine run vectorised over a block with
/// <see cref="TensorPrimitives"/>. The largest representable |n|² is 22.2 σ² (u1 = 2^-32), a truncation at probability
/// e^-22 ≈ 2·10^-10 per sample.
/// </remarks>
public sealed class ComplexGaussianSource
{
    /// <summary>Samples produced per internal block.</summary>
    public const int BlockLength = 2048;

    private readonly RandomStream _random;
    private readonly float[] _u1 = new float[BlockLength];
    private readonly float[] _u2 = new float[BlockLength];
    private readonly float[] _sin = new float[BlockLength];
    private readonly float[] _cos = new float[BlockLength];

    /// <summary>Creates a source seeded with <paramref name="seed"/>.</summary>
    public ComplexGaussianSource(ulong seed) => _random = new RandomStream(seed);

    /// <summary>Restarts the source for <paramref name="seed"/>.</summary>
    public void Reset(ulong seed) => _random.Reset(seed);

    /// <summary>Overwrites <paramref name="destination"/> with CN(0, <paramref name="variance"/>) samples.</summary>
    public void Generate(Span<ComplexF32> destination, double variance)
    {
        for (int done = 0; done < destination.Length; done += BlockLength)
        {
            int n = Math.Min(BlockLength, destination.Length - done);
            NextBlock(n, variance);
            Span<ComplexF32> d = destination.Slice(done, n);
            for (int i = 0; i < n; i++)
            {
                d[i] = new ComplexF32(_cos[i], _sin[i]);
            }
        }
    }

    /// <summary>Adds CN(0, <paramref name="variance"/>) samples to <paramref name="samples"/> in place.</summary>
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
            Span<ComplexF32> d = samples.Slice(done, n);
            for (int i = 0; i < n; i++)
            {
                d[i] = new ComplexF32(d[i].Re + _cos[i], d[i].Im + _sin[i]);
            }
        }
    }

    /// <summary>Overwrites <paramref name="destination"/> with independent real N(0, <paramref name="variance"/>) samples.</summary>
    public void GenerateReal(Span<float> destination, double variance)
    {
        for (int done = 0; done < destination.Length; done += 2 * BlockLength)
        {
            int n = Math.Min(2 * BlockLength, destination.Length - done);
            int pairs = (n + 1) / 2;

            // A complex CN(0, 2σ²) sample carries two independent real N(0, σ²) values.
            NextBlock(pairs, 2 * variance);
            Span<float> d = destination.Slice(done, n);
            for (int i = 0; i < n; i++)
            {
                d[i] = (i & 1) == 0 ? _cos[i >> 1] : _sin[i >> 1];
            }
        }
    }

    /// <summary>Leaves n samples in (_cos, _sin) = (Re, Im).</summary>
    private void NextBlock(int n, double variance)
    {
        Span<float> u1 = _u1.AsSpan(0, n);
        Span<float> u2 = _u2.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            ulong x = _random.NextUInt64();
            u1[i] = (float)(((x >> 32) + 1) * (1.0 / 4294967296.0));
            u2[i] = (float)((uint)x >> 8) * (2f / 16777216f); // 2·u2, for SinCosPi
        }

        Span<float> sin = _sin.AsSpan(0, n);
        Span<float> cos = _cos.AsSpan(0, n);
        TensorPrimitives.SinCosPi(u2, sin, cos);

        // radius = sqrt(−σ² ln u1), reusing u1 as scratch.
        TensorPrimitives.Log(u1, u1);
        TensorPrimitives.Multiply(u1, (float)-variance, u1);
        TensorPrimitives.Sqrt(u1, u1);
        TensorPrimitives.Multiply(sin, u1, sin);
        TensorPrimitives.Multiply(cos, u1, cos);
    }
}
