using System;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Polar;
using OpenRan.Phy.Upper.ChannelCoding.SmallBlock;
using OpenRan.Phy.Upper.ChannelCoding.Uci;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.ChannelCoding;

/// <summary>
/// Issue 13 for polar, UCI and small-block decoding: 10 000 seeded trials per input kind. All-zero and subnormal inputs (and
/// non-finite LLRs) are never decoded: the polar decoder reports them erased, the small-block decoders undecided. Noise
/// alone never passes a CRC24; the UCI CRC6/CRC11 pass noise at the rate their length allows (about L·2^−L_CRC for a list
/// of L), which is checked against that bound.
/// </summary>
public class PolarDecoderIntegrityTests
{
    private const int Trials = 10_000;

    [Theory]
    [InlineData(HostileInputKind.AllZero, 1)]
    [InlineData(HostileInputKind.AllZero, 8)]
    [InlineData(HostileInputKind.AllZero, 16)]
    [InlineData(HostileInputKind.Denormal, 1)]
    [InlineData(HostileInputKind.Denormal, 8)]
    [InlineData(HostileInputKind.NoiseOnly, 1)]
    [InlineData(HostileInputKind.NoiseOnly, 4)]
    [InlineData(HostileInputKind.NoiseOnly, 8)]
    public void Decode_HostileLlrsWithCrc24_NeverPasses(HostileInputKind kind, int listSize)
    {
        var decoder = new PolarDecoder(16, 512) { ListSize = listSize };
        var crc = new CrcCalculator(CrcPolynomial.Crc24C);
        var random = new Random((10 * (int)kind) + listSize);
        var codes = new PolarCode[8];
        for (int i = 0; i < codes.Length; i++)
        {
            int k = 36 + (16 * i);
            codes[i] = PolarCode.ForDownlink(k, 108 << (1 + (i % 3)));
        }

        var llrs = new float[512];
        var bits = new byte[164];
        int passed = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            PolarCode code = codes[random.Next(codes.Length)];
            Span<float> input = llrs.AsSpan(0, code.N);
            HostileInput.Fill(input, kind, HostileInput.NoiseLevels[random.Next(HostileInput.NoiseLevels.Length)], random);
            PolarDecodeResult result = decoder.Decode(code, input, bits.AsSpan(0, code.K), new CrcPathCheck(crc));
            passed += result.CheckPassed ? 1 : 0;
            if (kind != HostileInputKind.NoiseOnly)
            {
                Assert.True(result.Erased, $"{kind} input not reported erased: {result}");
            }
        }

        Assert.True(passed == 0, $"{passed} of {Trials} {kind} inputs passed CRC24 with L = {listSize}");
    }

    [Fact]
    public void Decode_ShortenedCodeAllErased_IsErasedDespiteKnownZeroBits()
    {
        // UCI with shortening: rate recovery marks the shortened bits known-zero (a large LLR); the received ones are 0.
        PolarCode code = PolarCode.ForUci(80, 150);
        Assert.Equal(PolarRateMatchingMode.Shortening, code.Mode);
        var d = new float[code.N];
        PolarRateDematcher.Recover(code, new float[code.E], d);
        Assert.Contains(PolarRateDematcher.KnownZeroLlr, d);
        PolarDecodeResult result = new PolarDecoder().Decode(code, d, new byte[code.K], new CrcPathCheck(new CrcCalculator(CrcPolynomial.Crc11)));
        Assert.True(result.Erased && !result.CheckPassed, result.ToString());
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Decode_NonFiniteLlr_IsNotDecoded(float bad)
    {
        PolarCode code = PolarCode.ForDownlink(56, 864);
        var llrs = new float[code.N];
        llrs.AsSpan().Fill(3f);
        llrs[17] = bad;
        PolarDecodeResult result = new PolarDecoder().Decode(code, llrs, new byte[code.K], default(AcceptAnyPath));
        Assert.True(result.Erased && !result.CheckPassed);
    }

    [Theory]
    [InlineData(HostileInputKind.AllZero)]
    [InlineData(HostileInputKind.Denormal)]
    [InlineData(HostileInputKind.NoiseOnly)]
    public void UciDecode_HostileLlrs_NeverPassesOrOnlyAtTheCrcRate(HostileInputKind kind)
    {
        var decoder = new UciPolarDecoder();
        var random = new Random(60 + (int)kind);
        var llrs = new float[1500];
        var a = new byte[400];
        int passedCrc6 = 0, passedCrc11 = 0, trialsCrc6 = 0, trialsCrc11 = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            int payload = random.Next(2) == 0 ? random.Next(12, 20) : random.Next(20, 360);
            int e = Math.Min(llrs.Length, payload + 11 + random.Next(8, 4 * payload));
            Span<float> input = llrs.AsSpan(0, e);
            HostileInput.Fill(input, kind, HostileInput.NoiseLevels[random.Next(HostileInput.NoiseLevels.Length)], random);
            bool passed = decoder.Decode(input, a.AsSpan(0, payload));
            if (payload < 20)
            {
                trialsCrc6++;
                passedCrc6 += passed ? 1 : 0;
            }
            else
            {
                trialsCrc11++;
                passedCrc11 += passed ? 1 : 0;
            }
        }

        if (kind != HostileInputKind.NoiseOnly)
        {
            Assert.True(passedCrc6 + passedCrc11 == 0, $"{passedCrc6 + passedCrc11} {kind} inputs passed a UCI CRC");
            return;
        }

        // CA-SCL with L = 8 tries up to 8 candidates: P(pass) ≤ 8·2^−L_CRC (CRC6 with its 3 parity-check bits, CRC11),
        // checked with a binomial 5-sigma margin.
        Assert.InRange(passedCrc6, 0, Bound(trialsCrc6, 8.0 / 64));
        Assert.InRange(passedCrc11, 0, Bound(trialsCrc11, 8.0 / 2048));
    }

    [Theory]
    [InlineData(HostileInputKind.AllZero)]
    [InlineData(HostileInputKind.Denormal)]
    public void SmallBlockDecode_ErasedLlrs_AreUndecided(HostileInputKind kind)
    {
        var random = new Random(80 + (int)kind);
        var llrs = new float[32];
        var c = new byte[11];
        for (int trial = 0; trial < Trials; trial++)
        {
            HostileInput.Fill(llrs, kind, 0, random);
            int k = random.Next(1, 12);
            SmallBlockDecodeResult result = k >= 3
                ? SmallBlockCode.DecodeReedMuller(llrs, c.AsSpan(0, k))
                : SmallBlockCode.DecodeRepetitionSimplex(llrs.AsSpan(0, k == 1 ? 1 + random.Next(8) : 3 * (1 + random.Next(8))), c.AsSpan(0, k));
            Assert.False(result.Decided, $"K = {k}: {kind} input decided: {result}");
        }
    }

    [Fact]
    public void SmallBlockDecode_NonFiniteOrTiedInput_IsUndecided()
    {
        var c = new byte[6];
        var llrs = new float[32];
        llrs.AsSpan().Fill(2f);
        llrs[3] = float.NaN;
        Assert.False(SmallBlockCode.DecodeReedMuller(llrs, c).Decided);

        // K = 1 repeated twice with opposite LLRs: a tie.
        Assert.False(SmallBlockCode.DecodeRepetitionSimplex([2f, -2f], c.AsSpan(0, 1)).Decided);

        // K = 2 with c2 erased and c0, c1 erased too but for one: 2 of the 4 messages share the best metric.
        Assert.False(SmallBlockCode.DecodeRepetitionSimplex([3f, 0f, 0f], c.AsSpan(0, 2)).Decided);

        SmallBlockDecodeResult clean = SmallBlockCode.DecodeRepetitionSimplex([3f, -2f, -1f], c.AsSpan(0, 2));
        Assert.True(clean.Decided);
        Assert.Equal(1f, clean.NormalizedMetric);
        Assert.Equal(new byte[] { 0, 1 }, c.AsSpan(0, 2).ToArray());
    }

    private static double Bound(int trials, double probability) => (trials * probability) + (5 * Math.Sqrt(trials * probability)) + 1;
}
