using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace OpenRan.Conformance.Formats;

/// <summary>Describes the content of a MAT, NPY or NPZ file line by line (for <c>openran vectors show</c>).</summary>
public static class ReferenceFileDescriber
{
    /// <summary>One line per array: name, kind, shape and the first <paramref name="valueCount"/> values.</summary>
    /// <exception cref="ReferenceDataFormatException">The file is malformed.</exception>
    /// <exception cref="IOException">The file cannot be read or has an unknown extension.</exception>
    public static IEnumerable<string> Describe(string path, int valueCount)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".npy" => [Line(Path.GetFileName(path), NpyArray.Load(path), valueCount)],
            ".npz" => DescribeNpz(NpzArchive.Load(path), valueCount),
            ".mat" or ".mat1" => DescribeMat(MatFile.Load(path), valueCount),
            _ => throw new IOException($"{path}: unknown extension '{ext}'; expected .mat, .mat1, .npy or .npz."),
        };
    }

    private static IEnumerable<string> DescribeNpz(NpzArchive npz, int valueCount) =>
        npz.Names.Order(StringComparer.Ordinal).Select(n => Line(n, npz[n], valueCount));

    private static IEnumerable<string> DescribeMat(MatFile mat, int valueCount)
    {
        yield return mat.HeaderText;
        foreach ((string name, IMatValue value) in mat.Variables)
        {
            foreach (string line in DescribeValue(name, value, valueCount, string.Empty))
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<string> DescribeValue(string name, IMatValue value, int valueCount, string indent)
    {
        switch (value)
        {
            case MatNumericArray numeric:
                yield return indent + Line(name, numeric, valueCount) + $" {numeric.Class}{(numeric.IsLogical ? " logical" : string.Empty)}";
                break;
            case MatCharArray chars:
                yield return $"{indent}{name}: char '{chars.Text}'";
                break;
            case MatStructArray s:
                yield return $"{indent}{name}: struct ({string.Join('x', s.Dimensions)}) fields {string.Join(", ", s.FieldNames)}";
                foreach (string field in s.FieldNames)
                {
                    foreach (string line in DescribeValue(field, s[field], valueCount, indent + "  "))
                    {
                        yield return line;
                    }
                }

                break;
            case MatCellArray c:
                yield return $"{indent}{name}: cell ({string.Join('x', c.Dimensions)})";
                for (int i = 0; i < c.Cells.Count; i++)
                {
                    foreach (string line in DescribeValue($"{{{i}}}", c.Cells[i], valueCount, indent + "  "))
                    {
                        yield return line;
                    }
                }

                break;
        }
    }

    private static string Line(string name, NumericData a, int valueCount)
    {
        IEnumerable<string> values = Enumerable.Range(0, Math.Min(valueCount, a.Count)).Select(i => a.IsComplex
            ? string.Create(CultureInfo.InvariantCulture, $"{a.Real[i]:G6}{(a.Imag[i] < 0 ? "-" : "+")}{Math.Abs(a.Imag[i]):G6}j")
            : a.Real[i].ToString("G6", CultureInfo.InvariantCulture));
        string kind = a is NpyArray npy ? $"{npy.Descr}{(npy.WasFortranOrder ? " fortran" : string.Empty)}" : a.IsComplex ? "complex" : "real";
        return $"{name}: {kind} {a} = [{string.Join(", ", values)}{(a.Count > valueCount ? ", …" : string.Empty)}]";
    }
}
