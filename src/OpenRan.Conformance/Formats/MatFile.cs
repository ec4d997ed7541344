using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace OpenRan.Conformance.Formats;

/// <summary>
/// A MATLAB Level 5 MAT-file (MATLAB 5.0 through 7.x, <c>-v6</c>/<c>-v7</c>; not the HDF5-based <c>-v7.3</c>), read
/// completely into memory: numeric arrays of every class (real or complex, logical), char arrays, structs and cells,
/// inside <c>miCOMPRESSED</c> (zlib) elements or not, in either byte order.
/// </summary>
/// <remarks>
/// Format: MathWorks, "MAT-File Format", Level 5 chapter. Values are kept as stored: MATLAB's 1-based indices are not
/// converted, and arrays stay in column-major order (see <see cref="MatNumericArray"/>). Every declared size (element
/// byte counts, dimensions and their product, cell and struct element counts, the inflated size of compressed
/// elements) is checked against the bytes that exist and against <see cref="ReferenceDataLimits"/> before anything is
/// allocated, and inflation stops at the size the compressed element declares. A malformed, truncated or oversized
/// file raises <see cref="ReferenceDataFormatException"/> naming the file, the element and the problem.
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

    /// <summary>Reads a MAT-file within <paramref name="limits"/> (default <see cref="ReferenceDataLimits.Default"/>).</summary>
    /// <exception cref="ReferenceDataFormatException">The path is a directory, the file exceeds the limits, or it is not a readable Level 5 MAT-file.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static MatFile Load(string path, ReferenceDataLimits? limits = null)
    {
        byte[] bytes = ReferenceFile.ReadAllBytes(path, limits);
        return Parse(bytes, path, limits);
    }

    /// <summary>Parses MAT-file content already in memory; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="ReferenceDataFormatException">The content is not a readable Level 5 MAT-file or exceeds <paramref name="limits"/>.</exception>
    public static MatFile Parse(ReadOnlySpan<byte> bytes, string sourceName, ReferenceDataLimits? limits = null)
    {
        var budget = new ReadBudget(sourceName, limits);
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

        var reader = new MatElementReader(budget, bigEndian);
        var variables = new Dictionary<string, IMatValue>(StringComparer.Ordinal);
        int offset = HeaderLength;
        while (offset < bytes.Length)
        {
            int start = offset;
            IMatValue? value = reader.ReadTopLevel(bytes, ref offset);
            if (value is not null && !variables.TryAdd(value.Name, value))
            {
                throw new ReferenceDataFormatException(sourceName, $"variable '{value.Name}' is stored a second time at offset {start}.");
            }
        }

        return new MatFile(sourceName, text, variables);
    }
}
