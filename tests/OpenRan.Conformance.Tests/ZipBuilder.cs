using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace OpenRan.Conformance.Tests;

/// <summary>
/// Writes a zip archive member by member with whatever sizes the caller declares (PKWARE APPNOTE §4.3: local file
/// headers, central directory, end record), so tests can build archives that lie about their members.
/// </summary>
internal sealed class ZipBuilder
{
    private readonly MemoryStream _body = new();
    private readonly MemoryStream _directory = new();
    private int _count;

    /// <summary>Adds a member whose data is <paramref name="data"/> as stored (method 0) or raw deflate (method 8).</summary>
    public ZipBuilder Add(string name, byte[] data, ushort method, uint declaredLength, uint crc32 = 0)
    {
        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        uint offset = (uint)_body.Length;
        Span<byte> local = stackalloc byte[30];
        BinaryPrimitives.WriteUInt32LittleEndian(local, 0x04034B50);
        BinaryPrimitives.WriteUInt16LittleEndian(local[4..], 20);
        BinaryPrimitives.WriteUInt16LittleEndian(local[8..], method);
        BinaryPrimitives.WriteUInt32LittleEndian(local[14..], crc32);
        BinaryPrimitives.WriteUInt32LittleEndian(local[18..], (uint)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(local[22..], declaredLength);
        BinaryPrimitives.WriteUInt16LittleEndian(local[26..], (ushort)nameBytes.Length);
        _body.Write(local);
        _body.Write(nameBytes);
        _body.Write(data);

        Span<byte> central = stackalloc byte[46];
        BinaryPrimitives.WriteUInt32LittleEndian(central, 0x02014B50);
        BinaryPrimitives.WriteUInt16LittleEndian(central[4..], 20);
        BinaryPrimitives.WriteUInt16LittleEndian(central[6..], 20);
        BinaryPrimitives.WriteUInt16LittleEndian(central[10..], method);
        BinaryPrimitives.WriteUInt32LittleEndian(central[16..], crc32);
        BinaryPrimitives.WriteUInt32LittleEndian(central[20..], (uint)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(central[24..], declaredLength);
        BinaryPrimitives.WriteUInt16LittleEndian(central[28..], (ushort)nameBytes.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(central[42..], offset);
        _directory.Write(central);
        _directory.Write(nameBytes);
        _count++;
        return this;
    }

    public byte[] ToArray()
    {
        var all = new List<byte>(_body.ToArray());
        uint directoryOffset = (uint)all.Count;
        all.AddRange(_directory.ToArray());
        var end = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054B50);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), (ushort)_count);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), (ushort)_count);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), (uint)_directory.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), directoryOffset);
        all.AddRange(end);
        return all.ToArray();
    }
}
