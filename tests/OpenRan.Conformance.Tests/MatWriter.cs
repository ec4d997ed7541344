using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace OpenRan.Conformance.Tests;

/// <summary>
/// A minimal MAT-file Level 5 writer for building synthetic test files (classes, storage types, compression, byte order)
/// that the reference data does not exercise. Written from the MathWorks format description, independently of the reader.
/// </summary>
internal sealed class MatWriter
{
    private readonly bool _bigEndian;
    private readonly List<byte[]> _elements = [];

    public MatWriter(bool bigEndian = false) => _bigEndian = bigEndian;

    public MatWriter Add(byte[] matrixElement, bool compress)
    {
        if (!compress)
        {
            _elements.Add(matrixElement);
            return this;
        }

        using var buffer = new MemoryStream();
        using (var z = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(matrixElement);
        }

        _elements.Add(Tag(15, buffer.ToArray(), pad: false));
        return this;
    }

    /// <summary>Adds a <c>miCOMPRESSED</c> element holding <paramref name="zlibData"/> as given (valid or not).</summary>
    public MatWriter AddCompressedBytes(byte[] zlibData)
    {
        _elements.Add(Tag(15, zlibData, pad: false));
        return this;
    }

    public byte[] ToArray()
    {
        var header = new byte[128];
        Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, Platform: test, Created by OpenRan tests".PadRight(116)).CopyTo(header, 0);
        header[124] = _bigEndian ? (byte)0x01 : (byte)0x00;
        header[125] = _bigEndian ? (byte)0x00 : (byte)0x01;
        header[126] = _bigEndian ? (byte)'M' : (byte)'I';
        header[127] = _bigEndian ? (byte)'I' : (byte)'M';
        var all = new List<byte>(header);
        foreach (byte[] e in _elements)
        {
            all.AddRange(e);
        }

        return all.ToArray();
    }

    /// <summary>The 8-byte tag of an element of type <paramref name="miType"/> declaring <paramref name="byteCount"/> bytes.</summary>
    public byte[] TagOnly(int miType, uint byteCount)
    {
        var tag = new byte[8];
        WriteUInt32(tag, 0, (uint)miType);
        WriteUInt32(tag, 4, byteCount);
        return tag;
    }

    /// <summary>A numeric miMATRIX of class <paramref name="mxClass"/> whose data is stored as <paramref name="miType"/>.</summary>
    public byte[] Numeric(string name, int mxClass, int[] dims, int miType, double[] real, double[]? imag = null, bool logical = false) =>
        Matrix(mxClass, dims, name, complex: imag is not null, logical,
            imag is null ? [Data(miType, real)] : [Data(miType, real), Data(miType, imag)]);

    public byte[] Char(string name, string text) =>
        Matrix(4, [1, text.Length], name, false, false, [Tag(4, Utf16(text), pad: true)]);

    public byte[] Cell(string name, int[] dims, params byte[][] cells) => Matrix(1, dims, name, false, false, cells);

    public byte[] Struct(string name, string[] fields, params byte[][] values) => StructArray(name, [1, 1], fields, values);

    public byte[] StructArray(string name, int[] dims, string[] fields, params byte[][] values)
    {
        const int nameLength = 32;
        var names = new byte[nameLength * fields.Length];
        for (int f = 0; f < fields.Length; f++)
        {
            Encoding.ASCII.GetBytes(fields[f]).CopyTo(names, f * nameLength);
        }

        var parts = new List<byte[]> { SmallInt32(nameLength), Tag(1, names, pad: true) };
        parts.AddRange(values);
        return Matrix(2, dims, name, false, false, parts.ToArray());
    }

    private byte[] Matrix(int mxClass, int[] dims, string name, bool complex, bool logical, byte[][] parts)
    {
        var flags = new byte[8];
        uint flagWord = (uint)mxClass | (complex ? 0x800u : 0) | (logical ? 0x200u : 0);
        WriteUInt32(flags, 0, flagWord);
        var dimBytes = new byte[4 * dims.Length];
        for (int i = 0; i < dims.Length; i++)
        {
            WriteUInt32(dimBytes, 4 * i, (uint)dims[i]);
        }

        var body = new List<byte>();
        body.AddRange(Tag(6, flags, pad: true));
        body.AddRange(Tag(5, dimBytes, pad: true));
        body.AddRange(Tag(1, Encoding.ASCII.GetBytes(name), pad: true));
        foreach (byte[] p in parts)
        {
            body.AddRange(p);
        }

        return Tag(14, body.ToArray(), pad: true);
    }

    private byte[] Data(int miType, double[] values)
    {
        int size = miType switch { 1 or 2 => 1, 3 or 4 => 2, 5 or 6 or 7 => 4, _ => 8 };
        var bytes = new byte[size * values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            Span<byte> b = bytes.AsSpan(i * size, size);
            switch (miType)
            {
                case 1: b[0] = (byte)(sbyte)values[i]; break;
                case 2: b[0] = (byte)values[i]; break;
                case 3: if (_bigEndian) { BinaryPrimitives.WriteInt16BigEndian(b, (short)values[i]); } else { BinaryPrimitives.WriteInt16LittleEndian(b, (short)values[i]); } break;
                case 4: if (_bigEndian) { BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)values[i]); } else { BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)values[i]); } break;
                case 5: if (_bigEndian) { BinaryPrimitives.WriteInt32BigEndian(b, (int)values[i]); } else { BinaryPrimitives.WriteInt32LittleEndian(b, (int)values[i]); } break;
                case 7: if (_bigEndian) { BinaryPrimitives.WriteSingleBigEndian(b, (float)values[i]); } else { BinaryPrimitives.WriteSingleLittleEndian(b, (float)values[i]); } break;
                case 12: if (_bigEndian) { BinaryPrimitives.WriteInt64BigEndian(b, (long)values[i]); } else { BinaryPrimitives.WriteInt64LittleEndian(b, (long)values[i]); } break;
                default: if (_bigEndian) { BinaryPrimitives.WriteDoubleBigEndian(b, values[i]); } else { BinaryPrimitives.WriteDoubleLittleEndian(b, values[i]); } break;
            }
        }

        // Data of at most 4 bytes uses the small-element format, as MATLAB writes it.
        return bytes.Length <= 4 && bytes.Length > 0 ? Small(miType, bytes) : Tag(miType, bytes, pad: true);
    }

    private byte[] SmallInt32(int value)
    {
        var b = new byte[4];
        WriteUInt32(b, 0, (uint)value);
        return Small(5, b);
    }

    private byte[] Small(int miType, byte[] data)
    {
        var e = new byte[8];
        WriteUInt32(e, 0, ((uint)data.Length << 16) | (uint)miType);
        data.CopyTo(e, 4);
        return e;
    }

    private byte[] Tag(int miType, byte[] data, bool pad)
    {
        int padded = pad ? (data.Length + 7) & ~7 : data.Length;
        var e = new byte[8 + padded];
        WriteUInt32(e, 0, (uint)miType);
        WriteUInt32(e, 4, (uint)data.Length);
        data.CopyTo(e, 8);
        return e;
    }

    private byte[] Utf16(string text) => (_bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetBytes(text);

    private void WriteUInt32(byte[] b, int offset, uint v)
    {
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(offset), v);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(offset), v);
        }
    }
}
