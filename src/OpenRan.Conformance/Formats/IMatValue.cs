namespace OpenRan.Conformance.Formats;

/// <summary>A value read from a MAT-file: a named array of some class.</summary>
public interface IMatValue
{
    /// <summary>The variable name (empty for struct fields and cells).</summary>
    string Name { get; }

    /// <summary>The MATLAB dimensions, at least two.</summary>
    int[] Dimensions { get; }
}
