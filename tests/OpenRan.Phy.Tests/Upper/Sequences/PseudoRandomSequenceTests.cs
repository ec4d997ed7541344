using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Sequences;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.Sequences;

public class PseudoRandomSequenceTests
{
    /// <summary>TS 38.211 §5.2.1 evaluated literally, one value at a time (the oracle).</summary>
    private static byte[] Reference(uint cInit, int length)
    {
        int total = PseudoRandomSequence.Nc + length + 31;
        var x1 = new byte[total];
        var x2 = new byte[total];
        x1[0] = 1;
        for (int i = 0; i < 31; i++)
        {
            x2[i] = (byte)((cInit >> i) & 1);
        }

        for (int n = 0; n + 31 < total; n++)
        {
            x1[n + 31] = (byte)((x1[n + 3] + x1[n]) % 2);
            x2[n + 31] = (byte)((x2[n + 3] + x2[n + 2] + x2[n + 1] + x2[n]) % 2);
        }

        var c = new byte[length];
        for (int n = 0; n < length; n++)
        {
            c[n] = (byte)((x1[n + PseudoRandomSequence.Nc] + x2[n + PseudoRandomSequence.Nc]) % 2);
        }

        return c;
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(1u)]
    [InlineData(500u)]
    [InlineData(0x7FFFFFFFu)]
    [InlineData((11717u << 15) + 13315u)]
    public void Generate_MatchesSpecificationRecurrence(uint cInit)
    {
        byte[] expected = Reference(cInit, 3001);
        var actual = new byte[3001];
        new PseudoRandomSequence(cInit).Generate(actual);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(27)]
    [InlineData(28)]
    [InlineData(864)]
    [InlineData(3 * 864)]
    [InlineData(10007)]
    public void Advance_ThenGenerate_EqualsSliceOfSequence(int offset)
    {
        byte[] expected = Reference(1007, Math.Max(offset, 5) + 100);
        var sequence = new PseudoRandomSequence(1007);
        var head = new byte[5];
        sequence.Generate(head);                 // leave a partly consumed buffer behind
        sequence.Advance(offset - 5 < 0 ? 0 : offset - 5);
        var actual = new byte[100];
        sequence.Generate(actual);
        Assert.Equal(expected.AsSpan(Math.Max(offset, 5), 100).ToArray(), actual);
    }

    [Fact]
    public void ApplyXorAndSigns_FollowTheSequence()
    {
        byte[] c = Reference(42, 77);
        var sequence = new PseudoRandomSequence(42);
        var ones = new byte[77];
        ones.AsSpan().Fill(1);
        var scrambled = new byte[77];
        sequence.ApplyXor(ones, scrambled);
        for (int i = 0; i < 77; i++)
        {
            Assert.Equal(1 ^ c[i], scrambled[i]);
        }

        sequence.Initialize(42);
        var llrs = new sbyte[77];
        llrs.AsSpan().Fill(-128);
        sequence.ApplySigns(llrs, llrs);
        for (int i = 0; i < 77; i++)
        {
            Assert.Equal(c[i] == 1 ? (sbyte)127 : (sbyte)-128, llrs[i]);
        }
    }

    [Fact]
    public void GenerateQpsk_UsesConsecutivePairs()
    {
        byte[] c = Reference(3, 40);
        var symbols = new ComplexF32[20];
        new PseudoRandomSequence(3).GenerateQpsk(symbols, 0.5f);
        for (int m = 0; m < 20; m++)
        {
            Assert.Equal(new ComplexF32(0.5f * (1 - (2 * c[2 * m])), 0.5f * (1 - (2 * c[(2 * m) + 1]))), symbols[m]);
        }
    }

    [Fact]
    public void GenerateQpsk_AnyLength_EqualsTheBitPairs()
    {
        // Lengths around the 16-symbol vector step, and a sequence not at its start (a carried 28-bit step buffer).
        foreach (int length in new[] { 1, 15, 16, 17, 31, 32, 33, 100, 273 * 6 })
        {
            byte[] c = Reference(0x1234567, 7 + (2 * length));
            var sequence = new PseudoRandomSequence(0x1234567);
            sequence.Advance(7);
            var symbols = new ComplexF32[length];
            sequence.GenerateQpsk(symbols, 0.70710677f);
            for (int m = 0; m < length; m++)
            {
                Assert.Equal(new ComplexF32(0.70710677f * (1 - (2 * c[7 + (2 * m)])), 0.70710677f * (1 - (2 * c[7 + (2 * m) + 1]))), symbols[m]);
            }
        }
    }

    [Fact]
    public void Initialize_OutOfRange_ThrowsNamingCInit()
    {
        Assert.Equal("cInit", Assert.Throws<ArgumentOutOfRangeException>(() => new PseudoRandomSequence(0x80000000u)).ParamName);
    }

    [Fact]
    public void Generate_SteadyState_DoesNotAllocate()
    {
        var sequence = new PseudoRandomSequence(5);
        var bits = new byte[4096];
        AllocationAssert.SteadyStateAllocatesNothing(() =>
        {
            sequence.Initialize(6);
            sequence.Generate(bits);
            sequence.ApplyXor(bits, bits);
        });
    }
}
