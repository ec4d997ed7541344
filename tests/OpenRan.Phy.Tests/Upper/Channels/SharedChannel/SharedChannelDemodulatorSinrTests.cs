using System;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Phy.Tests.Upper.Channels.SharedChannel;

public class SharedChannelDemodulatorSinrTests
{
    /// <summary>The vector post-equalization SINR equals the sequential double sum bit for bit, whatever the values.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void PostEqualizationSinrDb_AnyNoise_MatchesScalarBitForBit(int kind)
    {
        var random = new Random(100 + kind);
        foreach (int length in new[] { 0, 1, 15, 16, 17, 33, 1000, 15264 })
        {
            var noise = new float[length];
            for (int i = 0; i < length; i++)
            {
                noise[i] = kind switch
                {
                    // MMSE noise at high SNR: a narrow range (the exact vector path).
                    0 => (float)(1e-3 * (1 + random.NextDouble())),
                    // A wide range of magnitudes (the scalar fallback).
                    1 => (float)Math.Pow(10, (random.NextDouble() * 60) - 30),
                    // Non-finite values, zeros, negative zeros and subnormals mixed in.
                    2 => (random.Next(8)) switch
                    {
                        0 => float.NaN,
                        1 => float.PositiveInfinity,
                        2 => 0f,
                        3 => -0f,
                        4 => 1e-40f,
                        _ => (float)random.NextDouble(),
                    },
                    // Every value non-finite.
                    3 => random.Next(2) == 0 ? float.NaN : float.NegativeInfinity,
                    // Negative and positive values of similar magnitude.
                    _ => (float)((random.NextDouble() * 2) - 0.9),
                };
            }

            double expected = SharedChannelDemodulator.PostEqualizationSinrDbScalar(noise);
            double actual = SharedChannelDemodulator.PostEqualizationSinrDb(noise);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
        }
    }
}
