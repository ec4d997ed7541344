using System;
using CsCheck;
using OpenRan.Dsp.Randomness;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Polar;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.ChannelCoding.Polar;

public class PolarDecoderTests
{
    private static float[] NoiselessLlrs(ReadOnlySpan<byte> bits, float magnitude = 4f)
    {
        var llrs = new float[bits.Length];
        for (int i = 0; i < bits.Length; i++)
        {
            llrs[i] = bits[i] == 0 ? magnitude : -magnitude;
        }

        return llrs;
    }

    private static byte[] EncodeAndMatch(PolarCode code, byte[] c)
    {
        var d = new byte[code.N];
        PolarEncoder.Encode(code, c, d);
        var f = new byte[code.E];
        PolarRateMatcher.Match(code, d, f);
        return f;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public void Decode_NoiselessDownlinkCodes_ReturnsInput(int listSize)
    {
        var decoder = new PolarDecoder(8) { ListSize = listSize };
        Gen.Select(Gen.Int[12, 164], Gen.Int[0, 1000]).Sample((k, extra) =>
        {
            int e = Math.Min(k + 24 + extra, 8192);
            var code = PolarCode.ForDownlink(k, e);
            var c = new byte[k];
            var random = new Random(k * 7919 + e);
            for (int i = 0; i < k; i++)
            {
                c[i] = (byte)random.Next(2);
            }

            byte[] f = EncodeAndMatch(code, c);
            var d = new float[code.N];
            PolarRateDematcher.Recover(code, NoiselessLlrs(f), d);
            var decoded = new byte[k];
            PolarDecodeResult result = decoder.Decode(code, d, decoded, default(AcceptAnyPath));
            Assert.True(c.AsSpan().SequenceEqual(decoded), $"{code}: decoded differs (path metric {result.PathMetric}, rank {result.PathRank})");
            Assert.Equal(0f, result.PathMetric);
        }, iter: 60, threads: 1, seed: "0N0XIzNsQ0O2");
    }

    [Theory]
    [InlineData(18, 60)]
    [InlineData(25, 250)]
    [InlineData(21, 300)]
    public void Decode_UciCodeWithParityCheckBits_ReturnsInput(int k, int e)
    {
        var code = PolarCode.ForUci(k, e);
        Assert.Equal(3, code.NPc);
        var decoder = new PolarDecoder(8);
        var random = new Random(k + e);
        for (int trial = 0; trial < 20; trial++)
        {
            var c = new byte[k];
            for (int i = 0; i < k; i++)
            {
                c[i] = (byte)random.Next(2);
            }

            byte[] f = EncodeAndMatch(code, c);
            var d = new float[code.N];
            PolarRateDematcher.Recover(code, NoiselessLlrs(f), d);
            var decoded = new byte[k];
            decoder.Decode(code, d, decoded, default(AcceptAnyPath));
            Assert.Equal(c, decoded);
        }
    }

    [Fact]
    public void Decode_CrcAidedList_CorrectsMoreFramesThanSc()
    {
        // K = 56 BCH-size code with CRC24C at E = 864 and −8.5 dB SNR per coded bit: CA-SCL must fail less often than SC.
        var crc = new CrcCalculator(CrcPolynomial.Crc24C);
        var code = PolarCode.ForDownlink(56, 864);
        var sc = new PolarDecoder(1);
        var scl = new PolarDecoder(8);
        var random = new Random(5);
        double sigma = Math.Sqrt(Math.Pow(10, 0.85));
        int scErrors = 0, sclErrors = 0;
        for (int trial = 0; trial < 200; trial++)
        {
            var c = new byte[56];
            for (int i = 0; i < 32; i++)
            {
                c[i] = (byte)random.Next(2);
            }

            crc.Attach(c, 32);
            byte[] f = EncodeAndMatch(code, c);
            var llrs = new float[f.Length];
            for (int i = 0; i < f.Length; i++)
            {
                double noise = StandardNormal.Next(random) * sigma;
                double y = (f[i] == 0 ? 1 : -1) + noise;
                llrs[i] = (float)(2 * y / (sigma * sigma));
            }

            var d = new float[code.N];
            PolarRateDematcher.Recover(code, llrs, d);
            var decoded = new byte[56];
            sc.DecodeSuccessiveCancellation(code, d, decoded);
            scErrors += decoded.AsSpan().SequenceEqual(c) ? 0 : 1;
            scl.Decode(code, d, decoded, new CrcPathCheck(crc));
            sclErrors += decoded.AsSpan().SequenceEqual(c) ? 0 : 1;
        }

        Assert.True(scErrors > 0, "the operating point should make SC fail sometimes");
        Assert.True(sclErrors < scErrors, $"SCL-8 errors {sclErrors}, SC errors {scErrors}");
    }

    [Theory]
    [InlineData(1, 56, 864)]
    [InlineData(8, 56, 864)]
    [InlineData(8, 140, 216)]
    [InlineData(4, 24, 500)]
    [InlineData(8, 100, 300)]
    [InlineData(2, 164, 1000)]
    [InlineData(16, 80, 160)]
    public void Decode_SpecialNodes_MatchLeafByLeafDecoding(int listSize, int k, int e)
    {
        var code = PolarCode.ForDownlink(k, e);
        var fast = new PolarDecoder(16) { ListSize = listSize };
        var reference = new PolarDecoder(16) { ListSize = listSize, UseSpecialNodes = false };
        var random = new Random(k * e);
        for (int trial = 0; trial < 50; trial++)
        {
            var d = new float[code.N];
            if (trial % 2 == 0)
            {
                for (int i = 0; i < d.Length; i++)
                {
                    d[i] = (float)((random.NextDouble() * 6) - 2.5);
                }
            }
            else
            {
                // A noisy codeword: most decisions are reliable, which exercises the early exits of the node decoders.
                var c = new byte[k];
                for (int i = 0; i < k; i++)
                {
                    c[i] = (byte)random.Next(2);
                }

                var x = new byte[code.N];
                PolarEncoder.Encode(code, c, x);
                for (int i = 0; i < d.Length; i++)
                {
                    d[i] = (float)(((1 - (2 * x[i])) * 2.5) + ((random.NextDouble() - 0.5) * 5));
                }
            }

            var a = new byte[k];
            var b = new byte[k];
            PolarDecodeResult ra = fast.Decode(code, d, a, default(AcceptAnyPath));
            PolarDecodeResult rb = reference.Decode(code, d, b, default(AcceptAnyPath));
            Assert.Equal(b, a);
            Assert.True(Math.Abs(ra.PathMetric - rb.PathMetric) <= 1e-5 * Math.Max(1, rb.PathMetric), $"path metric {ra.PathMetric} vs {rb.PathMetric}");
        }
    }

    [Fact]
    public void Decode_LanePerPath_MatchesPathByPathDecoding()
    {
        // The lane-parallel list decoder (L 2..8) against the path-by-path one on random codes, UCI codes with parity-check
        // bits included, and noisy codewords. Rate matching without puncturing: punctured zero LLRs make equal path metrics,
        // where the two may keep different (equally likely) paths at the list boundary.
        var lanes = new PolarDecoder(8);
        IPolarDecoder reference = PolarDecoderFactory.Create("generic", 8);
        Gen.Select(Gen.Int[2, 8], Gen.OneOf(Gen.Int[18, 25], Gen.Int[12, 200]), Gen.Int[0, 600], Gen.Bool, Gen.Int[0, 1_000_000]).Sample((listSize, k, extra, uci, seed) =>
        {
            int e = k + 24 + extra;
            PolarCode code = uci ? PolarCode.ForUci(k, Math.Min(e, 8192)) : PolarCode.ForDownlink(Math.Min(k, 164), e);
            if (code.E < code.N && 16 * code.K <= 7 * code.E)
            {
                return;
            }

            var random = new Random(seed);
            var c = new byte[code.K];
            for (int i = 0; i < c.Length; i++)
            {
                c[i] = (byte)random.Next(2);
            }

            var f = EncodeAndMatch(code, c);
            var received = new float[f.Length];
            for (int i = 0; i < f.Length; i++)
            {
                received[i] = (float)(((1 - (2 * f[i])) * 1.5) + ((random.NextDouble() - 0.5) * 6));
            }

            var d = new float[code.N];
            PolarRateDematcher.Recover(code, received, d);
            lanes.ListSize = listSize;
            reference.ListSize = listSize;
            var a = new byte[code.K];
            var b = new byte[code.K];
            PolarDecodeResult ra = lanes.Decode(code, d, a, default(AcceptAnyPath));
            PolarDecodeResult rb = reference.Decode(code, d, b, default(AcceptAnyPath));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{code}, L {listSize}: decisions differ");
            Assert.True(Math.Abs(ra.PathMetric - rb.PathMetric) <= 1e-4 * Math.Max(1, rb.PathMetric), $"{code}, L {listSize}: path metric {ra.PathMetric} vs {rb.PathMetric}");
        }, iter: 300, threads: 1, seed: "0N0XIzNsQ0O3");
    }

    [Fact]
    public void Decode_SteadyState_AllocatesNothing()
    {
        var crc = new CrcCalculator(CrcPolynomial.Crc24C);
        var code = PolarCode.ForDownlink(140, 864);
        var decoder = new PolarDecoder(8);
        var c = new byte[140];
        crc.Attach(c, 116);
        float[] d = new float[code.N];
        PolarRateDematcher.Recover(code, NoiselessLlrs(EncodeAndMatch(code, c), 2f), d);
        var decoded = new byte[140];
        var check = new CrcPathCheck(crc);
        AllocationAssert.SteadyStateAllocatesNothing(() => decoder.Decode(code, d, decoded, check));
    }

    [Fact]
    public void RateMatchThenRecover_Noiseless_RecoversEveryTransmittedPosition()
    {
        Gen.Select(Gen.Int[20, 500], Gen.Int[0, 2000], Gen.Bool).Sample((k, extra, interleave) =>
        {
            var code = new PolarCode(k, Math.Min(k + extra + 1, 8192), 10, false, 0, 0, interleave);
            var d = new byte[code.N];
            var random = new Random(k + extra);
            for (int i = 0; i < d.Length; i++)
            {
                d[i] = (byte)random.Next(2);
            }

            var f = new byte[code.E];
            PolarRateMatcher.Match(code, d, f);
            var llrs = new sbyte[code.E];
            for (int i = 0; i < f.Length; i++)
            {
                llrs[i] = (sbyte)(f[i] == 0 ? 1 : -1);
            }

            var recovered = new sbyte[code.N];
            PolarRateDematcher.Recover(code, llrs, recovered);
            for (int n = 0; n < code.N; n++)
            {
                // Sent bits agree in sign; punctured positions are 0, shortened +127 with d = 0 there.
                Assert.True(recovered[n] is 0 or 127 || (recovered[n] < 0) == (d[n] == 1), $"position {n}");
            }
        }, iter: 80, seed: "0N0XIzNsQ0O2");
    }
}
