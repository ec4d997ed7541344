using System;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.ChannelCoding.Ldpc;

public class LdpcDecoderTests
{
    public static TheoryData<string> Implementations() => [.. LdpcDecoderFactory.Implementations];

    /// <summary>The vector implementations (checked against the scalar oracle).</summary>
    public static readonly string[] VectorImplementations = [LdpcDecoderFactory.Avx512Name, LdpcDecoderFactory.Avx2Name];

    /// <summary>Every vector implementation with all 51 lifting sizes of both base graphs.</summary>
    public static TheoryData<string, LdpcBaseGraph, int> Codes()
    {
        var data = new TheoryData<string, LdpcBaseGraph, int>();
        foreach (string implementation in VectorImplementations)
        {
            foreach (int z in LiftingSize.All)
            {
                data.Add(implementation, LdpcBaseGraph.Bg1, z);
                data.Add(implementation, LdpcBaseGraph.Bg2, z);
            }
        }

        return data;
    }

    /// <summary>Every vector implementation with a lifting size spread over the 32- and 64-lane boundaries.</summary>
    public static TheoryData<string, int> VectorSizes()
    {
        var data = new TheoryData<string, int>();
        foreach (string implementation in VectorImplementations)
        {
            foreach (int z in new[] { 2, 15, 24, 32, 36, 64, 72, 120, 128, 224, 384 })
            {
                data.Add(implementation, z);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Decode_VectorAndGeneric_AgreeBitForBitWithSameIterations(string implementation, LdpcBaseGraph bg, int z)
    {
        ILdpcDecoder[] vector = new LdpcDecoderOptions[]
        {
            new(maxIterations: 4, earlyTermination: LdpcEarlyTermination.None),
            new(maxIterations: 6, earlyTermination: LdpcEarlyTermination.ParityCheck, scalingSixteenths: 12, offset: 0),
            new(maxIterations: 5, earlyTermination: LdpcEarlyTermination.ParityCheck, scalingSixteenths: 13, offset: 2),
        }.Select(o => Create(implementation, o)).ToArray();
        LdpcCode code = LdpcCode.Get(bg, z);
        var random = new Random((z * 7) + (int)bg);
        foreach (ILdpcDecoder decoder in vector)
        {
            var generic = new LdpcDecoderGeneric(decoder.Options);
            int fillers = random.Next(0, z * 2);
            (byte[] _, byte[] codeword) = LdpcTestSignals.RandomCodeword(code, fillers, random);
            int length = random.Next(code.InformationLength - (2 * z) + (z / 2), code.CodewordLength + 1);
            sbyte[] llrs = LdpcTestSignals.NoisyLlrs(codeword, length, 60, random);
            llrs.AsSpan(code.InformationLength - (2 * z) - fillers, fillers).Fill(LogLikelihoodRatio.Infinity);
            var bitsGeneric = new byte[code.InformationLength];
            var bitsVector = new byte[code.InformationLength];
            LdpcDecoderResult a = generic.Decode(llrs, bitsGeneric, code);
            LdpcDecoderResult b = decoder.Decode(llrs, bitsVector, code);
            Assert.Equal(a, b);
            Assert.True(bitsGeneric.AsSpan().SequenceEqual(bitsVector), $"{implementation} BG{(int)bg} Z={z} L={length}: hard decisions differ");
        }
    }

    /// <summary>
    /// Inputs the noisy-codeword test does not reach: uniformly random LLRs (no codeword), saturated ±127 everywhere or in
    /// patches, and codewords at the edge of convergence, with every early-termination rule and a CRC, so that decoded
    /// bits, iteration counts and the parity and CRC verdicts are compared in failing and succeeding decodes alike.
    /// </summary>
    [Theory]
    [MemberData(nameof(VectorSizes))]
    public void Decode_RandomSaturatedAndNoisyInputs_VectorMatchesGeneric(string implementation, int z)
    {
        var crc = new CrcCalculator(CrcPolynomial.Crc16);
        var random = new Random(z + implementation.Length);
        LdpcEarlyTermination[] rules = [LdpcEarlyTermination.None, LdpcEarlyTermination.ParityCheck, LdpcEarlyTermination.Crc, LdpcEarlyTermination.ParityCheck | LdpcEarlyTermination.Crc];
        foreach (LdpcBaseGraph bg in new[] { LdpcBaseGraph.Bg1, LdpcBaseGraph.Bg2 })
        {
            LdpcCode code = LdpcCode.Get(bg, z);
            for (int trial = 0; trial < 8; trial++)
            {
                var options = new LdpcDecoderOptions(maxIterations: 3 + (trial % 4), earlyTermination: rules[trial % rules.Length], scalingSixteenths: trial < 4 ? 16 : 13, offset: trial % 3);
                ILdpcDecoder decoder = Create(implementation, options);
                var generic = new LdpcDecoderGeneric(options);
                int length = random.Next(code.InformationLength - (2 * z) + 1, code.CodewordLength + 1);
                sbyte[] llrs = (trial % 4) switch
                {
                    0 => Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray(),
                    1 => Enumerable.Range(0, length).Select(_ => (sbyte)(random.Next(2) == 0 ? 127 : -127)).ToArray(),
                    _ => LdpcTestSignals.NoisyLlrs(LdpcTestSignals.RandomCodeword(code, 0, random).Codeword, length, trial == 2 ? 127 : 40, random),
                };
                if (trial % 4 == 3)
                {
                    // Saturated patches inside a noisy codeword.
                    int start = random.Next(length / 2);
                    llrs.AsSpan(start, random.Next(1, (length - start) / 2 + 1)).Fill(random.Next(2) == 0 ? (sbyte)127 : (sbyte)-127);
                }

                int bitCount = code.InformationLength - random.Next(Math.Min(2 * z, code.InformationLength - 17));
                var check = new LdpcCrcCheck(crc, bitCount);
                var bitsGeneric = new byte[bitCount];
                var bitsVector = new byte[bitCount];
                LdpcDecoderResult a = generic.Decode(llrs, bitsGeneric, code, check);
                LdpcDecoderResult b = decoder.Decode(llrs, bitsVector, code, check);
                Assert.Equal(a, b);
                Assert.True(bitsGeneric.AsSpan().SequenceEqual(bitsVector), $"{implementation} BG{(int)bg} Z={z} trial {trial}: hard decisions differ");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Decode_NoiselessCodeword_SucceedsInOneIteration(string implementation)
    {
        ILdpcDecoder decoder = Create(implementation, new LdpcDecoderOptions(maxIterations: 10, earlyTermination: LdpcEarlyTermination.ParityCheck));
        foreach ((LdpcBaseGraph bg, int z) in new[] { (LdpcBaseGraph.Bg1, 384), (LdpcBaseGraph.Bg2, 13) })
        {
            LdpcCode code = LdpcCode.Get(bg, z);
            (byte[] message, byte[] codeword) = LdpcTestSignals.RandomCodeword(code, 0, new Random(3));
            sbyte[] llrs = Array.ConvertAll(codeword, b => (sbyte)(b == 0 ? 40 : -40));
            var bits = new byte[code.InformationLength];
            LdpcDecoderResult result = decoder.Decode(llrs, bits, code);
            Assert.Equal(new LdpcDecoderResult(true, 1, true, false), result);
            Assert.True(bits.AsSpan().SequenceEqual(message));
        }
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Decode_AwgnAtHighSnr_RecoversMessageWithPuncturedParity(string implementation)
    {
        ILdpcDecoder decoder = Create(implementation, LdpcDecoderOptions.Default);
        var random = new Random(11);
        foreach ((LdpcBaseGraph bg, int z, double rate) in new[] { (LdpcBaseGraph.Bg1, 208, 0.5), (LdpcBaseGraph.Bg1, 64, 0.9), (LdpcBaseGraph.Bg2, 96, 0.25) })
        {
            LdpcCode code = LdpcCode.Get(bg, z);
            int fillers = z;
            (byte[] message, byte[] codeword) = LdpcTestSignals.RandomCodeword(code, fillers, random);
            int length = Math.Min(code.CodewordLength, (int)((code.InformationLength - fillers) / rate) + fillers);
            sbyte[] llrs = LdpcTestSignals.Llrs(codeword, length, 5.0, 2f, random, code.InformationLength - (2 * z) - fillers, fillers);
            var bits = new byte[code.InformationLength];
            LdpcDecoderResult result = decoder.Decode(llrs, bits, code);
            Assert.True(result.Success && result.ParityCheckPassed, $"BG{(int)bg} Z={z} R={rate}: {result}");
            Assert.True(bits.AsSpan().SequenceEqual(message));
        }
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Decode_WithCrc_StopsWhenCrcPassesAndReportsIt(string implementation)
    {
        var crc = new CrcCalculator(CrcPolynomial.Crc24B);
        LdpcCode code = LdpcCode.Get(LdpcBaseGraph.Bg1, 176);
        var random = new Random(4);
        int kPrime = code.InformationLength - 100;
        var message = new byte[code.InformationLength];
        for (int i = 0; i < kPrime - 24; i++)
        {
            message[i] = (byte)random.Next(2);
        }

        crc.Attach(message.AsSpan(0, kPrime), kPrime - 24);
        var codeword = new byte[code.CodewordLength];
        new LdpcEncoder().Encode(message, codeword, code);
        sbyte[] llrs = LdpcTestSignals.Llrs(codeword, code.CodewordLength / 2, 2.0, 2f, random, kPrime - (2 * 176), 100);
        ILdpcDecoder decoder = Create(implementation, new LdpcDecoderOptions(maxIterations: 20, earlyTermination: LdpcEarlyTermination.Crc));
        var bits = new byte[kPrime];
        LdpcDecoderResult result = decoder.Decode(llrs, bits, code, new LdpcCrcCheck(crc, kPrime));
        Assert.True(result.Success, result.ToString());
        Assert.True(result.Iterations < 20);
        Assert.True(bits.AsSpan().SequenceEqual(message.AsSpan(0, kPrime)));

        // A corrupted CRC makes the verdict fail even when the parity checks pass.
        llrs = Array.ConvertAll(codeword, b => (sbyte)(b == 0 ? 50 : -50));
        bits = new byte[kPrime];
        LdpcDecoderResult wrongCrc = decoder.Decode(llrs, bits, code, new LdpcCrcCheck(new CrcCalculator(CrcPolynomial.Crc24A), kPrime));
        Assert.False(wrongCrc.Success);
        Assert.True(wrongCrc.ParityCheckPassed);
        Assert.Equal(20, wrongCrc.Iterations);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Decode_EarlyTerminationOff_RunsEveryIteration(string implementation)
    {
        LdpcCode code = LdpcCode.Get(LdpcBaseGraph.Bg2, 52);
        (byte[] _, byte[] codeword) = LdpcTestSignals.RandomCodeword(code, 0, new Random(8));
        sbyte[] llrs = Array.ConvertAll(codeword, b => (sbyte)(b == 0 ? 40 : -40));
        ILdpcDecoder decoder = Create(implementation, new LdpcDecoderOptions(maxIterations: 7, earlyTermination: LdpcEarlyTermination.None));
        LdpcDecoderResult result = decoder.Decode(llrs, new byte[code.InformationLength], code);
        Assert.Equal(new LdpcDecoderResult(true, 7, true, false), result);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Decode_BadArguments_ThrowNamingParameter(string implementation)
    {
        ILdpcDecoder decoder = Create(implementation, LdpcDecoderOptions.Default);
        LdpcCode code = LdpcCode.Get(LdpcBaseGraph.Bg2, 10);
        Assert.Equal("llrs", Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Decode([], new byte[10], code)).ParamName);
        Assert.Equal("llrs", Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Decode(new sbyte[501], new byte[10], code)).ParamName);
        Assert.Equal("bits", Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Decode(new sbyte[500], new byte[101], code)).ParamName);
        Assert.Equal("crc", Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Decode(new sbyte[500], new byte[50], code, new LdpcCrcCheck(new CrcCalculator(CrcPolynomial.Crc16), 60))).ParamName);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Decode_SteadyState_DoesNotAllocate(string implementation)
    {
        ILdpcDecoder decoder = Create(implementation, new LdpcDecoderOptions(maxIterations: 2, earlyTermination: LdpcEarlyTermination.None));
        LdpcCode code = LdpcCode.Get(LdpcBaseGraph.Bg1, 64);
        var llrs = new sbyte[code.CodewordLength];
        var bits = new byte[code.InformationLength];
        var crc = new LdpcCrcCheck(new CrcCalculator(CrcPolynomial.Crc24B), 1000);
        AllocationAssert.SteadyStateAllocatesNothing(() => decoder.Decode(llrs, bits, code, crc));
    }

    [Fact]
    public void Factory_ResolvesNames()
    {
        Assert.Equal(LdpcDecoderAvx512.IsSupported ? "avx512" : LdpcDecoderAvx2.IsSupported ? "avx2" : "generic", LdpcDecoderFactory.Resolve("auto"));
        Assert.Equal(["avx512", "avx2", "generic"], LdpcDecoderFactory.Implementations);
        Assert.Equal("generic", LdpcDecoderFactory.Create("Generic", LdpcDecoderOptions.Default).Name);
        Assert.Contains("unknown LDPC decoder", Assert.Throws<ArgumentException>(() => LdpcDecoderFactory.Resolve("avx1024")).Message, StringComparison.Ordinal);
        if (!LdpcDecoderAvx512.IsSupported)
        {
            Assert.Throws<ArgumentException>(() => LdpcDecoderFactory.Resolve("avx512"));
        }

        if (!LdpcDecoderAvx2.IsSupported)
        {
            Assert.Throws<ArgumentException>(() => LdpcDecoderFactory.Resolve("avx2"));
        }
    }

    [Fact]
    public void Options_OutOfRange_ThrowNamingParameter()
    {
        Assert.Equal("maxIterations", Assert.Throws<ArgumentOutOfRangeException>(() => new LdpcDecoderOptions(maxIterations: 0)).ParamName);
        Assert.Equal("scalingSixteenths", Assert.Throws<ArgumentOutOfRangeException>(() => new LdpcDecoderOptions(scalingSixteenths: 17)).ParamName);
        Assert.Equal("offset", Assert.Throws<ArgumentOutOfRangeException>(() => new LdpcDecoderOptions(offset: -1)).ParamName);
    }

    [Fact]
    public void ActiveRowCount_FollowsReceivedColumns()
    {
        LdpcCode code = LdpcCode.Get(LdpcBaseGraph.Bg1, 104);
        Assert.Equal(4, LdpcDecoderBase.ActiveRowCount(code, 1));
        Assert.Equal(4, LdpcDecoderBase.ActiveRowCount(code, 24 * 104));
        Assert.Equal(5, LdpcDecoderBase.ActiveRowCount(code, (24 * 104) + 1));
        Assert.Equal(46, LdpcDecoderBase.ActiveRowCount(code, code.CodewordLength));
    }

    internal static ILdpcDecoder Create(string implementation, LdpcDecoderOptions options)
    {
        if (!LdpcDecoderFactory.Family.IsAvailable(implementation))
        {
            Assert.Skip($"the {implementation} LDPC decoder does not run in this process.");
        }

        return LdpcDecoderFactory.Create(implementation, options);
    }
}
