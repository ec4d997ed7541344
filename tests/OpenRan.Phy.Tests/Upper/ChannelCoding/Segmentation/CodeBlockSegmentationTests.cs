using System;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.Segmentation;

namespace OpenRan.Phy.Tests.Upper.ChannelCoding.Segmentation;

public class CodeBlockSegmentationTests
{
    [Theory]
    // B, BG → C, L, K', K_b, Z_c, K (TS 38.212 §5.2.2 by hand).
    [InlineData(100, LdpcBaseGraph.Bg2, 1, 0, 100, 6, 18, 180)]
    [InlineData(200, LdpcBaseGraph.Bg2, 1, 0, 200, 8, 26, 260)]
    [InlineData(600, LdpcBaseGraph.Bg2, 1, 0, 600, 9, 72, 720)]
    [InlineData(656, LdpcBaseGraph.Bg2, 1, 0, 656, 10, 72, 720)]
    [InlineData(3840, LdpcBaseGraph.Bg2, 1, 0, 3840, 10, 384, 3840)]
    [InlineData(3841 + 23, LdpcBaseGraph.Bg2, 2, 24, 1956, 10, 208, 2080)]
    [InlineData(8448, LdpcBaseGraph.Bg1, 1, 0, 8448, 22, 384, 8448)]
    [InlineData(8800, LdpcBaseGraph.Bg1, 2, 24, 4424, 22, 208, 4576)]
    [InlineData(1277992 + 24, LdpcBaseGraph.Bg1, 152, 24, 8432, 22, 384, 8448)]
    public void Compute_MatchesSpecByHand(int b, LdpcBaseGraph bg, int c, int l, int kPrime, int kb, int zc, int k)
    {
        var s = CodeBlockSegmentation.Compute(b, bg);
        Assert.Equal((c, l, kPrime, kb, zc, k), (s.CodeBlockCount, s.CrcLength, s.CodeBlockInformationLength, s.InformationColumnCount, s.LiftingSize, s.CodeBlockLength));
        Assert.Equal(k - kPrime, s.FillerCount);
    }

    [Fact]
    public void WriteCodeBlock_SplitsPayloadAttachesCrcAndZeroFillers()
    {
        var crc = new CrcCalculator(CrcPolynomial.Crc24B);
        var random = new Random(2);
        var b = new byte[8800];
        for (int i = 0; i < b.Length; i++)
        {
            b[i] = (byte)random.Next(2);
        }

        var s = CodeBlockSegmentation.Compute(b.Length, LdpcBaseGraph.Bg1);
        var block = new byte[s.CodeBlockLength];
        block.AsSpan().Fill(1);
        s.WriteCodeBlock(b.AsSpan(0, 8000), b.AsSpan(8000), 1, block, crc);
        Assert.True(block.AsSpan(0, 4400).SequenceEqual(b.AsSpan(4400, 4400)));
        Assert.True(crc.Check(block.AsSpan(0, 4424)));
        Assert.DoesNotContain((byte)1, block.AsSpan(4424).ToArray());
    }

    [Fact]
    public void Compute_BadInput_Throws()
    {
        Assert.Equal("b", Assert.Throws<ArgumentOutOfRangeException>(() => CodeBlockSegmentation.Compute(0, LdpcBaseGraph.Bg1)).ParamName);
        // 8449 bits on BG1: C = 2, B' = 8497 is odd, so K' = B'/C is not an integer.
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => CodeBlockSegmentation.Compute(8449, LdpcBaseGraph.Bg1)).ParamName);
        Assert.False(CodeBlockSegmentation.SegmentsEvenly(8449, LdpcBaseGraph.Bg1));
        Assert.True(CodeBlockSegmentation.SegmentsEvenly(8448, LdpcBaseGraph.Bg1));
        Assert.True(CodeBlockSegmentation.SegmentsEvenly(8450, LdpcBaseGraph.Bg1));
        Assert.True(CodeBlockSegmentation.SegmentsEvenly(20496 + 24, LdpcBaseGraph.Bg1));
        var s = CodeBlockSegmentation.Compute(100, LdpcBaseGraph.Bg2);
        Assert.Throws<ArgumentException>(() => s.WriteCodeBlock(new byte[100], 0, new byte[180], new CrcCalculator(CrcPolynomial.Crc16)));
    }
}
