using System;
using CsCheck;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.ChannelCoding.Ldpc;

public class LdpcEncoderTests
{
    public static TheoryData<LdpcBaseGraph, int> AllCodes()
    {
        var data = new TheoryData<LdpcBaseGraph, int>();
        foreach (LdpcBaseGraph bg in new[] { LdpcBaseGraph.Bg1, LdpcBaseGraph.Bg2 })
        {
            foreach (int z in LiftingSize.All)
            {
                data.Add(bg, z);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Encode_RandomMessage_SatisfiesEveryParityCheck(LdpcBaseGraph bg, int z)
    {
        LdpcCode code = LdpcCode.Get(bg, z);
        var random = new Random(z * 3 + (int)bg);
        var message = new byte[code.InformationLength];
        int fillers = random.Next(0, code.InformationLength / 4);
        for (int i = 0; i < message.Length - fillers; i++)
        {
            message[i] = (byte)random.Next(2);
        }

        var codeword = new byte[code.CodewordLength];
        new LdpcEncoder().Encode(message, codeword, code);
        Assert.Equal(0, code.CountUnsatisfiedChecks(message, codeword));
        Assert.True(message.AsSpan(2 * z).SequenceEqual(codeword.AsSpan(0, code.InformationLength - (2 * z))), "systematic bits d_k = c_(k+2Z)");
    }

    [Theory]
    [InlineData(LdpcBaseGraph.Bg1, 384)]
    [InlineData(LdpcBaseGraph.Bg2, 208)]
    [InlineData(LdpcBaseGraph.Bg1, 2)]
    public void Encode_AllZeroMessage_ReturnsAllZeroCodeword(LdpcBaseGraph bg, int z)
    {
        LdpcCode code = LdpcCode.Get(bg, z);
        var codeword = new byte[code.CodewordLength];
        codeword.AsSpan().Fill(1);
        new LdpcEncoder().Encode(new byte[code.InformationLength], codeword, code);
        Assert.DoesNotContain((byte)1, codeword);
    }

    [Fact]
    public void Encode_IsLinear()
    {
        Gen.Select(Gen.Int[0, LiftingSize.All.Length - 1], Gen.Bool, Gen.Int).Sample((index, bg1, seed) =>
        {
            var encoder = new LdpcEncoder(); // CsCheck samples on several threads; encoders are not thread-safe
            LdpcCode code = LdpcCode.Get(bg1 ? LdpcBaseGraph.Bg1 : LdpcBaseGraph.Bg2, LiftingSize.All[index]);
            var random = new Random(seed);
            var a = new byte[code.InformationLength];
            var b = new byte[code.InformationLength];
            var sum = new byte[code.InformationLength];
            for (int i = 0; i < a.Length; i++)
            {
                a[i] = (byte)random.Next(2);
                b[i] = (byte)random.Next(2);
                sum[i] = (byte)(a[i] ^ b[i]);
            }

            var ca = new byte[code.CodewordLength];
            var cb = new byte[code.CodewordLength];
            var cs = new byte[code.CodewordLength];
            encoder.Encode(a, ca, code);
            encoder.Encode(b, cb, code);
            encoder.Encode(sum, cs, code);
            for (int i = 0; i < cs.Length; i++)
            {
                Assert.Equal(cs[i], (byte)(ca[i] ^ cb[i]));
            }
        }, iter: 60, seed: "0N0XIzNsQ0O2");
    }

    [Theory]
    [InlineData(LdpcBaseGraph.Bg1, 384, 1)]
    [InlineData(LdpcBaseGraph.Bg1, 384, 9000)]
    [InlineData(LdpcBaseGraph.Bg1, 96, 2200)]
    [InlineData(LdpcBaseGraph.Bg2, 72, 3599)]
    [InlineData(LdpcBaseGraph.Bg2, 72, 577)]
    public void Encode_ShortCodeword_IsPrefixOfFullCodeword(LdpcBaseGraph bg, int z, int length)
    {
        LdpcCode code = LdpcCode.Get(bg, z);
        var random = new Random(5);
        var message = new byte[code.InformationLength];
        for (int i = 0; i < message.Length; i++)
        {
            message[i] = (byte)random.Next(2);
        }

        var encoder = new LdpcEncoder();
        var full = new byte[code.CodewordLength];
        var prefix = new byte[length];
        encoder.Encode(message, full, code);
        encoder.Encode(message, prefix, code);
        Assert.True(full.AsSpan(0, length).SequenceEqual(prefix));
    }

    /// <summary>
    /// The block sum behind every parity block (Vector256, then Vector128, then scalar tails, whichever this process
    /// accelerates; the ISA matrix re-runs it on the narrower paths) equals the scalar oracle bit for bit, for every
    /// length up to 2·384 + 1 and 1 to 20 blocks at arbitrary (unaligned) offsets.
    /// </summary>
    [Fact]
    public void XorSum_EqualsScalarOracle_ForEveryLength()
    {
        var random = new Random(2026);
        var source = new byte[4096];
        random.NextBytes(source);
        var vector = new byte[800];
        var scalar = new byte[800];
        for (int length = 1; length <= 769; length++)
        {
            var offsets = new int[1 + (length % 20)];
            for (int j = 0; j < offsets.Length; j++)
            {
                offsets[j] = random.Next(0, source.Length - length + 1);
            }

            vector.AsSpan().Fill(0xA5);
            scalar.AsSpan().Fill(0xA5);
            BitBlock.XorSum(source, offsets, vector.AsSpan(0, length));
            BitBlock.XorSumScalar(source, offsets, scalar.AsSpan(0, length));
            Assert.True(vector.AsSpan().SequenceEqual(scalar), $"length {length}: differs from the scalar oracle (or wrote past the end)");
        }
    }

    [Fact]
    public void Encode_WrongLengths_ThrowNamingParameter()
    {
        LdpcCode code = LdpcCode.Get(LdpcBaseGraph.Bg2, 10);
        var encoder = new LdpcEncoder();
        Assert.Equal("information", Assert.Throws<ArgumentException>(() => encoder.Encode(new byte[99], new byte[code.CodewordLength], code)).ParamName);
        Assert.Equal("codeword", Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Encode(new byte[100], new byte[code.CodewordLength + 1], code)).ParamName);
        Assert.Equal("codeword", Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Encode(new byte[100], [], code)).ParamName);
    }

    [Fact]
    public void Encode_SteadyState_DoesNotAllocate()
    {
        LdpcCode code = LdpcCode.Get(LdpcBaseGraph.Bg1, 384);
        var encoder = new LdpcEncoder();
        var message = new byte[code.InformationLength];
        var codeword = new byte[code.CodewordLength];
        AllocationAssert.SteadyStateAllocatesNothing(() => encoder.Encode(message, codeword, code));
    }
}
