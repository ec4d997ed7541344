using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace OpenRan.Dsp;

/// <summary>
/// Conversion between unpacked bits (one bit per byte, value 0 or 1) and packed bytes, most significant bit first:
/// bit b_0 of a sequence is bit 7 of byte 0, as TS 38.212 orders a_0, a_1, … and as MAC PDUs are transmitted.
/// </summary>
public static class BitPacking
{
    /// <summary>For each byte value, its eight bits MSB first as eight 0/1 bytes, little-endian in a ulong.</summary>
    private static readonly ulong[] s_unpackTable = BuildUnpackTable(msbFirst: true);
    private static readonly ulong[] s_lsbFirstSpread = BuildUnpackTable(msbFirst: false);

    /// <summary>Number of bytes needed to hold <paramref name="bitCount"/> packed bits.</summary>
    public static int PackedLength(int bitCount) => (bitCount + 7) >> 3;

    /// <summary>
    /// Packs unpacked bits MSB first: packed[i/8] bit (7 − i mod 8) = bits[i]. A last partial byte is zero-padded in its low bits.
    /// </summary>
    /// <param name="bits">One bit per byte; only the least significant bit of each byte is used.</param>
    /// <param name="packed">Receives <see cref="PackedLength"/>(bits.Length) bytes.</param>
    public static void Pack(ReadOnlySpan<byte> bits, Span<byte> packed)
    {
        int byteCount = PackedLength(bits.Length);
        if (packed.Length < byteCount)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(packed), packed.Length, byteCount);
        }

        int whole = bits.Length >> 3;
        for (int i = 0; i < whole; i++)
        {
            // Eight 0/1 bytes b0..b7 as a little-endian ulong. Multiplying by Σ 2^(9j) moves b_i to bit 56 + (7 − i)
            // without carries (every partial product lands on a distinct bit), so the top byte is b0 b1 … b7, MSB first.
            ulong v = BinaryPrimitives.ReadUInt64LittleEndian(bits.Slice(i * 8, 8)) & 0x0101010101010101UL;
            packed[i] = (byte)((v * 0x8040201008040201UL) >> 56);
        }

        int rest = bits.Length - (whole * 8);
        if (rest > 0)
        {
            int last = 0;
            for (int j = 0; j < rest; j++)
            {
                last |= (bits[(whole * 8) + j] & 1) << (7 - j);
            }

            packed[whole] = (byte)last;
        }
    }

    /// <summary>Unpacks <paramref name="bits"/>.Length bits MSB first: bits[i] = packed[i/8] bit (7 − i mod 8).</summary>
    /// <param name="packed">At least <see cref="PackedLength"/>(bits.Length) bytes.</param>
    /// <param name="bits">Receives one bit per byte (0 or 1).</param>
    public static void Unpack(ReadOnlySpan<byte> packed, Span<byte> bits)
    {
        int byteCount = PackedLength(bits.Length);
        if (packed.Length < byteCount)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(packed), packed.Length, byteCount);
        }

        int whole = bits.Length >> 3;
        Span<ulong> wide = MemoryMarshal.Cast<byte, ulong>(bits[..(whole * 8)]);
        for (int i = 0; i < whole; i++)
        {
            ulong v = s_unpackTable[packed[i]];
            wide[i] = BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
        }

        for (int j = whole * 8; j < bits.Length; j++)
        {
            bits[j] = (byte)((packed[j >> 3] >> (7 - (j & 7))) & 1);
        }
    }

    /// <summary>Reads <paramref name="bitCount"/> (≤ 64) bits MSB first starting at <paramref name="offset"/> as an unsigned integer.</summary>
    /// <param name="bits">Unpacked bits.</param>
    /// <param name="offset">Index of the most significant bit.</param>
    /// <param name="bitCount">Number of bits, 0..64.</param>
    public static ulong ReadUInt(ReadOnlySpan<byte> bits, int offset, int bitCount)
    {
        ThrowHelper.ThrowIfOutside(bitCount, 0, 64);
        ReadOnlySpan<byte> field = bits.Slice(offset, bitCount);
        ulong value = 0;
        foreach (byte b in field)
        {
            value = (value << 1) | (uint)(b & 1);
        }

        return value;
    }

    /// <summary>Writes the <paramref name="bitCount"/> (≤ 64) low bits of <paramref name="value"/> MSB first at <paramref name="offset"/>.</summary>
    /// <param name="value">The value; bits above <paramref name="bitCount"/> are ignored.</param>
    /// <param name="bits">Unpacked bits to write into.</param>
    /// <param name="offset">Index that receives the most significant bit.</param>
    /// <param name="bitCount">Number of bits, 0..64.</param>
    public static void WriteUInt(ulong value, Span<byte> bits, int offset, int bitCount)
    {
        ThrowHelper.ThrowIfOutside(bitCount, 0, 64);
        Span<byte> field = bits.Slice(offset, bitCount);
        for (int i = 0; i < bitCount; i++)
        {
            field[i] = (byte)((value >> (bitCount - 1 - i)) & 1);
        }
    }

    /// <summary>
    /// The eight bits of <paramref name="value"/> LSB first, one per byte, as a little-endian word: written to memory on a
    /// little-endian machine, byte j holds bit j (the layout of generators that shift bits out LSB first).
    /// </summary>
    public static ulong SpreadLsbFirst(byte value) => s_lsbFirstSpread[value];

    private static ulong[] BuildUnpackTable(bool msbFirst)
    {
        var table = new ulong[256];
        for (int b = 0; b < 256; b++)
        {
            ulong v = 0;
            for (int j = 0; j < 8; j++)
            {
                v |= (ulong)((b >> (msbFirst ? 7 - j : j)) & 1) << (8 * j);
            }

            table[b] = v;
        }

        return table;
    }
}
