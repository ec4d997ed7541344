using System;
using OpenRan.Phy.Upper.ChannelCoding.SmallBlock;
using OpenRan.Phy.Upper.ChannelCoding.Uci;

namespace OpenRan.Phy.Tests.Upper.ChannelCoding;

public class SmallBlockAndUciTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(11)]
    public void DecodeReedMuller_AllMessagesWithNoise_ReturnsInput(int k)
    {
        var random = new Random(k);
        var d = new sbyte[32];
        var llrs = new float[32];
        var decoded = new byte[k];
        for (int message = 0; message < (1 << k); message += Math.Max(1, (1 << k) / 64))
        {
            var c = new byte[k];
            for (int n = 0; n < k; n++)
            {
                c[n] = (byte)((message >> n) & 1);
            }

            SmallBlockCode.Encode(c, 2, d);
            for (int i = 0; i < 32; i++)
            {
                // Moderate noise (±0.6 on ±1): the minimum distance of the code (≥ 8 for K ≤ 11) absorbs it.
                llrs[i] = (d[i] == 0 ? 1f : -1f) + ((float)random.NextDouble() - 0.5f) * 1.2f;
            }

            SmallBlockCode.DecodeReedMuller(llrs, decoded);
            Assert.Equal(c, decoded);
        }
    }

    [Fact]
    public void RateMatchThenRecover_ReedMuller_DecodesFromRepeatedBits()
    {
        var c = new byte[] { 1, 0, 1, 1, 0, 1, 1 };
        var d = new sbyte[32];
        SmallBlockCode.Encode(c, 2, d);
        var e = new sbyte[50];
        SmallBlockCode.RateMatch(d, e);
        Assert.Equal(d[3], e[35]);
        var llrs = Array.ConvertAll(e, v => v == 0 ? 1f : -1f);
        var recovered = new float[32];
        SmallBlockCode.RateRecover(llrs, recovered);
        Assert.Equal(2f * (d[0] == 0 ? 1 : -1), recovered[0]);
        var decoded = new byte[7];
        SmallBlockCode.DecodeReedMuller(recovered, decoded);
        Assert.Equal(c, decoded);
    }

    [Theory]
    [InlineData(12, 60)]
    [InlineData(19, 100)]
    [InlineData(20, 100)]
    [InlineData(100, 400)]
    [InlineData(360, 1088)] // two code blocks
    [InlineData(1013, 2000)] // two code blocks with a filler bit
    public void UciPolar_EncodeThenDecodeNoiseless_ReturnsPayload(int a, int e)
    {
        var random = new Random(a);
        var payload = new byte[a];
        for (int i = 0; i < a; i++)
        {
            payload[i] = (byte)random.Next(2);
        }

        var coded = new byte[e];
        new UciPolarEncoder().Encode(payload, coded);
        var llrs = Array.ConvertAll(coded, b => b == 0 ? 3f : -3f);
        var decoded = new byte[a];
        Assert.True(new UciPolarDecoder().Decode(llrs, decoded));
        Assert.Equal(payload, decoded);
    }
}
