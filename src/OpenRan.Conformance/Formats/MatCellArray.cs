using System.Collections.Generic;

namespace OpenRan.Conformance.Formats;

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
