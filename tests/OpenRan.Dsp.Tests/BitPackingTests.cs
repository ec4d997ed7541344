using System;
using CsCheck;

namespace OpenRan.Dsp.Tests;

public class BitPackingTests
{
    [Fact]
    public void Pack_KnownBits_AreMsbFirst()
    {
        // MIB example of the test-vector README §2.2: payload bytes 7a f0 00.
        byte[] bits = [0, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var packed = new byte[3];
        BitPacking.Pack(bits, packed);
        Assert.Equal([0x7a, 0xf0, 0x00], packed);
    }

    [Fact]
    public void Pack_PartialLastByte_IsZeroPaddedInLowBits()
    {
        var packed = new byte[2];
        BitPacking.Pack([1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1], packed);
        Assert.Equal([0xb1, 0xe0], packed);
    }

    [Fact]
    public void PackUnpack_RoundTrip_AnyLength()
    {
        Gen.Byte[0, 1].Array[0, 200].Sample(bits =>
        {
            var packed = new byte[BitPacking.PackedLength(bits.Length)];
            BitPacking.Pack(bits, packed);
            var unpacked = new byte[bits.Length];
            BitPacking.Unpack(packed, unpacked);
            Assert.Equal(bits, unpacked);
        }, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void ReadWriteUInt_RoundTrip()
    {
        var bits = new byte[40];
        BitPacking.WriteUInt(0x2A5u, bits, 3, 12);
        Assert.Equal(0x2A5UL, BitPacking.ReadUInt(bits, 3, 12));
        Assert.Equal([0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1], bits[3..15]);
    }

    [Fact]
    public void Unpack_ShortInput_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => BitPacking.Unpack(new byte[1], new byte[9]));
        Assert.Equal("packed", ex.ParamName);
    }

    [Fact]
    public void SpreadLsbFirst_PutsBitJInByteJ()
    {
        ulong word = BitPacking.SpreadLsbFirst(0b1011_0001);
        Assert.Equal(new byte[] { 1, 0, 0, 0, 1, 1, 0, 1 }, BitConverter.GetBytes(word));
    }
}
