using System;
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
