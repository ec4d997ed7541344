using System;

namespace OpenRan.Dsp.Tests;

public class SampleConversionTests
{
    [Fact]
    public void ToComplexI16_RoundsHalfToEvenAndSaturates()
    {
        ComplexF32[] input = [new(0.5f, 1.5f), new(2.5f, -2.5f), new(40000f, -40000f), new(32767.4f, -32768.6f), new(float.NaN, float.PositiveInfinity)];
        var output = new ComplexI16[input.Length];
        SampleConversion.ToComplexI16(input, output, fullScale: 1f);
        Assert.Equal([new(0, 2), new(2, -2), new(32767, -32768), new(32767, -32768), new(0, 32767)], output);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(67)]
    public void ToComplexI16_VectorPathMatchesScalarDefinition(int n)
    {
        var random = new Random(n);
        var input = new ComplexF32[n];
        for (int i = 0; i < n; i++)
        {
            input[i] = new ComplexF32((random.NextSingle() * 2.4f) - 1.2f, (random.NextSingle() * 2.4f) - 1.2f);
        }

        var output = new ComplexI16[n];
        SampleConversion.ToComplexI16(input, output, 32767f);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(SampleConversion.SaturateToInt16(input[i].Re * 32767f), output[i].Re);
            Assert.Equal(SampleConversion.SaturateToInt16(input[i].Im * 32767f), output[i].Im);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(67)]
    public void ToComplexF32_ThenBack_IsIdentity(int n)
    {
        var input = new ComplexI16[n];
        for (int i = 0; i < n; i++)
        {
            input[i] = new ComplexI16((short)((i * 997) - 32768), (short)(32767 - (i * 509)));
        }

        var floats = new ComplexF32[n];
        var back = new ComplexI16[n];
        SampleConversion.ToComplexF32(input, floats, 32768f);
        SampleConversion.ToComplexI16(floats, back, 32768f);
        Assert.Equal(input, back);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(input[i].Re / 32768f, floats[i].Re);
        }
    }

    [Fact]
    public void ToComplexI16_BadFullScale_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SampleConversion.ToComplexI16(new ComplexF32[1], new ComplexI16[1], 0f));
        Assert.Equal("fullScale", ex.ParamName);
    }
}
