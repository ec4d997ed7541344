using System;

namespace OpenRan.Dsp.Tests;

public class LogLikelihoodRatioTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(67)]
    [InlineData(200)]
    public void Add_VectorPathMatchesScalarDefinition(int n)
    {
        var random = new Random(n);
        var x = new sbyte[n];
        var y = new sbyte[n];
        sbyte[] special = [127, -127, 120, -120, 0, -128];
        for (int i = 0; i < n; i++)
        {
            x[i] = i % 7 == 0 ? special[i % special.Length] : (sbyte)random.Next(-120, 121);
            y[i] = i % 5 == 0 ? special[(i + 1) % special.Length] : (sbyte)random.Next(-120, 121);
        }

        var sum = new sbyte[n];
        LogLikelihoodRatio.Add(x, y, sum);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(LogLikelihoodRatio.Add(x[i], y[i]), sum[i]);
        }
    }

    [Fact]
    public void Add_Scalar_SaturatesAndKeepsKnownBits()
    {
        Assert.Equal(120, LogLikelihoodRatio.Add(100, 100));
        Assert.Equal(-120, LogLikelihoodRatio.Add(-100, -100));
        Assert.Equal(127, LogLikelihoodRatio.Add(127, -100));
        Assert.Equal(-127, LogLikelihoodRatio.Add(50, -127));
        Assert.Equal(-3, LogLikelihoodRatio.Add(2, -5));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(64)]
    public void HardDecision_NegativeIsOne(int n)
    {
        var llrs = new sbyte[n];
        for (int i = 0; i < n; i++)
        {
            llrs[i] = (sbyte)((i * 37 % 255) - 127);
        }

        var bits = new byte[n];
        LogLikelihoodRatio.HardDecision(llrs, bits);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(llrs[i] < 0 ? 1 : 0, bits[i]);
        }
    }

    [Fact]
    public void Quantize_RoundsAndClamps()
    {
        var dst = new sbyte[4];
        LogLikelihoodRatio.Quantize([1.26f, -300f, float.NaN, -0.4f], 2f, dst);
        Assert.Equal([3, -120, 0, -1], dst);
    }
}
