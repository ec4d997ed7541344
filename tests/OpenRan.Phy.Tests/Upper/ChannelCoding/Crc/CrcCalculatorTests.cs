using System;
using CsCheck;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;

namespace OpenRan.Phy.Tests.Upper.ChannelCoding.Crc;

public class CrcCalculatorTests
{
    public static TheoryData<CrcPolynomial> Polynomials() => [.. Enum.GetValues<CrcPolynomial>()];

    [Theory]
    [MemberData(nameof(Polynomials))]
    public void Attach_AnyMessage_GivesZeroRemainder(CrcPolynomial polynomial)
    {
        var crc = new CrcCalculator(polynomial);
        Gen.Byte[0, 1].Array[0, 300].Sample(message =>
        {
            var bits = new byte[message.Length + crc.Length];
            message.CopyTo(bits, 0);
            crc.Attach(bits, message.Length);
            Assert.True(crc.Check(bits));
            bits[bits.Length / 2] ^= 1;
            Assert.False(crc.Check(bits)); // every CRC here detects single-bit errors
        }, seed: "0N0XIzNsQ0O2");
    }

    [Theory]
    [MemberData(nameof(Polynomials))]
    public void ComputePacked_AgreesWithUnpacked(CrcPolynomial polynomial)
    {
        var crc = new CrcCalculator(polynomial);
        Gen.Byte[0, 1].Array[0, 200].Sample(bits =>
        {
            var packed = new byte[BitPacking.PackedLength(bits.Length)];
            BitPacking.Pack(bits, packed);
            Assert.Equal(crc.Compute(bits), crc.ComputePacked(packed, bits.Length));
        }, seed: "0N0XIzNsQ0O2");
    }

    [Theory]
    [InlineData(CrcPolynomial.Crc24A, 0x864CFBu, 24)]
    [InlineData(CrcPolynomial.Crc24B, 0x800063u, 24)]
    [InlineData(CrcPolynomial.Crc24C, 0xB2B117u, 24)]
    [InlineData(CrcPolynomial.Crc16, 0x1021u, 16)]
    [InlineData(CrcPolynomial.Crc11, 0x621u, 11)]
    [InlineData(CrcPolynomial.Crc6, 0x21u, 6)]
    public void Compute_SingleOneBit_IsTheGeneratorRemainder(CrcPolynomial polynomial, uint generatorLowBits, int length)
    {
        // The message "1" followed by L zeros is D^L, whose remainder is g(D) − D^L: the generator's low bits.
        // Equivalently the parity of the one-bit message "1" is g(D) mod D^L.
        var crc = new CrcCalculator(polynomial);
        Assert.Equal(length, crc.Length);
        Assert.Equal(generatorLowBits, crc.Compute([1]));
        Assert.Equal(0u, crc.Compute(new byte[37]));
    }

    [Theory]
    [MemberData(nameof(Polynomials))]
    public void Compute_LongMessages_MatchBitwiseDivision(CrcPolynomial polynomial)
    {
        // Reference: plain polynomial long division bit by bit (TS 38.212 §5.1), against the sliced and vector-packed paths.
        var crc = new CrcCalculator(polynomial);
        uint generator = crc.Compute([1]) | (1u << crc.Length);
        var random = new Random(9);
        foreach (int length in new[] { 63, 64, 65, 127, 128, 129, 1000, 8424, 8425 })
        {
            var bits = new byte[length];
            for (int i = 0; i < length; i++)
            {
                bits[i] = (byte)random.Next(2);
            }

            uint reg = 0;
            foreach (byte b in bits)
            {
                reg = (reg << 1) | b;
                if ((reg >> crc.Length) != 0)
                {
                    reg ^= generator;
                }
            }

            for (int i = 0; i < crc.Length; i++)
            {
                reg <<= 1;
                if ((reg >> crc.Length) != 0)
                {
                    reg ^= generator;
                }
            }

            Assert.Equal(reg, crc.Compute(bits));
            var packed = new byte[BitPacking.PackedLength(length)];
            BitPacking.Pack(bits, packed);
            Assert.Equal(reg, crc.ComputePacked(packed, length));
        }
    }

    [Theory]
    [MemberData(nameof(Polynomials))]
    public void Update_Continued_EqualsOneUpdateOverTheConcatenation(CrcPolynomial polynomial)
    {
        // A register carried between calls (as the DCI CRC's ones-prefix register is) enters the carry-less folding of the
        // long path and the table steps of the short one alike.
        var crc = new CrcCalculator(polynomial);
        var random = new Random(11);
        var bits = new byte[3000];
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] = (byte)random.Next(2);
        }

        foreach ((int head, int tail) in new[] { (24, 100), (24, 128), (64, 64), (65, 1000), (130, 2870), (1, 127) })
        {
            uint whole = crc.Update(0, bits.AsSpan(0, head + tail));
            uint continued = crc.Update(crc.Update(0, bits.AsSpan(0, head)), bits.AsSpan(head, tail));
            Assert.Equal(whole, continued);
        }
    }

    [Fact]
    public void Attach_NoRoom_ThrowsNamingParameter()
    {
        var crc = new CrcCalculator(CrcPolynomial.Crc16);
        Assert.Equal("payloadLength", Assert.Throws<ArgumentOutOfRangeException>(() => crc.Attach(new byte[20], 10)).ParamName);
    }
}
