using System;

namespace OpenRan.Conformance.Formats;

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
