using System;
using System.Collections.Generic;
using System.IO;

namespace OpenRan.Conformance.Formats;

/// <summary>MATLAB array classes (<c>mxCLASS</c> values of the MAT-file Level 5 format).</summary>
public enum MatClass
{
    /// <summary>Cell array.</summary>
    Cell = 1,

    /// <summary>Structure array.</summary>
    Struct = 2,

    /// <summary>Object (not supported).</summary>
    Object = 3,

    /// <summary>Character array.</summary>
    Char = 4,

    /// <summary>Sparse array (not supported).</summary>
    Sparse = 5,

    /// <summary>double.</summary>
    Double = 6,

    /// <summary>single.</summary>
    Single = 7,

    /// <summary>int8.</summary>
    Int8 = 8,

    /// <summary>uint8.</summary>
    UInt8 = 9,

    /// <summary>int16.</summary>
    Int16 = 10,

    /// <summary>uint16.</summary>
    UInt16 = 11,

    /// <summary>int32.</summary>
    Int32 = 12,

    /// <summary>uint32.</summary>
    UInt32 = 13,

    /// <summary>int64.</summary>
    Int64 = 14,

    /// <summary>uint64.</summary>
    UInt64 = 15,
}

/// <summary>A value read from a MAT-file: a named array of some class.</summary>
public interface IMatValue
{
    /// <summary>The variable name (empty for struct fields and cells).</summary>
    string Name { get; }

    /// <summary>The MATLAB dimensions, at least two.</summary>
    int[] Dimensions { get; }
}

/// <summary>
/// A numeric or logical MATLAB array. <see cref="NumericData.Real"/> and <see cref="NumericData.Imag"/> are in
/// MATLAB's column-major order: element (r, c) of a 2-D array is at index c·Rows + r.
/// </summary>
public sealed class MatNumericArray : NumericData, IMatValue
{
    internal MatNumericArray(string source, string name, MatClass arrayClass, int[] dimensions, double[] real, double[]? imag, bool isLogical)
        : base(name.Length == 0 ? source : $"{source}:{name}", dimensions, real, imag)
    {
        Name = name;
        Class = arrayClass;
        IsLogical = isLogical;
    }

    /// <summary>The variable name (empty for struct fields and cells).</summary>
    public string Name { get; }

    /// <inheritdoc />
    public int[] Dimensions => Shape;

    /// <summary>The MATLAB class the array was saved as.</summary>
    public MatClass Class { get; }

    /// <summary>Whether MATLAB saved it as <c>logical</c>.</summary>
    public bool IsLogical { get; }

    /// <summary>The number of rows (first dimension).</summary>
    public int Rows => Shape[0];

    /// <summary>The number of columns (product of the remaining dimensions).</summary>
    public int Columns => Shape[0] == 0 ? 0 : Count / Shape[0];

    /// <summary>Element (row, column) of a 2-D array, real part.</summary>
    public double this[int row, int column] => Real[Index(row, column)];

    /// <summary>Row <paramref name="row"/> of a 2-D array as doubles (real part).</summary>
    public double[] RowReal(int row)
    {
        var result = new double[Columns];
        for (int c = 0; c < result.Length; c++)
        {
            result[c] = Real[Index(row, c)];
        }

        return result;
    }

    /// <summary>Row <paramref name="row"/> of a 2-D array as complex numbers.</summary>
    public System.Numerics.Complex[] RowComplex(int row)
    {
        var result = new System.Numerics.Complex[Columns];
        for (int c = 0; c < result.Length; c++)
        {
            int i = Index(row, c);
            result[c] = new System.Numerics.Complex(Real[i], IsComplex ? Imag[i] : 0);
        }

        return result;
    }

    private int Index(int row, int column)
    {
        if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"({row}, {column}) is outside {Rows}x{Columns} array {Source}.");
        }

        return (column * Rows) + row;
    }
}

/// <summary>A MATLAB char array, as a string (rows concatenated column-major, as stored).</summary>
public sealed class MatCharArray : IMatValue
{
    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int[] Dimensions { get; }

    internal MatCharArray(string name, int[] dimensions, string text)
    {
        Name = name;
        Dimensions = dimensions;
        Text = text;
    }

    /// <summary>The characters.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>A MATLAB struct array; element 0 is the usual 1x1 struct.</summary>
public sealed class MatStructArray : IMatValue
{
    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int[] Dimensions { get; }

    private readonly string[] _fieldNames;

    // Element-major: the value of field f of element e is at e * FieldNames.Count + f (nothing is stored for a struct
    // without fields, however many elements it declares).
    private readonly IMatValue[] _values;

    internal MatStructArray(string name, int[] dimensions, int count, string[] fieldNames, IMatValue[] values)
    {
        Name = name;
        Dimensions = dimensions;
        Count = count;
        _fieldNames = fieldNames;
        _values = values;
    }

    /// <summary>The field names in stored order.</summary>
    public IReadOnlyList<string> FieldNames => _fieldNames;

    /// <summary>The number of struct elements.</summary>
    public int Count { get; }

    /// <summary>Field <paramref name="field"/> of the first element.</summary>
    public IMatValue this[string field] => Field(0, field);

    /// <summary>Field <paramref name="field"/> of element <paramref name="index"/>.</summary>
    public IMatValue Field(int index, string field)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"struct '{Name}' has {Count} elements.");
        }

        int f = Array.IndexOf(_fieldNames, field);
        return f >= 0
            ? _values[((long)index * _fieldNames.Length) + f]
            : throw new KeyNotFoundException($"struct '{Name}' has no field '{field}'; fields: {string.Join(", ", FieldNames)}.");
    }

    /// <summary>Numeric field <paramref name="field"/> of the first element.</summary>
    public MatNumericArray Numeric(string field) => this[field] as MatNumericArray
        ?? throw new InvalidDataException($"struct '{Name}' field '{field}' is not numeric.");
}

/// <summary>A MATLAB cell array (cells in column-major order).</summary>
public sealed class MatCellArray : IMatValue
{
    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int[] Dimensions { get; }

    internal MatCellArray(string name, int[] dimensions, IMatValue[] cells)
    {
        Name = name;
        Dimensions = dimensions;
        Cells = cells;
    }

    /// <summary>The cells in column-major order.</summary>
    public IReadOnlyList<IMatValue> Cells { get; }
}
