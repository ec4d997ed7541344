using System;
using System.Collections.Generic;
using System.IO;

namespace OpenRan.Conformance.Formats;

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
