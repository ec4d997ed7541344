using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.ChannelCoding.Ldpc;

/// <summary>
/// Issue 13 §1: an LDPC decoder never reports a decode it did not make. 10 000 seeded trials per implementation and input
/// kind (all-zero, subnormal, noise only at several levels, erased systematic bits with noise in the parity bits) over
/// small codes of both base graphs (the decision rule does not depend on Z_c), random received lengths, fillers,
/// iteration limits and early-termination rules; not one may succeed.
/// </summary>
public class LdpcDecoderIntegrityTests
{
    private const int Trials = 10_000;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string implementation in LdpcDecoderFactory.Implementations)
        {
            foreach (string kind in new[] { "AllZero", "Denormal", "NoiseOnly", "ErasedSystematic" })
            {
                data.Add(implementation, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_HostileInput_NeverSucceeds(string implementation, string kind)
    {
        var random = new Random(1300 + kind.Length);
        LdpcEarlyTermination[] rules = [LdpcEarlyTermination.None, LdpcEarlyTermination.ParityCheck, LdpcEarlyTermination.Crc, LdpcEarlyTermination.ParityCheck | LdpcEarlyTermination.Crc];
        var decoders = new ILdpcDecoder[rules.Length];
        for (int i = 0; i < rules.Length; i++)
        {
            decoders[i] = LdpcDecoderTests.Create(implementation, new LdpcDecoderOptions(maxIterations: 2 + (2 * i), earlyTermination: rules[i]));
        }

        var crc24 = new CrcCalculator(CrcPolynomial.Crc24B);
        var crc16 = new CrcCalculator(CrcPolynomial.Crc16);
        int[] sizes = [5, 6, 7, 8, 9, 10];
        var llrs = new sbyte[66 * 10];
        var bits = new byte[22 * 10];
        int falseSuccesses = 0, parityPasses = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            LdpcCode code = LdpcCode.Get(random.Next(2) == 0 ? LdpcBaseGraph.Bg1 : LdpcBaseGraph.Bg2, sizes[random.Next(sizes.Length)]);
            int z = code.LiftingSize;
            int k = code.InformationLength;
            int fillers = random.Next(0, Math.Min(k - 30, 2 * z));
            int kPrime = k - fillers;
            int systematic = k - (2 * z);
            int length = random.Next(systematic + z, code.CodewordLength + 1);
            Span<sbyte> input = llrs.AsSpan(0, length);
            double level = HostileInput.NoiseLevels[random.Next(HostileInput.NoiseLevels.Length)];
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
                    // A redundancy version received alone whose bit selection skipped the systematic bits: those LLRs are 0,
                    // the parity bits carry noise.
                    HostileInput.Fill(input, HostileInputKind.NoiseOnly, level, random);
                    input[..systematic].Clear();
                    break;
            }

            // Filler bits are known zeros (+127), as the rate dematcher writes them.
            input.Slice(systematic - fillers, fillers).Fill(LogLikelihoodRatio.Infinity);
            CrcCalculator crc = random.Next(2) == 0 ? crc24 : crc16;
            ILdpcDecoder decoder = decoders[random.Next(decoders.Length)];
            LdpcDecoderResult result = decoder.Decode(input, bits.AsSpan(0, kPrime), code, new LdpcCrcCheck(crc, kPrime));
            falseSuccesses += result.Success ? 1 : 0;
            parityPasses += result.ParityCheckPassed ? 1 : 0;
            if (kind is "AllZero" or "Denormal")
            {
                Assert.False(result.ParityCheckPassed, $"trial {trial}: an all-zero word passed the parity check ({code.BaseGraph}, Z = {z})");
            }
        }

        Assert.True(falseSuccesses == 0, $"{falseSuccesses} of {Trials} {kind} inputs decoded with {implementation} ({parityPasses} passed the parity check alone)");
    }

    [Theory]
    [MemberData(nameof(LdpcDecoderTests.Implementations), MemberType = typeof(LdpcDecoderTests))]
    public void Decode_ParityPassesButCrcFails_ReportsBothAndFails(string implementation)
    {
        // A valid codeword whose "CRC" does not check: the parity checks pass, the CRC fails, the verdict is failure.
        LdpcCode code = LdpcCode.Get(LdpcBaseGraph.Bg2, 16);
        (byte[] _, byte[] codeword) = LdpcTestSignals.RandomCodeword(code, 0, new Random(9));
        sbyte[] llrs = Array.ConvertAll(codeword, b => (sbyte)(b == 0 ? 30 : -30));
        var crc = new CrcCalculator(CrcPolynomial.Crc24B);
        ILdpcDecoder decoder = LdpcDecoderTests.Create(implementation, LdpcDecoderOptions.Default);
        LdpcDecoderResult result = decoder.Decode(llrs, new byte[code.InformationLength], code, new LdpcCrcCheck(crc, code.InformationLength));
        Assert.True(result.ParityCheckPassed);
        Assert.False(result.CrcPassed);
        Assert.False(result.Success);

        // With the CRC attached the same decoder succeeds and reports both.
        var message = new byte[code.InformationLength];
        new Random(10).NextBytes(message);
        for (int i = 0; i < message.Length; i++)
        {
            message[i] &= 1;
        }

        crc.Attach(message, message.Length - 24);
        new LdpcEncoder().Encode(message, codeword, code);
        llrs = Array.ConvertAll(codeword, b => (sbyte)(b == 0 ? 30 : -30));
        result = decoder.Decode(llrs, new byte[code.InformationLength], code, new LdpcCrcCheck(crc, code.InformationLength));
        Assert.Equal(new LdpcDecoderResult(true, 1, true, true), result);
    }

    [Theory]
    [MemberData(nameof(LdpcDecoderTests.Implementations), MemberType = typeof(LdpcDecoderTests))]
    public void Decode_CrcOnlyEarlyTermination_DoesNotStopOnCrcAlone(string implementation)
    {
        // An all-zero input passes every CRC after the first iteration, but its bits are undecided: the decoder runs every
        // iteration and fails.
        LdpcCode code = LdpcCode.Get(LdpcBaseGraph.Bg1, 8);
        ILdpcDecoder decoder = LdpcDecoderTests.Create(implementation, new LdpcDecoderOptions(maxIterations: 5, earlyTermination: LdpcEarlyTermination.Crc));
        LdpcDecoderResult result = decoder.Decode(new sbyte[code.CodewordLength], new byte[100], code, new LdpcCrcCheck(new CrcCalculator(CrcPolynomial.Crc24B), 100));
        Assert.Equal(new LdpcDecoderResult(false, 5, false, true), result);
    }
}
