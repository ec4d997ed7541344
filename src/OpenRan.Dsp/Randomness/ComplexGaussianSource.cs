using System;
using System.Numerics.Tensors;
namespace OpenRan.Dsp.Randomness;

/// <summary>
/// Generates circularly-symmetric complex Gaussian samples CN(0, σ²) (real and imaginary parts independent N(0, σ²/2))
/// in blocks from a <see cref="Xoshiro256StarStar"/> stream, allocation-free after construction. The noise source of the
/// propagation channels and link simulations; one instance per worker; not thread-safe.
/// </summary>
/// <remarks>
/// Marsaglia's polar method per complex sample (G. Marsaglia and T. A. Bray, SIAM Review 6(3), 1964): draw (u, v)
/// uniform in the square (−1, 1)², keep the pair when 0 &lt; s = u² + v² &lt; 1 (probability π/4), and scale it by
/// √(−σ² ln s / s). The kept point is uniform in the unit disc, so the result has a uniform phase and
/// |n|² = −σ² ln s, which is exponential with mean σ²: exactly CN(0, σ²). No sine or cosine is needed; the logarithm,
/// division and square root run vectorised over a block with <see cref="TensorPrimitives"/>. u and v take 32 random bits
/// each, so the largest |n|² is about 43 σ².
/// </remarks>
public sealed class ComplexGaussianSource : IComplexGaussianSource
{
    /// <summary>Samples produced per internal block.</summary>
    public const int BlockLength = 2048;

    private Xoshiro256StarStar _random;
    // One spare element: the branch-free rejection loop writes every candidate before deciding to keep it.
    private readonly float[] _u1 = new float[BlockLength + 1];
    private readonly float[] _u2 = new float[BlockLength];
    private readonly float[] _sin = new float[BlockLength + 1];
    private readonly float[] _cos = new float[BlockLength + 1];

    /// <summary>Creates a source seeded with <paramref name="seed"/>.</summary>
    public ComplexGaussianSource(ulong seed) => _random = new Xoshiro256StarStar(seed);

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
        Span<float> s = _u1.AsSpan(0, n + 1);
        Span<float> scale = _u2.AsSpan(0, n);
        Span<float> re = _cos.AsSpan(0, n + 1);
        Span<float> im = _sin.AsSpan(0, n + 1);
        int kept = 0;
        while (kept < n)
        {
            // u, v uniform in [−1, 1) from the two signed 32-bit halves of one draw. Branch-free rejection: the candidate
            // is always written at index kept, which only advances when 0 < s < 1 (the acceptance test is unpredictable,
            // so a branch would mispredict about one time in five).
            ulong x = _random.NextUInt64();
            float u = (int)(x >> 32) * (1f / 2147483648f);
            float v = (int)x * (1f / 2147483648f);
            float r2 = (u * u) + (v * v);
            re[kept] = u;
            im[kept] = v;
            s[kept] = r2;
            kept += (r2 < 1f) & (r2 > 0f) ? 1 : 0;
        }

        s = s[..n];
        re = re[..n];
        im = im[..n];

        // scale = √(−σ² · ln s / s).
        TensorPrimitives.Log(s, scale);
        TensorPrimitives.Divide(scale, s, scale);
        TensorPrimitives.Multiply(scale, (float)-variance, scale);
        TensorPrimitives.Sqrt(scale, scale);
        TensorPrimitives.Multiply(re, scale, re);
        TensorPrimitives.Multiply(im, scale, im);
    }
}
