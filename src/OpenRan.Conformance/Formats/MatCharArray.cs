namespace OpenRan.Conformance.Formats;

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
