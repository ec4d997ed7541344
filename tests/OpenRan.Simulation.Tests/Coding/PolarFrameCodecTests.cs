using System;
using OpenRan.Dsp.Randomness;
using OpenRan.Simulation.Coding;
using OpenRan.TestSupport;

namespace OpenRan.Simulation.Tests.Coding;

public class PolarFrameCodecTests
{
    private static float[] Channel(ReadOnlySpan<byte> coded, double ebN0Db, double rate, Random random)
    {
        // BPSK over real AWGN: y = (1 − 2c) + n, σ² = 1/(2·R·Eb/N0); LLR = 2y/σ².
        double sigma2 = 1 / (2 * rate * Math.Pow(10, ebN0Db / 10));
        double sigma = Math.Sqrt(sigma2);
        var llrs = new float[coded.Length];
        for (int i = 0; i < coded.Length; i++)
        {
            double y = (coded[i] == 0 ? 1 : -1) + (StandardNormal.Next(random) * sigma);
            llrs[i] = (float)(2 * y / sigma2);
        }

        return llrs;
    }

    [Theory]
    [InlineData(512, 1024, 1)]
    [InlineData(501, 1024, 8)]
    [InlineData(40, 200, 8)]
    public void EncodeDecode_HighSnr_ReturnsInformation(int k, int e, int listSize)
    {
        IFrameCodec codec = new PolarFrameCodec(k, e, listSize);
        Assert.Equal(k, codec.InformationBitCount);
        Assert.Equal(e, codec.CodedBitCount);
        var random = new Random(k + e);
        var information = new byte[k];
        var coded = new byte[e];
        var decoded = new byte[k];
        for (int frame = 0; frame < 5; frame++)
        {
            for (int i = 0; i < k; i++)
            {
                information[i] = (byte)random.Next(2);
            }

            codec.Encode(information, coded);
            Assert.True(codec.Decode(Channel(coded, 6, (double)k / e, random), decoded));
            Assert.Equal(information, decoded);
        }
    }

    [Fact]
    public void Decode_CrcAidedList_FlagsFailuresAtVeryLowSnr()
    {
        IFrameCodec codec = new PolarFrameCodec(501, 1024, 8);
        var random = new Random(9);
        var information = new byte[501];
        var coded = new byte[1024];
        var decoded = new byte[501];
        int flagged = 0;
        for (int frame = 0; frame < 10; frame++)
        {
            codec.Encode(information, coded);
            flagged += codec.Decode(Channel(coded, -3, 0.5, random), decoded) ? 0 : 1;
        }

        Assert.True(flagged >= 8, $"{flagged} of 10 frames flagged at −3 dB");
    }

    [Fact]
    public void EncodeDecode_SteadyState_AllocatesNothing()
    {
        IFrameCodec codec = new PolarFrameCodec(501, 1024, 8);
        var information = new byte[501];
        var coded = new byte[1024];
        var decoded = new byte[501];
        float[] llrs = Channel(coded, 8, 0.5, new Random(1));
        AllocationAssert.SteadyStateAllocatesNothing(() =>
        {
            codec.Encode(information, coded);
            codec.Decode(llrs, decoded);
        });
    }
}
