using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace OpenRan.Conformance.Formats;

/// <summary>
/// A MATLAB Level 5 MAT-file (MATLAB 5.0 through 7.x, <c>-v6</c>/<c>-v7</c>; not the HDF5-based <c>-v7.3</c>), read
/// completely into memory: numeric arrays of every class (real or complex, logical), char arrays, structs and cells,
/// inside <c>miCOMPRESSED</c> (zlib) elements or not, in either byte order.
/// </summary>
/// <remarks>
/// Format: MathWorks, "MAT-File Format", Level 5 chapter. Values are kept as stored: MATLAB's 1-based indices are not
/// converted, and arrays stay in column-major order (see <see cref="MatNumericArray"/>). Every read is bounds-checked;
/// a malformed or truncated file raises <see cref="ReferenceDataFormatException"/> naming the file and the problem.
/// </remarks>
public sealed class MatFile
{
    private const int HeaderLength = 128;
    private readonly Dictionary<string, IMatValue> _variables;

    private MatFile(string path, string headerText, Dictionary<string, IMatValue> variables)
    {
        Path = path;
        HeaderText = headerText;
        _variables = variables;
    }

    /// <summary>The file the variables came from.</summary>
    public string Path { get; }

    /// <summary>The descriptive text at the start of the header (for example <c>MATLAB 5.0 MAT-file, Platform: PCWIN64, …</c>).</summary>
    public string HeaderText { get; }

    /// <summary>The top-level variables by name.</summary>
    public IReadOnlyDictionary<string, IMatValue> Variables => _variables;

    /// <summary>The variable called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such variable; the message lists the variables present.</exception>
    public IMatValue this[string name] => _variables.TryGetValue(name, out IMatValue? v)
        ? v
        : throw new KeyNotFoundException($"{Path}: no variable '{name}'; present: {string.Join(", ", _variables.Keys)}.");

    /// <summary>Whether a variable called <paramref name="name"/> exists.</summary>
    public bool Contains(string name) => _variables.ContainsKey(name);

    /// <summary>The numeric variable called <paramref name="name"/>.</summary>
    public MatNumericArray Numeric(string name) => this[name] as MatNumericArray
        ?? throw new InvalidDataException($"{Path}: variable '{name}' is a {this[name].GetType().Name}, not a numeric array.");

    /// <summary>Reads a MAT-file.</summary>
    /// <exception cref="ReferenceDataFormatException">The file is not a readable Level 5 MAT-file.</exception>
    public static MatFile Load(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        return Parse(bytes, path);
    }

    /// <summary>Parses MAT-file content already in memory; <paramref name="sourceName"/> names it in errors.</summary>
    public static MatFile Parse(ReadOnlySpan<byte> bytes, string sourceName)
    {
        if (bytes.Length < HeaderLength)
        {
            throw new ReferenceDataFormatException(sourceName, $"file is {bytes.Length} bytes, shorter than the 128-byte MAT-file header (truncated or not a MAT-file).");
        }

        string text = Encoding.ASCII.GetString(bytes[..116]).TrimEnd('\0', ' ');
        if (text.StartsWith("MATLAB 7.3", StringComparison.Ordinal))
        {
            throw new ReferenceDataFormatException(sourceName, "MAT-file v7.3 (HDF5) is not supported; save with -v7 or -v6.");
        }

        if (!text.StartsWith("MATLAB", StringComparison.Ordinal))
        {
            throw new ReferenceDataFormatException(sourceName, "header does not start with 'MATLAB'; not a Level 5 MAT-file.");
        }

        bool bigEndian;
        if (bytes[126] == (byte)'I' && bytes[127] == (byte)'M')
        {
            bigEndian = false;
        }
        else if (bytes[126] == (byte)'M' && bytes[127] == (byte)'I')
        {
            bigEndian = true;
        }
        else
        {
            throw new ReferenceDataFormatException(sourceName, $"endian indicator is 0x{bytes[126]:X2}{bytes[127]:X2}, expected 'IM' or 'MI'.");
        }

        var reader = new MatElementReader(sourceName, bigEndian);
        var variables = new Dictionary<string, IMatValue>(StringComparer.Ordinal);
        int offset = HeaderLength;
        while (offset < bytes.Length)
        {
            IMatValue? value = reader.ReadTopLevel(bytes, ref offset);
            if (value is not null)
            {
                variables[value.Name] = value;
            }
        }

        return new MatFile(sourceName, text, variables);
    }
}

/// <summary>The MAT-file Level 5 data types (<c>mi*</c>) and array classes (<c>mx*</c>).</summary>
internal static class MatConstants
{
    public const int MiInt8 = 1;
    public const int MiUInt8 = 2;
    public const int MiInt16 = 3;
    public const int MiUInt16 = 4;
    public const int MiInt32 = 5;
    public const int MiUInt32 = 6;
    public const int MiSingle = 7;
    public const int MiDouble = 9;
    public const int MiInt64 = 12;
    public const int MiUInt64 = 13;
    public const int MiMatrix = 14;
    public const int MiCompressed = 15;
    public const int MiUtf8 = 16;
    public const int MiUtf16 = 17;
    public const int MiUtf32 = 18;

    /// <summary>Size in bytes of one value of a numeric data type, or 0 when the type is not numeric.</summary>
    public static int ElementSize(int dataType) => dataType switch
    {
        MiInt8 or MiUInt8 or MiUtf8 => 1,
        MiInt16 or MiUInt16 or MiUtf16 => 2,
        MiInt32 or MiUInt32 or MiSingle or MiUtf32 => 4,
        MiDouble or MiInt64 or MiUInt64 => 8,
        _ => 0,
    };
}

/// <summary>One data element: its <c>mi*</c> type and its bytes (without tag and padding).</summary>
internal readonly ref struct MatElement
{
    public MatElement(int type, ReadOnlySpan<byte> data)
    {
        Type = type;
        Data = data;
    }

    public int Type { get; }

    public ReadOnlySpan<byte> Data { get; }
}

/// <summary>Walks data elements (tags, padding, compression, nested arrays) with bounds checks.</summary>
internal sealed class MatElementReader
{
    private const int MaxNestingDepth = 64;
    private readonly string _source;
    private readonly bool _bigEndian;

    public MatElementReader(string source, bool bigEndian)
    {
        _source = source;
        _bigEndian = bigEndian;
    }

    /// <summary>Reads one top-level element and advances <paramref name="offset"/>; returns null for elements that are not arrays.</summary>
    public IMatValue? ReadTopLevel(ReadOnlySpan<byte> bytes, ref int offset)
    {
        MatElement dataElement = ReadElement(bytes, ref offset, "top-level element");
        int type = dataElement.Type;
        ReadOnlySpan<byte> data = dataElement.Data;
        if (type == MatConstants.MiCompressed)
        {
            byte[] inflated = Inflate(data, offset);
            int inner = 0;
            MatElement innerDataElement = ReadElement(inflated, ref inner, "compressed element");
            int innerType = innerDataElement.Type;
            ReadOnlySpan<byte> innerData = innerDataElement.Data;
            return innerType == MatConstants.MiMatrix ? ReadMatrix(innerData, isField: false, depth: 0) : null;
        }

        return type == MatConstants.MiMatrix ? ReadMatrix(data, isField: false, depth: 0) : null;
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
            if (smallCount > 4 || bytes.Length - offset < 8)
            {
                throw Fail($"malformed small {what} at offset {offset} (count {smallCount}).");
            }

            ReadOnlySpan<byte> small = bytes.Slice(offset + 4, smallCount);
            offset += 8;
            return new MatElement(smallType, small);
        }

        if (bytes.Length - offset < 8)
        {
            throw Fail($"truncated {what}: tag at offset {offset} is cut short.");
        }

        int type = (int)first;
        long count = ReadUInt32(bytes, offset + 4);
        long end = offset + 8L + count;
        if (end > bytes.Length)
        {
            throw Fail($"truncated {what}: type {type} at offset {offset} declares {count} bytes but only {bytes.Length - offset - 8} remain.");
        }

        ReadOnlySpan<byte> data = bytes.Slice(offset + 8, (int)count);
        // Elements are padded to 8-byte boundaries, except compressed ones (and a last element may end unpadded).
        long next = type == MatConstants.MiCompressed ? end : offset + 8L + ((count + 7) & ~7L);
        offset = (int)Math.Min(next, bytes.Length);
        return new MatElement(type, data);
    }

    private byte[] Inflate(ReadOnlySpan<byte> compressed, int offset)
    {
        try
        {
            using var input = new MemoryStream(compressed.ToArray(), writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            zlib.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new ReferenceDataFormatException(_source, $"compressed element ending at offset {offset} does not inflate: {ex.Message}", ex);
        }
    }

    private IMatValue ReadMatrix(ReadOnlySpan<byte> data, bool isField, int depth)
    {
        if (depth > MaxNestingDepth)
        {
            throw Fail($"arrays nested deeper than {MaxNestingDepth} levels.");
        }

        if (data.Length == 0)
        {
            // MATLAB writes an empty miMATRIX for [] inside structs and cells.
            return new MatNumericArray(_source, string.Empty, MatClass.Double, [0, 0], [], null, isLogical: false);
        }

        int offset = 0;
        MatElement flagsElement = ReadElement(data, ref offset, "array flags");
        int flagsType = flagsElement.Type;
        ReadOnlySpan<byte> flags = flagsElement.Data;
        if (flagsType != MatConstants.MiUInt32 || flags.Length < 8)
        {
            throw Fail($"array flags have type {flagsType} and {flags.Length} bytes; expected miUINT32 with 8 bytes.");
        }

        uint flagWord = ReadUInt32(flags, 0);
        var arrayClass = (MatClass)(flagWord & 0xFF);
        bool isComplex = (flagWord & 0x800) != 0;
        bool isLogical = (flagWord & 0x200) != 0;

        MatElement dimsDataElement = ReadElement(data, ref offset, "dimensions");
        int dimsType = dimsDataElement.Type;
        ReadOnlySpan<byte> dimsData = dimsDataElement.Data;
        if (dimsType != MatConstants.MiInt32 || dimsData.Length < 8 || dimsData.Length % 4 != 0)
        {
            throw Fail($"dimensions element has type {dimsType} and {dimsData.Length} bytes; expected miINT32 with at least 2 values.");
        }

        int[] dims = new int[dimsData.Length / 4];
        long elementCount = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            dims[i] = (int)ReadUInt32(dimsData, 4 * i);
            if (dims[i] < 0)
            {
                throw Fail($"negative dimension {dims[i]}.");
            }

            elementCount *= dims[i];
        }

        if (elementCount > int.MaxValue)
        {
            throw Fail($"array of {elementCount} elements is too large.");
        }

        MatElement nameDataElement = ReadElement(data, ref offset, "array name");
        int nameType = nameDataElement.Type;
        ReadOnlySpan<byte> nameData = nameDataElement.Data;
        if (nameType != MatConstants.MiInt8 && nameType != MatConstants.MiUInt8)
        {
            throw Fail($"array name has type {nameType}; expected miINT8.");
        }

        string name = Encoding.ASCII.GetString(nameData).TrimEnd('\0');
        if (!isField && name.Length == 0)
        {
            throw Fail("top-level variable without a name.");
        }

        string where = name.Length == 0 ? "(field)" : $"'{name}'";
        int count = (int)elementCount;
        switch (arrayClass)
        {
            case MatClass.Double or MatClass.Single or MatClass.Int8 or MatClass.UInt8 or MatClass.Int16 or MatClass.UInt16
                or MatClass.Int32 or MatClass.UInt32 or MatClass.Int64 or MatClass.UInt64:
                {
                    double[] real = ReadNumericPart(data, ref offset, count, $"{where} real part");
                    double[]? imag = isComplex ? ReadNumericPart(data, ref offset, count, $"{where} imaginary part") : null;
                    return new MatNumericArray(_source, name, arrayClass, dims, real, imag, isLogical);
                }

            case MatClass.Char:
                return new MatCharArray(name, dims, ReadChars(data, ref offset, count, where));

            case MatClass.Struct:
                return ReadStruct(data, ref offset, name, dims, count, depth);

            case MatClass.Cell:
                {
                    var cells = new IMatValue[count];
                    for (int i = 0; i < count; i++)
                    {
                        cells[i] = ReadNested(data, ref offset, $"{where} cell {i}", depth);
                    }

                    return new MatCellArray(name, dims, cells);
                }

            case MatClass.Sparse:
                throw Fail($"variable {where} is a sparse array, which this reader does not support.");
            case MatClass.Object:
                throw Fail($"variable {where} is a MATLAB object, which this reader does not support.");
            default:
                throw Fail($"variable {where} has unknown array class {(int)arrayClass}.");
        }
    }

    private MatStructArray ReadStruct(ReadOnlySpan<byte> data, ref int offset, string name, int[] dims, int count, int depth)
    {
        MatElement lenDataElement = ReadElement(data, ref offset, "struct field-name length");
        int lenType = lenDataElement.Type;
        ReadOnlySpan<byte> lenData = lenDataElement.Data;
        if (lenType != MatConstants.MiInt32 || lenData.Length < 4)
        {
            throw Fail($"struct '{name}' field-name length has type {lenType}; expected one miINT32.");
        }

        int nameLength = (int)ReadUInt32(lenData, 0);
        ReadOnlySpan<byte> namesData = ReadElement(data, ref offset, "struct field names").Data;
        if (nameLength <= 0 || namesData.Length % nameLength != 0)
        {
            throw Fail($"struct '{name}' field names take {namesData.Length} bytes, not a multiple of the name length {nameLength}.");
        }

        int fieldCount = namesData.Length / nameLength;
        string[] fieldNames = new string[fieldCount];
        for (int f = 0; f < fieldCount; f++)
        {
            fieldNames[f] = Encoding.ASCII.GetString(namesData.Slice(f * nameLength, nameLength)).TrimEnd('\0');
        }

        var elements = new Dictionary<string, IMatValue>[count];
        for (int e = 0; e < count; e++)
        {
            elements[e] = new Dictionary<string, IMatValue>(StringComparer.Ordinal);
            foreach (string field in fieldNames)
            {
                elements[e][field] = ReadNested(data, ref offset, $"struct '{name}' field '{field}'", depth);
            }
        }

        return new MatStructArray(name, dims, fieldNames, elements);
    }

    private IMatValue ReadNested(ReadOnlySpan<byte> data, ref int offset, string what, int depth)
    {
        MatElement innerElement = ReadElement(data, ref offset, what);
        int type = innerElement.Type;
        ReadOnlySpan<byte> inner = innerElement.Data;
        if (type != MatConstants.MiMatrix)
        {
            throw Fail($"{what} has type {type}; expected miMATRIX.");
        }

        return ReadMatrix(inner, isField: true, depth + 1);
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

        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = ReadValue(part.Slice(i * size, size), type, what, i);
        }

        return values;
    }

    private string ReadChars(ReadOnlySpan<byte> data, ref int offset, int count, string what)
    {
        MatElement partElement = ReadElement(data, ref offset, $"{what} characters");
        int type = partElement.Type;
        ReadOnlySpan<byte> part = partElement.Data;
        string text = type switch
        {
            MatConstants.MiUInt16 or MatConstants.MiUtf16 => (_bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(part),
            MatConstants.MiUInt8 or MatConstants.MiInt8 or MatConstants.MiUtf8 => Encoding.UTF8.GetString(part),
            MatConstants.MiUtf32 => (_bigEndian ? new UTF32Encoding(true, false) : Encoding.UTF32).GetString(part),
            _ => throw Fail($"{what} characters have data type {type}."),
        };
        if (type is MatConstants.MiUInt16 or MatConstants.MiUInt8 && text.Length != count)
        {
            throw Fail($"{what} holds {text.Length} characters; the dimensions need {count}.");
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
                    return ExactInteger(v, what, index);
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

    private double ExactInteger(long v, string what, int index)
    {
        if (v > 1L << 53 || v < -(1L << 53))
        {
            throw Fail($"{what} element {index} = {v} exceeds 2^53 in magnitude and cannot be held exactly.");
        }

        return v;
    }

    private uint ReadUInt32(ReadOnlySpan<byte> b, int offset) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b[offset..]) : BinaryPrimitives.ReadUInt32LittleEndian(b[offset..]);

    private ReferenceDataFormatException Fail(string problem) => new(_source, problem);
}
