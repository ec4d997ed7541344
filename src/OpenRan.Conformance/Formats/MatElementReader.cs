using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace OpenRan.Conformance.Formats;

/// <summary>
/// Walks data elements (tags, padding, compression, nested arrays). Every declared size is checked against the bytes
/// that remain and charged to the file's <see cref="ReadBudget"/> before anything is allocated for it.
/// </summary>
internal sealed class MatElementReader
{
    private const int MaxNestingDepth = 64;
    private const int TagLength = 8;
    private readonly ReadBudget _budget;
    private readonly bool _bigEndian;

    public MatElementReader(ReadBudget budget, bool bigEndian)
    {
        _budget = budget;
        _bigEndian = bigEndian;
    }

    /// <summary>Reads one top-level element and advances <paramref name="offset"/>; returns null for elements that are not arrays.</summary>
    public IMatValue? ReadTopLevel(ReadOnlySpan<byte> bytes, ref int offset)
    {
        int start = offset;
        MatElement element = ReadElement(bytes, ref offset, $"element at offset {start}");
        if (element.Type == MatConstants.MiCompressed)
        {
            string what = $"compressed element at offset {start}";
            byte[] inflated = Inflate(element.Data, what);
            int inner = 0;
            MatElement innerElement = ReadElement(inflated, ref inner, $"content of the {what}");
            return innerElement.Type == MatConstants.MiMatrix ? ReadMatrix(innerElement.Data, $"variable in the {what}", isField: false, depth: 0) : null;
        }

        return element.Type == MatConstants.MiMatrix ? ReadMatrix(element.Data, $"variable at offset {start}", isField: false, depth: 0) : null;
    }

    private MatElement ReadElement(ReadOnlySpan<byte> bytes, ref int offset, string what)
    {
        if (bytes.Length - offset < 4)
        {
            throw Fail($"truncated {what}: {bytes.Length - offset} bytes left where an 8-byte tag was expected (offset {offset}).");
        }

        uint first = ReadUInt32(bytes, offset);
        if ((first >> 16) != 0)
        {
            // Small data element: type in the low 16 bits, byte count in the high 16 bits, data in the next 4 bytes.
            int smallType = (int)(first & 0xFFFF);
            int smallCount = (int)(first >> 16);
            if (smallCount > 4 || bytes.Length - offset < TagLength)
            {
                throw Fail($"malformed small-format {what} at offset {offset}: it declares {smallCount} bytes (at most 4 fit) with {bytes.Length - offset} bytes left.");
            }

            ReadOnlySpan<byte> small = bytes.Slice(offset + 4, smallCount);
            offset += TagLength;
            return new MatElement(smallType, small);
        }

        if (bytes.Length - offset < TagLength)
        {
            throw Fail($"truncated {what}: its tag at offset {offset} is cut short.");
        }

        int type = (int)first;
        long count = ReadUInt32(bytes, offset + 4);
        long remaining = bytes.Length - offset - TagLength;
        if (count > remaining)
        {
            throw Fail($"truncated {what}: type {type} at offset {offset} declares {count} bytes but only {remaining} remain.");
        }

        ReadOnlySpan<byte> data = bytes.Slice(offset + TagLength, (int)count);
        // Elements are padded to 8-byte boundaries, except compressed ones (and a last element may end unpadded).
        long end = offset + TagLength + count;
        long next = type == MatConstants.MiCompressed ? end : offset + TagLength + ((count + 7) & ~7L);
        offset = (int)Math.Min(next, bytes.Length);
        return new MatElement(type, data);
    }

    /// <summary>
    /// Inflates a <c>miCOMPRESSED</c> element: first the tag of the element it holds, then exactly the bytes that tag
    /// declares, once they are charged to the file's decompression limit. Inflation stops there.
    /// </summary>
    private byte[] Inflate(ReadOnlySpan<byte> compressed, string what)
    {
        try
        {
            using var input = new MemoryStream(compressed.ToArray(), writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            var tag = new byte[TagLength];
            int got = zlib.ReadAtLeast(tag, TagLength, throwOnEndOfStream: false);
            if (got < TagLength)
            {
                throw Fail($"{what} inflates to only {got} bytes, too few for the 8-byte tag of the element it must hold (truncated or corrupt).");
            }

            uint first = ReadUInt32(tag, 0);
            long total = (first >> 16) != 0 ? TagLength : TagLength + (long)ReadUInt32(tag, 4);
            _budget.TakeDecompressed(total, what);
            if (total > Array.MaxLength)
            {
                throw Fail($"{what} declares {ReferenceDataLimits.Bytes(total)} of content, more than one array can hold.");
            }

            var inflated = new byte[total];
            tag.CopyTo(inflated, 0);
            got = zlib.ReadAtLeast(inflated.AsSpan(TagLength), inflated.Length - TagLength, throwOnEndOfStream: false);
            if (got < inflated.Length - TagLength)
            {
                throw Fail($"{what} inflates to only {TagLength + got} bytes, but the element inside it declares {total} (truncated or corrupt).");
            }

            return inflated;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException && ex is not ReferenceDataFormatException)
        {
            // .NET words zlib data errors as "unsupported compression method" (InvalidDataException) or "unexpected error
            // code" (ZLibException, for instance a header asking for a preset dictionary); say what it means here.
            throw new ReferenceDataFormatException(Source, $"{what} is not valid zlib data: the compressed bytes are corrupt or cut short.", ex);
        }
    }

    private IMatValue ReadMatrix(ReadOnlySpan<byte> data, string where, bool isField, int depth)
    {
        if (depth > MaxNestingDepth)
        {
            throw Fail($"{where}: arrays nested deeper than {MaxNestingDepth} levels.");
        }

        _budget.TakeArrays(1, where);
        if (data.Length == 0)
        {
            // MATLAB writes an empty miMATRIX for [] inside structs and cells.
            return new MatNumericArray(Source, string.Empty, MatClass.Double, [0, 0], [], null, isLogical: false);
        }

        int offset = 0;
        MatElement flagsElement = ReadElement(data, ref offset, $"array flags of the {where}");
        ReadOnlySpan<byte> flags = flagsElement.Data;
        if (flagsElement.Type != MatConstants.MiUInt32 || flags.Length < 8)
        {
            throw Fail($"{where}: array flags have type {flagsElement.Type} and {flags.Length} bytes; expected miUINT32 with 8 bytes.");
        }

        uint flagWord = ReadUInt32(flags, 0);
        var arrayClass = (MatClass)(flagWord & 0xFF);
        bool isComplex = (flagWord & 0x800) != 0;
        bool isLogical = (flagWord & 0x200) != 0;

        MatElement dimsElement = ReadElement(data, ref offset, $"dimensions of the {where}");
        ReadOnlySpan<byte> dimsData = dimsElement.Data;
        if (dimsElement.Type != MatConstants.MiInt32 || dimsData.Length < 8 || dimsData.Length % 4 != 0)
        {
            throw Fail($"{where}: dimensions element has type {dimsElement.Type} and {dimsData.Length} bytes; expected miINT32 with at least 2 values.");
        }

        if (dimsData.Length / 4 > _budget.Limits.MaxDimensionCount)
        {
            throw Fail($"{where} has {dimsData.Length / 4} dimensions; at most {_budget.Limits.MaxDimensionCount} are accepted (ReferenceDataLimits.MaxDimensionCount).");
        }

        int[] dims = new int[dimsData.Length / 4];
        for (int i = 0; i < dims.Length; i++)
        {
            dims[i] = (int)ReadUInt32(dimsData, 4 * i);
        }

        MatElement nameElement = ReadElement(data, ref offset, $"name of the {where}");
        if (nameElement.Type != MatConstants.MiInt8 && nameElement.Type != MatConstants.MiUInt8)
        {
            throw Fail($"{where}: array name has type {nameElement.Type}; expected miINT8.");
        }

        string name = Encoding.ASCII.GetString(nameElement.Data).TrimEnd('\0');
        if (!isField)
        {
            if (name.Length == 0)
            {
                throw Fail($"{where}: top-level variable without a name.");
            }

            where = $"variable '{name}'";
        }

        int count = _budget.ElementCount(dims, where);
        switch (arrayClass)
        {
            case MatClass.Double or MatClass.Single or MatClass.Int8 or MatClass.UInt8 or MatClass.Int16 or MatClass.UInt16
                or MatClass.Int32 or MatClass.UInt32 or MatClass.Int64 or MatClass.UInt64:
                {
                    double[] real = ReadNumericPart(data, ref offset, count, $"real part of the {where}");
                    double[]? imag = isComplex ? ReadNumericPart(data, ref offset, count, $"imaginary part of the {where}") : null;
                    return new MatNumericArray(Source, name, arrayClass, dims, real, imag, isLogical);
                }

            case MatClass.Char:
                return new MatCharArray(name, dims, ReadChars(data, ref offset, count, where));

            case MatClass.Struct:
                return ReadStruct(data, ref offset, where, name, dims, count, depth);

            case MatClass.Cell:
                {
                    RequireNestedBytes(data.Length - offset, count, where, $"{count} cells");
                    var cells = new IMatValue[count];
                    for (int i = 0; i < count; i++)
                    {
                        cells[i] = ReadNested(data, ref offset, $"{where} cell {i}", depth);
                    }

                    return new MatCellArray(name, dims, cells);
                }

            case MatClass.Sparse:
                throw Fail($"{where} is a sparse array, which this reader does not support.");
            case MatClass.Object:
                throw Fail($"{where} is a MATLAB object, which this reader does not support.");
            default:
                throw Fail($"{where} has unknown array class {(int)arrayClass}.");
        }
    }

    private MatStructArray ReadStruct(ReadOnlySpan<byte> data, ref int offset, string where, string name, int[] dims, int count, int depth)
    {
        MatElement lengthElement = ReadElement(data, ref offset, $"field-name length of the {where}");
        if (lengthElement.Type != MatConstants.MiInt32 || lengthElement.Data.Length < 4)
        {
            throw Fail($"{where}: field-name length has type {lengthElement.Type}; expected one miINT32.");
        }

        long nameLength = ReadUInt32(lengthElement.Data, 0);
        ReadOnlySpan<byte> namesData = ReadElement(data, ref offset, $"field names of the {where}").Data;
        if (nameLength == 0 || namesData.Length % nameLength != 0)
        {
            throw Fail($"{where}: field names take {namesData.Length} bytes, not a whole number of names of the declared length {nameLength}.");
        }

        int fieldCount = (int)(namesData.Length / nameLength);
        string[] fieldNames = new string[fieldCount];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int f = 0; f < fieldCount; f++)
        {
            fieldNames[f] = Encoding.ASCII.GetString(namesData.Slice(f * (int)nameLength, (int)nameLength)).TrimEnd('\0');
            if (fieldNames[f].Length == 0)
            {
                throw Fail($"{where}: field {f} has an empty name.");
            }

            if (!seen.Add(fieldNames[f]))
            {
                throw Fail($"{where}: field name '{fieldNames[f]}' appears twice.");
            }
        }

        long valueCount = (long)count * fieldCount;
        RequireNestedBytes(data.Length - offset, valueCount, where, $"{count} element(s) of {fieldCount} field(s)");
        var values = new IMatValue[valueCount];
        for (int e = 0; e < count; e++)
        {
            for (int f = 0; f < fieldCount; f++)
            {
                string what = count == 1 ? $"{where} field '{fieldNames[f]}'" : $"{where} element {e} field '{fieldNames[f]}'";
                values[((long)e * fieldCount) + f] = ReadNested(data, ref offset, what, depth);
            }
        }

        return new MatStructArray(name, dims, count, fieldNames, values);
    }

    /// <summary>Each nested array takes at least an 8-byte tag: refuses counts the remaining bytes cannot hold, before allocating for them.</summary>
    private void RequireNestedBytes(long remaining, long nestedCount, string where, string what)
    {
        if (nestedCount > remaining / TagLength)
        {
            throw Fail($"{where} declares {what}, which need at least {nestedCount * TagLength} bytes, but only {remaining} remain (corrupt dimensions or truncated).");
        }
    }

    private IMatValue ReadNested(ReadOnlySpan<byte> data, ref int offset, string what, int depth)
    {
        MatElement innerElement = ReadElement(data, ref offset, what);
        if (innerElement.Type != MatConstants.MiMatrix)
        {
            throw Fail($"{what} has type {innerElement.Type}; expected miMATRIX.");
        }

        return ReadMatrix(innerElement.Data, what, isField: true, depth + 1);
    }

    private double[] ReadNumericPart(ReadOnlySpan<byte> data, ref int offset, int count, string what)
    {
        MatElement partElement = ReadElement(data, ref offset, what);
        int type = partElement.Type;
        ReadOnlySpan<byte> part = partElement.Data;
        int size = MatConstants.ElementSize(type);
        if (size == 0 || type is MatConstants.MiUtf8 or MatConstants.MiUtf16 or MatConstants.MiUtf32)
        {
            throw Fail($"{what} has data type {type}, which is not numeric.");
        }

        if (part.Length != count * (long)size)
        {
            throw Fail($"{what} holds {part.Length} bytes = {part.Length / (double)size} values of type {type}; the dimensions need {count}.");
        }

        _budget.TakeElements(count, what);
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = ReadValue(part.Slice(i * size, size), type, what, i);
        }

        return values;
    }

    private string ReadChars(ReadOnlySpan<byte> data, ref int offset, int count, string where)
    {
        string what = $"characters of the {where}";
        MatElement partElement = ReadElement(data, ref offset, what);
        int type = partElement.Type;
        ReadOnlySpan<byte> part = partElement.Data;
        _budget.TakeElements(part.Length, what);
        string text = type switch
        {
            MatConstants.MiUInt16 or MatConstants.MiUtf16 => (_bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(part),
            MatConstants.MiUInt8 or MatConstants.MiInt8 or MatConstants.MiUtf8 => Encoding.UTF8.GetString(part),
            MatConstants.MiUtf32 => (_bigEndian ? new UTF32Encoding(true, false) : Encoding.UTF32).GetString(part),
            _ => throw Fail($"{what} have data type {type}, which is not a character type."),
        };
        if (type is MatConstants.MiUInt16 or MatConstants.MiUInt8 && text.Length != count)
        {
            throw Fail($"{what}: {text.Length} characters stored; the dimensions need {count}.");
        }

        return text;
    }

    private double ReadValue(ReadOnlySpan<byte> b, int type, string what, int index)
    {
        switch (type)
        {
            case MatConstants.MiInt8:
                return (sbyte)b[0];
            case MatConstants.MiUInt8:
                return b[0];
            case MatConstants.MiInt16:
                return _bigEndian ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b);
            case MatConstants.MiUInt16:
                return _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);
            case MatConstants.MiInt32:
                return _bigEndian ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b);
            case MatConstants.MiUInt32:
                return _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);
            case MatConstants.MiSingle:
                return _bigEndian ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b);
            case MatConstants.MiDouble:
                return _bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b);
            case MatConstants.MiInt64:
                {
                    long v = _bigEndian ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b);
                    if (v > 1L << 53 || v < -(1L << 53))
                    {
                        throw Fail($"{what} element {index} = {v} exceeds 2^53 in magnitude and cannot be held exactly.");
                    }

                    return v;
                }

            default:
                {
                    ulong v = _bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b);
                    if (v > 1UL << 53)
                    {
                        throw Fail($"{what} element {index} = {v} exceeds 2^53 and cannot be held exactly.");
                    }

                    return v;
                }
        }
    }

    private string Source => _budget.Source;

    private uint ReadUInt32(ReadOnlySpan<byte> b, int offset) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b[offset..]) : BinaryPrimitives.ReadUInt32LittleEndian(b[offset..]);

    private ReferenceDataFormatException Fail(string problem) => _budget.Fail(problem);
}
