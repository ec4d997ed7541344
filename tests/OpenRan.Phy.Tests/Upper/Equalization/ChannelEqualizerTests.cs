using System;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Equalization;

namespace OpenRan.Phy.Tests.Upper.Equalization;

public class ChannelEqualizerTests
{
    public static TheoryData<int, int, EqualizerAlgorithm> Shapes()
    {
        var data = new TheoryData<int, int, EqualizerAlgorithm>();
        foreach (EqualizerAlgorithm algorithm in Enum.GetValues<EqualizerAlgorithm>())
        {
            foreach ((int r, int v) in new[] { (1, 1), (2, 1), (4, 1), (2, 2), (4, 2), (3, 3), (4, 4), (8, 4) })
            {
                data.Add(r, v, algorithm);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Equalize_VectorMatchesScalar_EveryLength(int rx, int layers, EqualizerAlgorithm algorithm)
    {
        var random = new Random((rx * 10) + layers);
        for (int length = 0; length <= 19; length++)
        {
            (ComplexF32[] y, ComplexF32[] h) = RandomSystem(random, rx, layers, length, noise: 0.05);
            var x = new ComplexF32[layers * length];
            var e = new float[layers * length];
            var xs = new ComplexF32[layers * length];
            var es = new float[layers * length];
            ChannelEqualizer.Equalize(algorithm, y, length, h, layers * length, length, rx, layers, length, 0.01f, x, e, length);
            ChannelEqualizer.EqualizeScalar(algorithm, y, h, new ChannelEqualizer.Strides(length, layers * length, length, length), rx, layers, 0, length, 0.01f, xs, es);
            for (int i = 0; i < x.Length; i++)
            {
                Assert.True((x[i] - xs[i]).Magnitude <= 1e-3f * (1 + xs[i].Magnitude), $"length {length}, element {i}: {x[i]} vs {xs[i]}");
                Assert.True(Math.Abs(e[i] - es[i]) <= 1e-3f * (1 + es[i]), $"noise {i}: {e[i]} vs {es[i]}");
            }
        }
    }

    public static TheoryData<string, int, int, EqualizerAlgorithm> ImplementationShapes()
    {
        var data = new TheoryData<string, int, int, EqualizerAlgorithm>();
        foreach (string implementation in new[] { "avx512", "avx2" })
        {
            foreach (EqualizerAlgorithm algorithm in Enum.GetValues<EqualizerAlgorithm>())
            {
                foreach ((int r, int v) in new[] { (1, 1), (2, 1), (8, 1), (2, 2), (4, 2), (3, 3), (4, 3), (4, 4), (8, 4) })
                {
                    data.Add(implementation, r, v, algorithm);
                }
            }
        }

        return data;
    }

    /// <summary>
    /// Each vector implementation by name against the generic oracle, every length 0 .. 4·16 + 3, strided buffers as the
    /// shared-channel demodulator passes them, with zero-channel and rank-deficient elements among random ones.
    /// Tolerance: |x̂ − x̂_ref| ≤ t·(1 + |x̂_ref|) and |σ² − σ²_ref| ≤ t·(1 + σ²_ref) with t = 10⁻³·max(1, g/100), where
    /// g = (σ²_post/σ²)·tr(HᴴH)/υ is the element's noise amplification over the mean channel gain (1 for orthogonal
    /// equal-gain columns, of the order of the condition number of HᴴH otherwise): single-precision solutions of an
    /// ill-conditioned system legitimately differ by about ε·κ; erasures identical.
    /// </summary>
    [Theory]
    [MemberData(nameof(ImplementationShapes))]
    public void Implementation_MatchesGeneric_EveryLengthWithinTolerance(string implementation, int rx, int layers, EqualizerAlgorithm algorithm)
    {
        if (!ChannelEqualizerFactory.Family.Available.Contains(implementation))
        {
            Assert.Skip($"{implementation} not available here.");
        }

        IChannelEqualizer vector = ChannelEqualizerFactory.Create(algorithm, implementation);
        IChannelEqualizer generic = ChannelEqualizerFactory.Create(algorithm, "generic");
        var random = new Random((rx * 100) + (layers * 10) + (int)algorithm);
        for (int length = 0; length <= (4 * 16) + 3; length++)
        {
            // Strides longer than the length (as a symbol block of a larger grid): gaps hold garbage that must not leak.
            int stride = length + 5;
            (ComplexF32[] y, ComplexF32[] h) = RandomSystem(random, rx, layers, stride, noise: 0.05);
            for (int i = 0; i < length; i += 7)
            {
                for (int r = 0; r < rx; r++)
                {
                    for (int v = 0; v < layers; v++)
                    {
                        // Element i: no channel at all; element i + 3: layer 1 copies layer 0 (rank loss).
                        h[(((r * layers) + v) * stride) + i] = ComplexF32.Zero;
                        if (i + 3 < length && v == 1)
                        {
                            h[(((r * layers) + v) * stride) + i + 3] = h[(((r * layers) + 0) * stride) + i + 3];
                        }
                    }
                }
            }

            var x = new ComplexF32[layers * stride];
            var e = new float[layers * stride];
            var xs = new ComplexF32[layers * stride];
            var es = new float[layers * stride];
            vector.Equalize(new ChannelEqualizerInput(y, stride, h, layers * stride, stride, rx, layers, length, 0.01f), new ChannelEqualizerOutput(x, e, stride, length));
            generic.Equalize(new ChannelEqualizerInput(y, stride, h, layers * stride, stride, rx, layers, length, 0.01f), new ChannelEqualizerOutput(xs, es, stride, length));
            for (int v = 0; v < layers; v++)
            {
                for (int i = 0; i < length; i++)
                {
                    int k = (v * stride) + i;
                    string where = $"{implementation} {rx}×{layers} {algorithm}, length {length}, layer {v}, element {i}";
                    Assert.True(float.IsPositiveInfinity(e[k]) == float.IsPositiveInfinity(es[k]), $"{where}: σ² {e[k]} vs {es[k]}");
                    if (float.IsPositiveInfinity(es[k]))
                    {
                        Assert.Equal(ComplexF32.Zero, x[k]);
                        continue;
                    }

                    double trace = 0;
                    for (int r = 0; r < rx; r++)
                    {
                        for (int u = 0; u < layers; u++)
                        {
                            trace += h[(((r * layers) + u) * stride) + i].MagnitudeSquared;
                        }
                    }

                    double amplification = es[k] / 0.01 * trace / layers;
                    float tolerance = (float)(1e-3 * Math.Max(1, amplification / 100));
                    Assert.True((x[k] - xs[k]).Magnitude <= tolerance * (1 + xs[k].Magnitude), $"{where} (g = {amplification:F0}): {x[k]} vs {xs[k]}");
                    Assert.True(Math.Abs(e[k] - es[k]) <= tolerance * (1 + es[k]), $"{where} (g = {amplification:F0}): σ² {e[k]} vs {es[k]}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Equalize_Noiseless_RecoversTransmittedSymbols(int rx, int layers, EqualizerAlgorithm algorithm)
    {
        var random = new Random(3);
        const int length = 21;
        var symbols = new ComplexF32[layers * length];
        for (int i = 0; i < symbols.Length; i++)
        {
            symbols[i] = new ComplexF32(random.Next(2) * 2 - 1, random.Next(2) * 2 - 1) * 0.70710678f;
        }

        ComplexF32[] h = RandomChannel(random, rx, layers, length);
        ComplexF32[] y = Transmit(h, symbols, rx, layers, length);
        var x = new ComplexF32[layers * length];
        var e = new float[layers * length];
        ChannelEqualizer.Equalize(algorithm, y, length, h, layers * length, length, rx, layers, length, algorithm == EqualizerAlgorithm.Mmse ? 1e-7f : 0f, x, e, length);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True((x[i] - symbols[i]).Magnitude < 2e-3f, $"element {i}: {x[i]} vs {symbols[i]}");
        }
    }

    [Fact]
    public void Equalize_OneByOne_NoiseIsSigmaOverGain()
    {
        ComplexF32[] h = [new(0.5f, 0), new(0, 2f), new(1, 1), new(0.1f, 0), new(3, 0)];
        ComplexF32[] y = [new(0.5f, 0.5f), new(0, 2f), new(2, 0), new(0.1f, 0.1f), new(3, 3)];
        var x = new ComplexF32[5];
        var e = new float[5];
        ChannelEqualizer.Equalize(EqualizerAlgorithm.Mmse, y, 5, h, 5, 5, 1, 1, 5, 0.2f, x, e, 5);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(0.2f / h[i].MagnitudeSquared, e[i], 4);
            ComplexF32 expected = y[i] / h[i];
            Assert.True((x[i] - expected).Magnitude < 1e-5f);
        }
    }

    [Fact]
    public void Equalize_TwoByTwoMmse_NoiseMatchesClosedForm()
    {
        // Orthogonal columns with gains g1, g2: σ²_post,v = σ²/g_v for the unbiased MMSE.
        ComplexF32[] h = [new(2, 0), new(0, 0), new(0, 0), new(0, 0.5f)]; // h[r=0][v=0]=2, h[r=0][v=1]=0, h[r=1][v=0]=0, h[r=1][v=1]=0.5j
        ComplexF32[] y = [new(2, 0), new(0, 0.5f)];
        var x = new ComplexF32[2];
        var e = new float[2];
        ChannelEqualizer.Equalize(EqualizerAlgorithm.Mmse, y, 1, h, 2, 1, 2, 2, 1, 0.1f, x, e, 1);
        Assert.Equal(0.1f / 4, e[0], 4);
        Assert.Equal(0.1f / 0.25f, e[1], 3);
        Assert.True((x[0] - ComplexF32.One).Magnitude < 1e-4f && (x[1] - ComplexF32.One).Magnitude < 1e-4f);
    }

    public static TheoryData<string, int, int, EqualizerAlgorithm> ConditioningShapes()
    {
        var data = new TheoryData<string, int, int, EqualizerAlgorithm>();
        foreach (string implementation in new[] { "avx512", "avx2" })
        {
            foreach (EqualizerAlgorithm algorithm in Enum.GetValues<EqualizerAlgorithm>())
            {
                foreach ((int r, int v) in new[] { (2, 2), (4, 2), (3, 3), (4, 3), (4, 4), (8, 4) })
                {
                    data.Add(implementation, r, v, algorithm);
                }
            }
        }

        return data;
    }

    /// <summary>
    /// Each vector implementation against the generic oracle over random channels from well to badly conditioned: per
    /// receive port, layers 1.. are layer 0 plus δ times an independent coefficient (δ = 1, 0.1, 0.01, 0.001), and every
    /// element has its own scale 10⁻³ … 10³ (so SNR per element ranges from far below to far above σ²).
    /// Tolerance, relative: |x̂ − x̂_ref| ≤ t·(|x̂_ref| + σ_post,ref) and |σ² − σ²_ref| ≤ t·σ²_ref with
    /// t = 10⁻⁴·max(1, g), times 1/μ_ref = 1 + σ²_post,ref for the unbiased MMSE (whose division by μ = 1 − σ²(A⁻¹)_vv
    /// amplifies rounding where the SNR is low), g as in <see cref="Implementation_MatchesGeneric_EveryLengthWithinTolerance"/>.
    /// Erasures agree except at the pivot threshold itself: an element one side erases has g ≥ 10⁴ on the other.
    /// </summary>
    [Theory]
    [MemberData(nameof(ConditioningShapes))]
    public void Implementation_IllConditionedAndScaledChannels_MatchGenericWithinConditionTolerance(string implementation, int rx, int layers, EqualizerAlgorithm algorithm)
    {
        if (!ChannelEqualizerFactory.Family.Available.Contains(implementation))
        {
            Assert.Skip($"{implementation} not available here.");
        }

        IChannelEqualizer vector = ChannelEqualizerFactory.Create(algorithm, implementation);
        IChannelEqualizer generic = ChannelEqualizerFactory.Create(algorithm, "generic");
        const int length = 16 * 12;
        const float sigma2 = 0.01f;
        var random = new Random((rx * 100) + (layers * 10) + (int)algorithm);
        ComplexF32 Next() => new((float)(random.NextDouble() - 0.5), (float)(random.NextDouble() - 0.5));
        foreach (float delta in new[] { 1f, 0.1f, 0.01f, 0.001f })
        {
            var h = new ComplexF32[rx * layers * length];
            var y = new ComplexF32[rx * length];
            for (int i = 0; i < length; i++)
            {
                float scale = MathF.Pow(10, random.Next(-3, 4));
                for (int r = 0; r < rx; r++)
                {
                    ComplexF32 first = Next();
                    for (int v = 0; v < layers; v++)
                    {
                        h[(((r * layers) + v) * length) + i] = (v == 0 ? first : first + (Next() * delta)) * scale;
                    }

                    y[(r * length) + i] = Next() * scale;
                }
            }

            var x = new ComplexF32[layers * length];
            var e = new float[layers * length];
            var xs = new ComplexF32[layers * length];
            var es = new float[layers * length];
            vector.Equalize(new ChannelEqualizerInput(y, length, h, layers * length, length, rx, layers, length, sigma2), new ChannelEqualizerOutput(x, e, length, length));
            generic.Equalize(new ChannelEqualizerInput(y, length, h, layers * length, length, rx, layers, length, sigma2), new ChannelEqualizerOutput(xs, es, length, length));
            for (int v = 0; v < layers; v++)
            {
                for (int i = 0; i < length; i++)
                {
                    int k = (v * length) + i;
                    string where = $"{implementation} {layers}×{rx} {algorithm}, δ = {delta}, layer {v}, element {i}";
                    double trace = 0;
                    for (int r = 0; r < rx; r++)
                    {
                        for (int u = 0; u < layers; u++)
                        {
                            trace += h[(((r * layers) + u) * length) + i].MagnitudeSquared;
                        }
                    }

                    if (float.IsPositiveInfinity(e[k]) != float.IsPositiveInfinity(es[k]))
                    {
                        float kept = float.IsPositiveInfinity(e[k]) ? es[k] : e[k];
                        Assert.True(kept / sigma2 * trace / layers >= 1e4, $"{where}: erasure differs away from the threshold, σ² {e[k]} vs {es[k]}");
                        continue;
                    }

                    if (float.IsPositiveInfinity(es[k]))
                    {
                        Assert.Equal(ComplexF32.Zero, x[k]);
                        continue;
                    }

                    double amplification = es[k] / sigma2 * trace / layers;
                    double tolerance = 1e-4 * Math.Max(1, amplification) * (algorithm == EqualizerAlgorithm.Mmse ? 1 + es[k] : 1);
                    Assert.True((x[k] - xs[k]).Magnitude <= tolerance * (xs[k].Magnitude + MathF.Sqrt(es[k])), $"{where} (g = {amplification:G3}): {x[k]} vs {xs[k]}");
                    Assert.True(Math.Abs(e[k] - es[k]) <= tolerance * es[k], $"{where} (g = {amplification:G3}): σ² {e[k]} vs {es[k]}");
                }
            }
        }
    }

    /// <summary>
    /// Receiver integrity: NaN, ±∞ or overflowing channel coefficients, and non-finite received values on erased
    /// elements, never throw in any implementation; an element with such a channel is erased (x̂ = 0, σ² = +∞) exactly
    /// as the generic oracle erases it, and an erased element stays erased whatever its received value.
    /// </summary>
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 4)]
    [InlineData(8, 4)]
    public void Implementations_NonFiniteChannel_EraseLikeGenericWithoutThrowing(int rx, int layers)
    {
        const int length = 40;
        float[] poison = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1e30f, -3e38f];
        var random = new Random(rx + (10 * layers));
        foreach (string implementation in ChannelEqualizerFactory.Family.Available)
        {
            foreach (EqualizerAlgorithm algorithm in Enum.GetValues<EqualizerAlgorithm>())
            {
                (ComplexF32[] y, ComplexF32[] h) = RandomSystem(random, rx, layers, length, noise: 0.05);
                var poisoned = new bool[length];
                for (int i = 0; i < length; i += 3)
                {
                    // One coefficient (rotating over links and real/imaginary) of every third element is poisoned.
                    int link = (i / 3) % (rx * layers);
                    float value = poison[(i / 3) % poison.Length];
                    ComplexF32 old = h[(link * length) + i];
                    h[(link * length) + i] = (i / 3) % 2 == 0 ? new ComplexF32(value, old.Im) : new ComplexF32(old.Re, value);
                    poisoned[i] = true;
                }

                for (int i = 1; i < length; i += 3)
                {
                    // Every element after a poisoned one has no channel at all and a non-finite received value.
                    for (int link = 0; link < rx * layers; link++)
                    {
                        h[(link * length) + i] = ComplexF32.Zero;
                    }

                    y[i] = new ComplexF32(float.NaN, float.PositiveInfinity);
                    poisoned[i] = true;
                }

                var x = new ComplexF32[layers * length];
                var e = new float[layers * length];
                var xs = new ComplexF32[layers * length];
                var es = new float[layers * length];
                ChannelEqualizerFactory.Create(algorithm, implementation).Equalize(
                    new ChannelEqualizerInput(y, length, h, layers * length, length, rx, layers, length, 0.01f), new ChannelEqualizerOutput(x, e, length, length));
                ChannelEqualizerFactory.Create(algorithm, "generic").Equalize(
                    new ChannelEqualizerInput(y, length, h, layers * length, length, rx, layers, length, 0.01f), new ChannelEqualizerOutput(xs, es, length, length));
                for (int v = 0; v < layers; v++)
                {
                    for (int i = 0; i < length; i++)
                    {
                        int k = (v * length) + i;
                        string where = $"{implementation} {layers}×{rx} {algorithm}, layer {v}, element {i}";
                        if (poisoned[i])
                        {
                            Assert.True(float.IsPositiveInfinity(e[k]) && float.IsPositiveInfinity(es[k]), $"{where}: σ² {e[k]} / {es[k]} not erased");
                            Assert.Equal(ComplexF32.Zero, x[k]);
                            Assert.Equal(ComplexF32.Zero, xs[k]);
                        }
                        else
                        {
                            Assert.True(float.IsFinite(e[k]) && float.IsFinite(x[k].Re) && float.IsFinite(x[k].Im), $"{where}: {x[k]}, σ² {e[k]}");
                        }
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 4)]
    public void Equalize_ZeroChannel_ErasesElements(int rx, int layers)
    {
        const int length = 9;
        var y = new ComplexF32[rx * length];
        var h = new ComplexF32[rx * layers * length];
        var x = new ComplexF32[layers * length];
        var e = new float[layers * length];
        foreach (EqualizerAlgorithm algorithm in Enum.GetValues<EqualizerAlgorithm>())
        {
            ChannelEqualizer.Equalize(algorithm, y, length, h, layers * length, length, rx, layers, length, 0.1f, x, e, length);
            Assert.All(e, v => Assert.True(float.IsPositiveInfinity(v)));
            Assert.All(x, v => Assert.Equal(ComplexF32.Zero, v));
        }
    }

    [Fact]
    public void Equalize_BadArguments_Throw()
    {
        var buffer = new ComplexF32[16];
        var noise = new float[16];
        Assert.Throws<ArgumentOutOfRangeException>(() => ChannelEqualizer.Equalize(EqualizerAlgorithm.Mmse, buffer, 4, buffer, 4, 4, 1, 2, 4, 0.1f, buffer, noise, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChannelEqualizer.Equalize(EqualizerAlgorithm.Mmse, buffer, 4, buffer, 4, 4, 1, 1, 4, -1f, buffer, noise, 4));
        Assert.Throws<ArgumentException>(() => ChannelEqualizer.Equalize(EqualizerAlgorithm.Mmse, buffer, 4, buffer, 16, 4, 2, 2, 4, 0.1f, buffer, noise, 8));
    }

    private static (ComplexF32[] Y, ComplexF32[] H) RandomSystem(Random random, int rx, int layers, int length, double noise)
    {
        ComplexF32[] h = RandomChannel(random, rx, layers, length);
        var y = new ComplexF32[rx * length];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = new ComplexF32((float)(random.NextDouble() - 0.5), (float)(random.NextDouble() - 0.5)) * (float)(1 + noise);
        }

        return (y, h);
    }

    private static ComplexF32[] RandomChannel(Random random, int rx, int layers, int length)
    {
        var h = new ComplexF32[rx * layers * length];
        for (int i = 0; i < h.Length; i++)
        {
            h[i] = new ComplexF32((float)(random.NextDouble() - 0.5), (float)(random.NextDouble() - 0.5));
        }

        return h;
    }

    private static ComplexF32[] Transmit(ComplexF32[] h, ComplexF32[] x, int rx, int layers, int length)
    {
        var y = new ComplexF32[rx * length];
        for (int r = 0; r < rx; r++)
        {
            for (int v = 0; v < layers; v++)
            {
                for (int i = 0; i < length; i++)
                {
                    y[(r * length) + i] += h[(((r * layers) + v) * length) + i] * x[(v * length) + i];
                }
            }
        }

        return y;
    }
}
