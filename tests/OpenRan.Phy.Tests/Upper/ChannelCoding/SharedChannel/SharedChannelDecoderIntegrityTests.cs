using System;
using OpenRan.Phy.Tests.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.ChannelCoding.SharedChannel;

/// <summary>
/// Issue 13 §1 for the DL-SCH/UL-SCH decoder: a transport block is decoded only when every code block is and the TB CRC
/// passes. Seeded trials per input kind (all-zero, subnormal, noise only at several levels, a redundancy version 1, 2 or 3
/// of noise received alone as new data, whose bit selection may skip the systematic bits): 10 000 single-code-block
/// transport blocks with CRC16 (A ≤ 300 bits, both base graphs, every Q_m; A ≤ 120 with the slow scalar LDPC decoder), and,
/// because their cost grows with Z_c, 300 large ones with CRC24A (C = 1..3, Z_c up to 384; 30 with the scalar decoder);
/// not one may decode. (The LDPC decoders themselves are held to 10 000 trials per kind in
/// <see cref="LdpcDecoderIntegrityTests"/>.)
/// </summary>
public class SharedChannelDecoderIntegrityTests
{
    private const int Trials = 10_000;
    private const int LargeTrials = 300;
    private const int LargeTrialsScalar = 30;

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (string implementation in LdpcDecoderFactory.Implementations)
        {
            foreach (string kind in new[] { "AllZero", "Denormal", "NoiseOnly", "ErasedSystematic" })
            {
                data.Add(implementation, kind, false);
                data.Add(implementation, kind, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_HostileInput_NeverDecodes(string implementation, string kind, bool large)
    {
        var random = new Random((large ? 200 : 100) + kind.Length);
        var decoder = new SharedChannelDecoder(LdpcDecoderTests.Create(implementation, new LdpcDecoderOptions(maxIterations: 6)));
        var soft = new SharedChannelSoftBuffer(3);
        var llrs = new sbyte[60_000];
        var block = new byte[12_000];
        bool scalar = implementation == LdpcDecoderFactory.Generic;
        int trials = large ? (scalar ? LargeTrialsScalar : LargeTrials) : Trials;
        int decoded = 0, tbCrcPasses = 0;
        for (int trial = 0; trial < trials; trial++)
        {
            // Small: A = 24..300 with CRC16. Large: A + 24 a multiple of 48 above 3824 bits (so that every C ≤ 3 divides B', as
            // the TBS tables guarantee), any rate, hence C = 1..3 and Z_c up to 384.
            int a = large ? (48 * random.Next(81, 230)) - 24 : random.Next(24, scalar ? 121 : 301);
            double rate = 0.1 + (0.85 * random.NextDouble());
            int qm = new[] { 1, 2, 4, 6, 8 }[random.Next(5)];
            var p = new SharedChannelCodingParameters(a, rate, qm, 1, LimitedBufferRateMatching.Disabled);
            if (p.Segmentation.CodeBlockCount > 3)
            {
                continue;
            }

            // G around A/R, rounded to whole modulation symbols.
            int g = (int)Math.Clamp(a / rate * (0.5 + random.NextDouble()), 2 * qm, llrs.Length) / qm * qm;
            Span<sbyte> input = llrs.AsSpan(0, g);
            double level = HostileInput.NoiseLevels[random.Next(HostileInput.NoiseLevels.Length)];
            int rv = random.Next(4);
            switch (kind)
            {
                case "AllZero":
                    HostileInput.Fill(input, HostileInputKind.AllZero, 0, random);
                    break;
                case "Denormal":
                    HostileInput.Fill(input, HostileInputKind.Denormal, 0, random);
                    break;
                case "NoiseOnly":
                    HostileInput.Fill(input, HostileInputKind.NoiseOnly, level, random);
                    break;
                default:
                    HostileInput.Fill(input, HostileInputKind.NoiseOnly, level, random);
                    rv = 1 + random.Next(3);
                    break;
            }

            SharedChannelDecodeResult result = decoder.Decode(input, p, rv, soft, newData: true, block.AsSpan(0, a));
            decoded += result.Decoded ? 1 : 0;
            tbCrcPasses += result.TransportBlockCrcPassed ? 1 : 0;
        }

        Assert.True(decoded == 0, $"{decoded} of {trials} {kind} transport blocks decoded with {implementation} (TB CRC alone passed {tbCrcPasses} times)");
    }

    [Theory]
    [MemberData(nameof(LdpcDecoderTests.Implementations), MemberType = typeof(LdpcDecoderTests))]
    public void Decode_RedundancyVersionAlone_DecodesOnlyTheTransmittedBlock(string implementation)
    {
        // A real transmission of RV 1, 2 or 3 received alone (possibly without systematic bits) at high SNR: it may decode,
        // and then only to the block that was sent; an all-zero block is never reported for a non-zero one.
        var encoder = new SharedChannelEncoder();
        var decoder = new SharedChannelDecoder(LdpcDecoderTests.Create(implementation, LdpcDecoderOptions.Default));
        var soft = new SharedChannelSoftBuffer(1);
        var random = new Random(77);
        int decodedCount = 0;
        for (int trial = 0; trial < 300; trial++)
        {
            int a = random.Next(24, 1500);
            double rate = 0.2 + (0.7 * random.NextDouble());
            var p = new SharedChannelCodingParameters(a, rate, 2, 1, LimitedBufferRateMatching.Disabled);
            int g = (int)(a / rate) / 2 * 2;
            var block = new byte[a];
            for (int i = 0; i < a; i++)
            {
                block[i] = (byte)random.Next(2);
            }

            int rv = 1 + random.Next(3);
            var coded = new byte[g];
            encoder.Encode(block, p, rv, coded);
            sbyte[] llrs = LdpcTestSignals.Llrs(coded, g, 6.0, 2f, random);
            var decoded = new byte[a];
            SharedChannelDecodeResult result = decoder.Decode(llrs, p, rv, soft, newData: true, decoded);
            if (result.Decoded)
            {
                decodedCount++;
                Assert.True(decoded.AsSpan().SequenceEqual(block), $"trial {trial}: A = {a}, R = {rate:F2}, rv {rv} decoded a different block");
            }
        }

        Assert.True(decodedCount > 0, "no redundancy version decoded alone at 6 dB; the test checks nothing");
    }
}
