using System;
using OpenRan.Phy.Tests.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.ChannelCoding.SharedChannel;

public class SharedChannelCodingTests
{
    public static TheoryData<string> Implementations() => [.. LdpcDecoderFactory.Implementations];

    [Theory]
    [InlineData(24, 0.1, 2, 1, LdpcBaseGraph.Bg2)]
    [InlineData(292, 0.9, 2, 1, LdpcBaseGraph.Bg2)]
    [InlineData(293, 0.9, 2, 1, LdpcBaseGraph.Bg1)]
    [InlineData(3824, 0.67, 4, 1, LdpcBaseGraph.Bg2)]
    [InlineData(3824, 0.68, 4, 1, LdpcBaseGraph.Bg1)]
    [InlineData(99984, 0.25, 6, 2, LdpcBaseGraph.Bg2)]
    [InlineData(99984, 0.26, 6, 2, LdpcBaseGraph.Bg1)]
    public void Parameters_SelectBaseGraphAndCrc(int a, double rate, int qm, int layers, LdpcBaseGraph expected)
    {
        var p = new SharedChannelCodingParameters(a, rate, qm, layers, LimitedBufferRateMatching.Disabled);
        Assert.Equal(expected, p.BaseGraph);
        Assert.Equal(a > 3824 ? CrcPolynomial.Crc24A : CrcPolynomial.Crc16, p.TransportBlockCrc);
        Assert.Equal(a + p.TransportBlockCrcLength, p.Segmentation.InputLength);
    }

    [Fact]
    public void RateMatchedLengths_SplitGEvenlyInModulationSymbolsPerLayer()
    {
        var p = new SharedChannelCodingParameters(99984, 0.5, 6, 2, LimitedBufferRateMatching.Disabled);
        int c = p.Segmentation.CodeBlockCount;
        int g = 12 * 17_777;
        int sum = 0;
        for (int r = 0; r < c; r++)
        {
            int e = p.RateMatchedLength(g, r);
            Assert.Equal(0, e % 12);
            Assert.Equal(sum, p.RateMatchedOffset(g, r));
            Assert.True(r == 0 || e >= p.RateMatchedLength(g, r - 1));
            sum += e;
        }

        Assert.Equal(g, sum);
        Assert.Equal(g, p.RateMatchedOffset(g, c));
        Assert.Equal("codedBitCount", Assert.Throws<ArgumentOutOfRangeException>(() => p.RateMatchedLength(g + 6, 0)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void EncodeDecode_CleanChannel_RoundTripsEveryConfiguration(string implementation)
    {
        ILdpcDecoder ldpc = LdpcDecoderTests.Create(implementation, LdpcDecoderOptions.Default);
        var encoder = new SharedChannelEncoder();
        var decoder = new SharedChannelDecoder(ldpc);
        var random = new Random(21);
        (int A, double R, int Qm, int Layers, int G, LimitedBufferRateMatching Lbrm)[] cases =
        [
            (24, 0.1, 2, 1, 600, LimitedBufferRateMatching.Disabled),
            (640, 0.3701, 2, 1, 1728, LimitedBufferRateMatching.FromReferenceLength(25344)),
            (4000, 0.75, 1, 1, 6000, LimitedBufferRateMatching.Disabled),
            (30216, 0.6, 6, 2, 52800, LimitedBufferRateMatching.FromTransportBlockSize(30216)),
            (60456, 0.2, 4, 4, 300000, LimitedBufferRateMatching.FromTransportBlockSize(80000)),
        ];
        foreach ((int a, double rate, int qm, int layers, int g, LimitedBufferRateMatching lbrm) in cases)
        {
            var p = new SharedChannelCodingParameters(a, rate, qm, layers, lbrm);
            var block = new byte[a];
            for (int i = 0; i < a; i++)
            {
                block[i] = (byte)random.Next(2);
            }

            // The first transmission (rv 0) decodes alone; the others are combined with it (rv 2 and 3 alone need not decode).
            var soft = new SharedChannelSoftBuffer(p.Segmentation.CodeBlockCount);
            foreach (int rv in new[] { 0, 2, 3, 1 })
            {
                var coded = new byte[g];
                encoder.Encode(block, p, rv, coded);
                sbyte[] llrs = Array.ConvertAll(coded, b => (sbyte)(b == 0 ? 20 : -20));
                var decoded = new byte[a];
                SharedChannelDecodeResult result = decoder.Decode(llrs, p, rv, soft, newData: rv == 0, decoded);
                Assert.True(result.CrcPassed, $"A={a} rv={rv}: {result}");
                Assert.Equal(p.Segmentation.CodeBlockCount, result.CodeBlocksDecoded);
                Assert.Equal(result.CodeBlockCount, decoder.CodeBlockResults.Length);
                Assert.True(decoded.AsSpan().SequenceEqual(block), $"A={a} rv={rv}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Decode_Retransmission_CombinesSoftBitsAcrossRedundancyVersions(string implementation)
    {
        ILdpcDecoder ldpc = LdpcDecoderTests.Create(implementation, new LdpcDecoderOptions(maxIterations: 10));
        var encoder = new SharedChannelEncoder();
        var decoder = new SharedChannelDecoder(ldpc);
        var random = new Random(5);
        var p = new SharedChannelCodingParameters(8000, 0.5, 2, 1, LimitedBufferRateMatching.Disabled);
        var block = new byte[8000];
        for (int i = 0; i < block.Length; i++)
        {
            block[i] = (byte)random.Next(2);
        }

        // Two transmissions at R ≈ 0.9 each, at an SNR where one alone fails and the combination (R ≈ 0.45) decodes.
        int g = 9000;
        var soft = new SharedChannelSoftBuffer(p.Segmentation.CodeBlockCount);
        var decoded = new byte[block.Length];
        bool firstPassed = true;
        foreach ((int rv, bool newData) in new[] { (0, true), (2, false) })
        {
            var coded = new byte[g];
            encoder.Encode(block, p, rv, coded);
            sbyte[] llrs = LdpcTestSignals.Llrs(coded, g, 1.0, 2f, random);
            SharedChannelDecodeResult result = decoder.Decode(llrs, p, rv, soft, newData, decoded);
            if (rv == 0)
            {
                firstPassed = result.CrcPassed;
            }
            else
            {
                Assert.True(result.CrcPassed, result.ToString());
                Assert.True(decoded.AsSpan().SequenceEqual(block));
            }
        }

        Assert.False(firstPassed, "the first transmission alone should not decode at this SNR");

        // A retransmission may change Q_m (same soft-buffer layout) but not the transport block's segmentation.
        var otherModulation = new SharedChannelCodingParameters(8000, 0.5, 4, 1, LimitedBufferRateMatching.Disabled);
        var coded16 = new byte[g];
        encoder.Encode(block, otherModulation, 3, coded16);
        Assert.True(decoder.Decode(Array.ConvertAll(coded16, b => (sbyte)(b == 0 ? 10 : -10)), otherModulation, 3, soft, newData: false, decoded).CrcPassed);
        // (A = 8016 at R = 0.2: base graph 2 and 3 code blocks, against a soft buffer of 1; A = 8000 is no TBS for BG2.)
        Assert.Throws<ArgumentException>(() => decoder.Decode(new sbyte[g], new SharedChannelCodingParameters(8016, 0.2, 2, 1, LimitedBufferRateMatching.Disabled), 1, soft, newData: false, new byte[8016]));
    }

    [Fact]
    public void EncodeDecode_BadArguments_Throw()
    {
        var encoder = new SharedChannelEncoder();
        var p = new SharedChannelCodingParameters(100, 0.5, 4, 2, LimitedBufferRateMatching.Disabled);
        Assert.Equal("codedBitCount", Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Encode(new byte[100], p, 0, new byte[300])).ParamName);
        Assert.Equal("transportBlock", Assert.Throws<ArgumentException>(() => encoder.Encode(new byte[99], p, 0, new byte[304])).ParamName);
        Assert.Equal("rv", Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Encode(new byte[100], p, 4, new byte[304])).ParamName);
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => encoder.Encode(new byte[100], default, 0, new byte[304])).ParamName);
        Assert.Equal("layerCount", Assert.Throws<ArgumentOutOfRangeException>(() => new SharedChannelCodingParameters(100, 0.5, 4, 5, LimitedBufferRateMatching.Disabled)).ParamName);
        var decoder = new SharedChannelDecoder(new LdpcDecoderGeneric(LdpcDecoderOptions.Default), maxCodeBlockCount: 1);
        var big = new SharedChannelCodingParameters(20016, 0.5, 2, 1, LimitedBufferRateMatching.Disabled);
        Assert.Throws<ArgumentException>(() => decoder.Decode(new sbyte[40000], big, 0, new SharedChannelSoftBuffer(4), true, new byte[20016]));
        var small = new SharedChannelSoftBuffer(1);
        Assert.Throws<ArgumentException>(() => new SharedChannelDecoder(new LdpcDecoderGeneric(LdpcDecoderOptions.Default)).Decode(new sbyte[40000], big, 0, small, true, new byte[20016]));
        // A = 20000 is no TS 38.214 transport block size: B = 20024 does not split into 3 equal BG1 code blocks. The
        // error names the caller's parameter (fuzz/regressions/ldpc/tb-size-not-segmentable), not segmentation's B.
        ArgumentOutOfRangeException notTbs = Assert.Throws<ArgumentOutOfRangeException>(() => new SharedChannelCodingParameters(20000, 0.5, 2, 1, LimitedBufferRateMatching.Disabled));
        Assert.Equal("transportBlockSize", notTbs.ParamName);
        Assert.Contains("TS 38.214", notTbs.Message, StringComparison.Ordinal);
        _ = new SharedChannelCodingParameters(20496, 0.5, 2, 1, LimitedBufferRateMatching.Disabled); // a TBS of TS 38.214 §5.1.3.2
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void EncodeDecode_SteadyState_DoesNotAllocate(string implementation)
    {
        ILdpcDecoder ldpc = LdpcDecoderTests.Create(implementation, new LdpcDecoderOptions(maxIterations: 2));
        var encoder = new SharedChannelEncoder();
        var decoder = new SharedChannelDecoder(ldpc);
        var p = new SharedChannelCodingParameters(20016, 0.5, 4, 2, LimitedBufferRateMatching.FromTransportBlockSize(40000));
        var soft = new SharedChannelSoftBuffer(p.Segmentation.CodeBlockCount);
        var block = new byte[20016];
        var coded = new byte[40000];
        var llrs = new sbyte[40000];
        AllocationAssert.SteadyStateAllocatesNothing(
            () =>
            {
                encoder.Encode(block, p, 3, coded);
                decoder.Decode(llrs, p, 0, soft, true, block);
                decoder.Decode(llrs, p, 3, soft, false, block);
            },
            warmUpCalls: 3,
            rounds: 3,
            callsPerRound: 1);
    }
}
