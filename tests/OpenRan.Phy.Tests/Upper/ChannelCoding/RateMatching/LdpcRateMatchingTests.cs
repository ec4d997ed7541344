using System;
using CsCheck;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.ChannelCoding.RateMatching;

public class LdpcRateMatchingTests
{
    [Theory]
    // TS 38.212 Table 5.4.2.1-2 by hand: BG1 N_cb = 66·Z: k0 = 17Z, 33Z, 56Z; BG2 N_cb = 50·Z: 13Z, 25Z, 43Z.
    [InlineData(LdpcBaseGraph.Bg1, 384, 25344, 0, 0)]
    [InlineData(LdpcBaseGraph.Bg1, 384, 25344, 1, 17 * 384)]
    [InlineData(LdpcBaseGraph.Bg1, 384, 25344, 2, 33 * 384)]
    [InlineData(LdpcBaseGraph.Bg1, 384, 25344, 3, 56 * 384)]
    [InlineData(LdpcBaseGraph.Bg2, 72, 3600, 1, 13 * 72)]
    [InlineData(LdpcBaseGraph.Bg2, 72, 3600, 3, 43 * 72)]
    // Limited buffer, BG1 Z = 384, N_cb = 20000: ⌊17·20000/(66·384)⌋ = 13 → 4992; ⌊33·20000/25344⌋ = 26 → 9984; ⌊56·20000/25344⌋ = 44 → 16896.
    [InlineData(LdpcBaseGraph.Bg1, 384, 20000, 1, 4992)]
    [InlineData(LdpcBaseGraph.Bg1, 384, 20000, 2, 9984)]
    [InlineData(LdpcBaseGraph.Bg1, 384, 20000, 3, 16896)]
    public void StartingPosition_MatchesTable5_4_2_1_2(LdpcBaseGraph bg, int z, int ncb, int rv, int expected) =>
        Assert.Equal(expected, LdpcCircularBuffer.StartingPosition(bg, rv, ncb, z));

    [Fact]
    public void LimitedBuffer_CircularBufferLength_FollowsEachRule()
    {
        Assert.Equal(25344, LimitedBufferRateMatching.Disabled.CircularBufferLength(25344, 3));
        // N_ref = ⌊3·TBS_LBRM/(2C)⌋: 1277992 with C = 152 → 12611; with C = 1 the codeword is shorter than N_ref.
        Assert.Equal(12611, LimitedBufferRateMatching.FromTransportBlockSize(1277992).CircularBufferLength(25344, 152));
        Assert.Equal(25344, LimitedBufferRateMatching.FromTransportBlockSize(1277992).CircularBufferLength(25344, 1));
        Assert.Equal(25344, LimitedBufferRateMatching.FromReferenceLength(25344).CircularBufferLength(25344, 152));
        Assert.Equal(3600, LimitedBufferRateMatching.FromReferenceLength(25344).CircularBufferLength(3600, 1));
        Assert.Equal("nRef", Assert.Throws<ArgumentOutOfRangeException>(() => LimitedBufferRateMatching.FromReferenceLength(0)).ParamName);
    }

    [Fact]
    public void MatchThenDematch_NoNoise_RecoversEverySelectedBit()
    {
        Gen.Select(Gen.Int[1, 400], Gen.Int[0, 60], Gen.Int[0, 3], Gen.Int[0, 5], Gen.Int[1, 1200], Gen.Int).Sample((ncb, fillers, rv, qmIndex, symbols, seed) =>
        {
            int qm = new[] { 1, 2, 4, 6, 8, 10 }[qmIndex];
            if (fillers >= ncb)
            {
                return;
            }

            var random = new Random(seed);
            int fillerStart = random.Next(0, ncb - fillers + 1);
            var buffer = new LdpcCircularBuffer(ncb, random.Next(0, ncb), fillerStart, fillers);
            var d = new byte[ncb];
            for (int i = 0; i < ncb; i++)
            {
                d[i] = (byte)random.Next(2);
            }

            int e = symbols * qm;
            var f = new byte[e];
            LdpcRateMatcher.Match(d, buffer, qm, f);
            var llrs = Array.ConvertAll(f, b => (sbyte)(b == 0 ? 3 : -3));
            var soft = new sbyte[ncb];
            LdpcRateDematcher.Reset(buffer, soft);
            int filled = LdpcRateDematcher.Dematch(llrs, buffer, qm, soft);

            // Reference walk of TS 38.212 §5.4.2.1: count how often each position is selected.
            var count = new int[ncb];
            int j = 0, maxPosition = -1;
            for (int k = 0; k < e; j++)
            {
                int p = (buffer.StartPosition + j) % ncb;
                if (p >= buffer.FillerStart && p < buffer.FillerEnd)
                {
                    continue;
                }

                count[p]++;
                maxPosition = j < ncb - buffer.StartPosition ? Math.Max(maxPosition, p) : ncb - 1;
                k++;
            }

            Assert.Equal(maxPosition + 1, filled);
            for (int p = 0; p < ncb; p++)
            {
                bool filler = p >= buffer.FillerStart && p < buffer.FillerEnd;
                int expected = filler ? LogLikelihoodRatio.Infinity : Math.Min(count[p] * 3, LogLikelihoodRatio.Max) * (d[p] == 0 ? 1 : -1);
                Assert.Equal(expected, soft[p]);
            }
        }, iter: 300, seed: "0N0XIzNsQ0O2");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(10)]
    public void GatherStrided_EveryLengthAndOffset_MatchesScalar(int stride)
    {
        var random = new Random(stride);
        var source = new sbyte[(stride * 140) + 9];
        random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(source.AsSpan()));
        for (int start = 0; start < 9; start++)
        {
            for (int count = 0; count <= 136 && start + ((count - 1) * stride) < source.Length; count++)
            {
                var destination = new sbyte[count];
                LdpcRateDematcher.GatherStrided(source, start, stride, destination);
                for (int t = 0; t < count; t++)
                {
                    Assert.Equal(source[start + (t * stride)], destination[t]);
                }
            }
        }
    }

    [Fact]
    public void Interleaver_PlacesRowsAsTs38212Section5_4_2_2()
    {
        // E = 12, Q_m = 4: f_(i + 4j) = e_(3i + j). With k0 = 0, no fillers, e_k = d_k.
        var buffer = new LdpcCircularBuffer(12, 0, 0, 0);
        byte[] d = [1, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1];
        var f = new byte[12];
        LdpcRateMatcher.Match(d, buffer, 4, f);
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(d[(3 * i) + j], f[i + (4 * j)]);
            }
        }
    }

    [Fact]
    public void Dematch_Combining_Saturates()
    {
        var buffer = new LdpcCircularBuffer(8, 0, 0, 0);
        var soft = new sbyte[8];
        LdpcRateDematcher.Reset(buffer, soft);
        var llrs = new sbyte[8];
        llrs.AsSpan().Fill(100);
        LdpcRateDematcher.Dematch(llrs, buffer, 2, soft);
        LdpcRateDematcher.Dematch(llrs, buffer, 2, soft);
        Assert.All(soft, v => Assert.Equal(LogLikelihoodRatio.Max, v));
    }

    [Fact]
    public void Match_BadArguments_Throw()
    {
        var buffer = new LdpcCircularBuffer(10, 0, 2, 2);
        Assert.Equal("modulationOrder", Assert.Throws<ArgumentOutOfRangeException>(() => LdpcRateMatcher.Match(new byte[10], buffer, 3, new byte[6])).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => LdpcRateMatcher.Match(new byte[10], buffer, 4, new byte[6])).ParamName);
        Assert.Equal("codeword", Assert.Throws<ArgumentException>(() => LdpcRateMatcher.Match(new byte[9], buffer, 2, new byte[6])).ParamName);
        Assert.Equal("softBuffer", Assert.Throws<ArgumentException>(() => LdpcRateDematcher.Dematch(new sbyte[6], buffer, 2, new sbyte[9])).ParamName);
        Assert.Equal("fillerCount", Assert.Throws<ArgumentException>(() => new LdpcCircularBuffer(10, 0, 0, 10)).ParamName);
    }

    [Fact]
    public void Dematch_SteadyState_DoesNotAllocate()
    {
        var buffer = LdpcCircularBuffer.ForCodeBlock(LdpcCode.Get(LdpcBaseGraph.Bg1, 384), 8000, 25344, 2);
        var llrs = new sbyte[12000];
        var soft = new sbyte[25344];
        var bits = new byte[12000];
        var codeword = new byte[25344];
        AllocationAssert.SteadyStateAllocatesNothing(() =>
        {
            LdpcRateDematcher.Reset(buffer, soft);
            LdpcRateDematcher.Dematch(llrs, buffer, 6, soft);
            LdpcRateMatcher.Match(codeword, buffer, 6, bits);
        });
    }
}
