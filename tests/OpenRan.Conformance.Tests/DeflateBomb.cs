using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace OpenRan.Conformance.Tests;

/// <summary>
/// Builds deflate and zlib streams that inflate to a prefix followed by a great many zeros, about a thousand times
/// smaller than what they inflate to, in milliseconds: 1 MiB of zeros is deflated once and its byte-aligned block (ended
/// by a sync flush, so not final) is repeated, then an empty final block closes the stream (RFC 1951 §3.2.3, §3.2.6).
/// A repeated block decodes the same each time because the 32 KiB window before it holds only zeros.
/// </summary>
internal static class DeflateBomb
{
    private const int Unit = 1 << 20;

    /// <summary>A raw deflate stream (RFC 1951) of <paramref name="prefix"/> then <paramref name="zeroCount"/> zero bytes.</summary>
    public static byte[] Raw(ReadOnlySpan<byte> prefix, long zeroCount)
    {
        var zeros = new byte[Unit];
        using var output = new MemoryStream();
        using var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        long first = Math.Min(zeroCount, Unit);
        deflate.Write(prefix);
        deflate.Write(zeros, 0, (int)first);
        deflate.Flush();
        byte[] head = output.ToArray();

        long remaining = zeroCount - first;
        long units = remaining / Unit;
        int rest = (int)(remaining % Unit);
        byte[] unit = units > 0 ? Chunk(deflate, output, zeros, Unit) : [];
        byte[] tail = rest > 0 ? Chunk(deflate, output, zeros, rest) : [];

        var result = new byte[head.Length + (unit.Length * units) + tail.Length + 2];
        head.CopyTo(result, 0);
        long at = head.Length;
        for (long u = 0; u < units; u++, at += unit.Length)
        {
            unit.CopyTo(result, at);
        }

        tail.CopyTo(result, at);
        // Final block with fixed Huffman codes holding only the end-of-block code: bits 1 (BFINAL), 01 (BTYPE), 0000000.
        result[^2] = 0x03;
        result[^1] = 0x00;
        return result;
    }

    /// <summary>A zlib stream (RFC 1950: header, deflate data, Adler-32) of <paramref name="prefix"/> then <paramref name="zeroCount"/> zeros.</summary>
    public static byte[] Zlib(ReadOnlySpan<byte> prefix, long zeroCount)
    {
        byte[] raw = Raw(prefix, zeroCount);
        var result = new byte[2 + raw.Length + 4];
        result[0] = 0x78; // deflate, 32 KiB window
        result[1] = 0xDA; // maximum compression; (0x78 << 8 | 0xDA) is a multiple of 31
        raw.CopyTo(result, 2);
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(result.Length - 4), Adler32(prefix, zeroCount));
        return result;
    }

    private static byte[] Chunk(DeflateStream deflate, MemoryStream output, byte[] zeros, int count)
    {
        long start = output.Length;
        deflate.Write(zeros, 0, count);
        deflate.Flush();
        return output.GetBuffer().AsSpan((int)start, (int)(output.Length - start)).ToArray();
    }

    private static uint Adler32(ReadOnlySpan<byte> prefix, long zeroCount)
    {
        const uint Modulus = 65521;
        uint a = 1;
        uint b = 0;
        foreach (byte x in prefix)
        {
            a = (a + x) % Modulus;
            b = (b + a) % Modulus;
        }

        // Each zero leaves a unchanged and adds a to b.
        b = (uint)((b + ((ulong)(zeroCount % Modulus) * a)) % Modulus);
        return (b << 16) | a;
    }
}
