using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.TransformPrecoding;

namespace OpenRan.Phy.Tests.Upper.TransformPrecoding;

public class TransformPrecoderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(27)]
    [InlineData(100)]
    [InlineData(270)]
    public void PrecodeThenDeprecode_RoundTrips_AndKeepsPower(int prbs)
    {
        int m = 12 * prbs;
        var random = new Random(prbs);
        var x = new ComplexF32[2 * m];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = new ComplexF32((float)random.NextDouble() - 0.5f, (float)random.NextDouble() - 0.5f);
        }

        var y = new ComplexF32[x.Length];
        var back = new ComplexF32[x.Length];
        var precoder = new TransformPrecoder();
        precoder.Precode(x, prbs, y);
        precoder.Deprecode(y, prbs, back);
        double energy = ComplexKernels.SumOfMagnitudesSquared(x);
        Assert.InRange(ComplexKernels.SumOfMagnitudesSquared(y), energy * (1 - 1e-5), energy * (1 + 1e-5));
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True((x[i] - back[i]).Magnitude < 1e-4f, $"element {i}");
        }
    }

    [Fact]
    public void Precode_DcOfConstantBlockIsSqrtM()
    {
        var x = new ComplexF32[24];
        Array.Fill(x, ComplexF32.One);
        var y = new ComplexF32[24];
        new TransformPrecoder().Precode(x, 2, y);
        Assert.Equal(MathF.Sqrt(24), y[0].Re, 4);
        Assert.True(y[1].Magnitude < 1e-5f);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(273)]
    [InlineData(0)]
    public void Precode_InvalidPrbCount_Throws(int prbs)
    {
        Assert.False(TransformPrecoder.IsValidPrbCount(prbs));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransformPrecoder().Precode(new ComplexF32[12], prbs, new ComplexF32[12]));
    }
}
