using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenRan.Conformance.Formats;

/// <summary>
/// An array read from a numpy <c>.npy</c> file (format versions 1.0, 2.0 and 3.0; simple dtypes of every kind, either
/// byte order, C or Fortran order). <see cref="NumericData.Real"/> and <see cref="NumericData.Imag"/> are always in
/// C (row-major) order: Fortran-ordered files are transposed on load, so element (i, j, k) of shape (I, J, K) is at
/// index (i·J + j)·K + k.
/// </summary>
/// <remarks>
/// Format: numpy <c>numpy/lib/format.py</c> ("NEP 1"). Object arrays (pickles) and structured dtypes are rejected. The
/// header length, the number of dimensions and their product are checked against the bytes present and against
/// <see cref="ReferenceDataLimits"/> before anything is allocated.
/// </remarks>
public sealed partial class NpyArray : NumericData
{
    private NpyArray(string source, string descr, NpyKind kind, int itemSize, bool wasFortranOrder, int[] shape, double[] real, double[]? imag)
        : base(source, shape, real, imag)
    {
        Descr = descr;
        Kind = kind;
        ItemSize = itemSize;
        WasFortranOrder = wasFortranOrder;
    }

    /// <summary>The dtype descriptor as stored, for example <c>&lt;c16</c>.</summary>
    public string Descr { get; }

    /// <summary>The element kind.</summary>
    public NpyKind Kind { get; }

    /// <summary>Bytes per element (for complex, both parts).</summary>
    public int ItemSize { get; }

    /// <summary>Whether the file stored the data in Fortran (column-major) order.</summary>
    public bool WasFortranOrder { get; }

    /// <summary>Element at a C-order multi-index, real part.</summary>
    public double this[params ReadOnlySpan<int> index] => Real[FlatIndex(index)];

    /// <summary>The C-order flat index of a multi-index.</summary>
    public int FlatIndex(ReadOnlySpan<int> index)
    {
        if (index.Length != Shape.Length)
        {
            throw new ArgumentException($"{Source}: {index.Length} indices for a {Shape.Length}-dimensional array.", nameof(index));
        }

        int flat = 0;
        for (int d = 0; d < Shape.Length; d++)
        {
            if ((uint)index[d] >= (uint)Shape[d])
            {
                throw new ArgumentOutOfRangeException(nameof(index), $"{Source}: index {index[d]} outside dimension {d} of size {Shape[d]}.");
            }

            flat = (flat * Shape[d]) + index[d];
        }

        return flat;
    }

    /// <summary>Reads an <c>.npy</c> file within <paramref name="limits"/> (default <see cref="ReferenceDataLimits.Default"/>).</summary>
    /// <exception cref="ReferenceDataFormatException">The path is a directory, or the file is malformed, truncated, beyond the limits or of an unsupported dtype.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static NpyArray Load(string path, ReferenceDataLimits? limits = null) => Parse(ReferenceFile.ReadAllBytes(path, limits), path, limits);

    /// <summary>Parses <c>.npy</c> content; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="ReferenceDataFormatException">The content is malformed, truncated, beyond <paramref name="limits"/> or of an unsupported dtype.</exception>
    public static NpyArray Parse(ReadOnlySpan<byte> bytes, string sourceName, ReferenceDataLimits? limits = null) =>
        Parse(bytes, new ReadBudget(sourceName, limits));

    /// <summary>Parses <c>.npy</c> content, charging what it holds to <paramref name="budget"/> (shared by the members of an archive).</summary>
    internal static NpyArray Parse(ReadOnlySpan<byte> bytes, ReadBudget budget)
    {
        string sourceName = budget.Source;
        ReadOnlySpan<byte> magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
        if (bytes.Length < 10 || !bytes[..6].SequenceEqual(magic))
        {
            throw new ReferenceDataFormatException(sourceName, "missing the \\x93NUMPY magic; not an .npy file.");
        }

        int major = bytes[6];
        long headerLength;
        int headerStart;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
            headerStart = 10;
        }
        else if (major is 2 or 3)
        {
            if (bytes.Length < 12)
            {
                throw new ReferenceDataFormatException(sourceName, $"truncated inside the version {major} preamble: {bytes.Length} bytes, 12 needed.");
            }

            headerLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
            headerStart = 12;
        }
        else
        {
            throw new ReferenceDataFormatException(sourceName, $"format version {major}.{bytes[7]} is not supported (1.0, 2.0, 3.0 are).");
        }

        if (headerLength > budget.Limits.MaxNpyHeaderBytes)
        {
            throw new ReferenceDataFormatException(sourceName,
                $"header length is {headerLength} bytes, more than the limit of {budget.Limits.MaxNpyHeaderBytes} (ReferenceDataLimits.MaxNpyHeaderBytes; numpy writes a few hundred).");
        }

        if (bytes.Length - headerStart < headerLength)
        {
            throw new ReferenceDataFormatException(sourceName, $"truncated: the header declares {headerLength} bytes, {bytes.Length - headerStart} present.");
        }

        string header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(bytes.Slice(headerStart, (int)headerLength));
        (string descr, bool fortran, int[] shape) = ParseHeader(header, budget);
        (NpyKind kind, int itemSize, bool bigEndian) = ParseDescr(descr, sourceName);

        int count = budget.ElementCount(shape, $"the array (shape {ShapeText(shape)})");
        ReadOnlySpan<byte> data = bytes[(headerStart + (int)headerLength)..];
        long expected = (long)count * itemSize;
        if (data.Length < expected)
        {
            throw new ReferenceDataFormatException(sourceName, $"truncated: shape {ShapeText(shape)} of {descr} needs {expected} data bytes, {data.Length} present.");
        }

        if (data.Length > expected)
        {
            throw new ReferenceDataFormatException(sourceName, $"{data.Length - expected} unexpected bytes after the {expected} data bytes of shape {ShapeText(shape)}.");
        }

        budget.TakeElements(count, $"the array (shape {ShapeText(shape)})");
        var real = new double[count];
        double[]? imag = kind == NpyKind.Complex ? new double[count] : null;
        int partSize = kind == NpyKind.Complex ? itemSize / 2 : itemSize;
        var order = new FortranOrder(fortran ? shape : []);
        for (int i = 0; i < count; i++)
        {
            int target = fortran ? order.NextCIndex() : i;
            ReadOnlySpan<byte> item = data.Slice(i * itemSize, itemSize);
            real[target] = ReadScalar(item[..partSize], kind, bigEndian, sourceName, i);
            if (imag is not null)
            {
                imag[target] = ReadScalar(item[partSize..], kind, bigEndian, sourceName, i);
            }
        }

        return new NpyArray(sourceName, descr, kind, itemSize, fortran, shape, real, imag);
    }

    private static string ShapeText(int[] shape) => shape.Length == 1
        ? $"({shape[0].ToString(CultureInfo.InvariantCulture)},)"
        : $"({string.Join(", ", Array.ConvertAll(shape, d => d.ToString(CultureInfo.InvariantCulture)))})";

    /// <summary>
    /// Walks the elements of an array in Fortran (column-major) order and yields each one's C (row-major) flat index:
    /// an odometer over the multi-index with the first index fastest, the C index kept up to date with C strides.
    /// </summary>
    private sealed class FortranOrder
    {
        private readonly int[] _shape;
        private readonly int[] _index;
        private readonly int[] _cStride;
        private int _cIndex;
        private bool _started;

        public FortranOrder(int[] shape)
        {
            _shape = shape;
            _index = new int[shape.Length];
            _cStride = new int[shape.Length];
            int stride = 1;
            for (int d = shape.Length - 1; d >= 0; d--)
            {
                _cStride[d] = stride;
                stride *= Math.Max(shape[d], 1);
            }
        }

        public int NextCIndex()
        {
            if (!_started)
            {
                _started = true;
                return 0;
            }

            for (int d = 0; d < _shape.Length; d++)
            {
                if (++_index[d] < _shape[d])
                {
                    _cIndex += _cStride[d];
                    return _cIndex;
                }

                _cIndex -= (_shape[d] - 1) * _cStride[d];
                _index[d] = 0;
            }

            return _cIndex;
        }
    }

    private static (string Descr, bool Fortran, int[] Shape) ParseHeader(string header, ReadBudget budget)
    {
        string source = budget.Source;
        Match descr = DescrRegex().Match(header);
        Match fortran = FortranRegex().Match(header);
        Match shape = ShapeRegex().Match(header);
        if (!descr.Success)
        {
            throw new ReferenceDataFormatException(source, $"header has no simple 'descr' string (structured or object dtype?): {header.Trim()}");
        }

        if (!fortran.Success || !shape.Success)
        {
            throw new ReferenceDataFormatException(source, $"header lacks 'fortran_order' or 'shape': {header.Trim()}");
        }

        string[] parts = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > budget.Limits.MaxDimensionCount)
        {
            throw new ReferenceDataFormatException(source, $"shape has {parts.Length} dimensions; at most {budget.Limits.MaxDimensionCount} are accepted (ReferenceDataLimits.MaxDimensionCount).");
        }

        var dims = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i].TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out dims[i]))
            {
                throw new ReferenceDataFormatException(source, $"shape entry '{parts[i]}' is not an integer in 0..{int.MaxValue}.");
            }
        }

        return (descr.Groups[1].Value, fortran.Groups[1].Value == "True", dims);
    }

    private static (NpyKind Kind, int ItemSize, bool BigEndian) ParseDescr(string descr, string source)
    {
        if (descr.Length < 3 || !int.TryParse(descr.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out int size))
        {
            throw new ReferenceDataFormatException(source, $"dtype '{descr}' is not supported (only bool, int, uint, float and complex are; object and string arrays are not).");
        }

        bool bigEndian = descr[0] switch
        {
            '<' or '|' => false,
            '>' => true,
            '=' => !BitConverter.IsLittleEndian,
            _ => throw new ReferenceDataFormatException(source, $"dtype '{descr}' has unknown byte-order mark '{descr[0]}'."),
        };
        NpyKind kind = descr[1] switch
        {
            'b' when size == 1 => NpyKind.Bool,
            'i' when size is 1 or 2 or 4 or 8 => NpyKind.SignedInteger,
            'u' when size is 1 or 2 or 4 or 8 => NpyKind.UnsignedInteger,
            'f' when size is 2 or 4 or 8 => NpyKind.Float,
            'c' when size is 8 or 16 => NpyKind.Complex,
            _ => throw new ReferenceDataFormatException(source, $"dtype '{descr}' is not supported (bool, int, uint, float16/32/64, complex64/128 are)."),
        };
        return (kind, size, bigEndian);
    }

    private static double ReadScalar(ReadOnlySpan<byte> b, NpyKind kind, bool bigEndian, string source, int index)
    {
        switch (kind)
        {
            case NpyKind.Bool:
                return b[0] != 0 ? 1 : 0;
            case NpyKind.SignedInteger:
                {
                    long v = b.Length switch
                    {
                        1 => (sbyte)b[0],
                        2 => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b),
                        4 => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b),
                        _ => bigEndian ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b),
                    };
                    if (v > 1L << 53 || v < -(1L << 53))
                    {
                        throw new ReferenceDataFormatException(source, $"element {index} = {v} exceeds 2^53 in magnitude and cannot be held exactly.");
                    }

                    return v;
                }

            case NpyKind.UnsignedInteger:
                {
                    ulong v = b.Length switch
                    {
                        1 => b[0],
                        2 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b),
                        4 => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b),
                        _ => bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b),
                    };
                    if (v > 1UL << 53)
                    {
                        throw new ReferenceDataFormatException(source, $"element {index} = {v} exceeds 2^53 and cannot be held exactly.");
                    }

                    return v;
                }

            default:
                return b.Length switch
                {
                    2 => (double)(bigEndian ? BinaryPrimitives.ReadHalfBigEndian(b) : BinaryPrimitives.ReadHalfLittleEndian(b)),
                    4 => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b),
                    _ => bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b),
                };
        }
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrRegex();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranRegex();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapeRegex();
}
