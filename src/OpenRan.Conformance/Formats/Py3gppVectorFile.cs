using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;

namespace OpenRan.Conformance.Formats;

/// <summary>
/// A py3gpp test-vector file: array literals from py3gpp's tests converted to JSON
/// (<c>{"origin", "comments", "assignments": [{"name", "line", "value", "complex_as_re_im_pairs"}]}</c>; see the
/// test-vector README §3). A name may be assigned more than once; <see cref="Assignments"/> keeps them in file order.
/// </summary>
public sealed class Py3gppVectorFile
{
    private Py3gppVectorFile(string path, IReadOnlyList<Py3gppAssignment> assignments, IReadOnlyList<string> comments)
    {
        Path = path;
        Assignments = assignments;
        Comments = comments;
    }

    /// <summary>The file path.</summary>
    public string Path { get; }

    /// <summary>Every assignment in file order.</summary>
    public IReadOnlyList<Py3gppAssignment> Assignments { get; }

    /// <summary>The comments of the original test (they hold the configurations).</summary>
    public IReadOnlyList<string> Comments { get; }

    /// <summary>The first assignment to <paramref name="name"/>.</summary>
    public Py3gppAssignment this[string name] => Assignments.FirstOrDefault(a => a.Name == name)
        ?? throw new KeyNotFoundException($"{Path}: no assignment to '{name}'; present: {string.Join(", ", Assignments.Select(a => a.Name).Distinct())}.");

    /// <summary>Reads a py3gpp JSON vector file within <paramref name="limits"/> (default <see cref="ReferenceDataLimits.Default"/>).</summary>
    /// <exception cref="ReferenceDataFormatException">The path is a directory, the file is larger than the limit, or the JSON is malformed (duplicate keys included) or lacks the expected layout.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static Py3gppVectorFile Load(string path, ReferenceDataLimits? limits = null) => Parse(ReferenceFile.ReadAllBytes(path, limits), path);

    /// <summary>Parses py3gpp JSON vector content; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="ReferenceDataFormatException">The JSON is malformed (duplicate keys included) or lacks the expected layout.</exception>
    public static Py3gppVectorFile Parse(byte[] json, string sourceName)
    {
        string path = sourceName;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
            JsonElement root = doc.RootElement;
            if (!root.TryGetProperty("assignments", out JsonElement list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new ReferenceDataFormatException(path, "no 'assignments' array.");
            }

            var assignments = new List<Py3gppAssignment>();
            foreach (JsonElement a in list.EnumerateArray())
            {
                string name = a.GetProperty("name").GetString() ?? throw new ReferenceDataFormatException(path, "assignment without a name.");
                int line = a.TryGetProperty("line", out JsonElement l) ? l.GetInt32() : 0;
                bool complexPairs = a.TryGetProperty("complex_as_re_im_pairs", out JsonElement c) && c.ValueKind == JsonValueKind.True;
                assignments.Add(new Py3gppAssignment(path, name, line, complexPairs, a.GetProperty("value").Clone()));
            }

            var comments = new List<string>();
            if (root.TryGetProperty("comments", out JsonElement cs) && cs.ValueKind == JsonValueKind.Array)
            {
                comments.AddRange(cs.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()));
            }

            return new Py3gppVectorFile(path, assignments, comments);
        }
        catch (JsonException ex)
        {
            throw new ReferenceDataFormatException(path, $"invalid JSON: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new ReferenceDataFormatException(path, $"unexpected JSON layout: {ex.Message}", ex);
        }
        catch (KeyNotFoundException ex)
        {
            throw new ReferenceDataFormatException(path, $"unexpected JSON layout: {ex.Message}", ex);
        }
        catch (FormatException ex)
        {
            throw new ReferenceDataFormatException(path, $"a number does not fit its field: {ex.Message}", ex);
        }
    }
}

/// <summary>One <c>name = value</c> assignment of a py3gpp vector file.</summary>
/// <param name="Path">The file it came from.</param>
/// <param name="Name">The variable name.</param>
/// <param name="Line">The line in the original Python test.</param>
/// <param name="ComplexAsPairs">Whether complex numbers are stored as [re, im] pairs.</param>
/// <param name="Value">The JSON value.</param>
public sealed record Py3gppAssignment(string Path, string Name, int Line, bool ComplexAsPairs, JsonElement Value)
{
    /// <summary>The value flattened (nested lists in order) to doubles; "Infinity"/"-Infinity" strings become ±∞.</summary>
    public double[] ToDoubles()
    {
        var values = new List<double>();
        Flatten(Value, values);
        return values.ToArray();
    }

    /// <summary>The value flattened to complex numbers: [re, im] pairs when <see cref="ComplexAsPairs"/>, else real numbers.</summary>
    public Complex[] ToComplex()
    {
        if (!ComplexAsPairs)
        {
            return ToDoubles().Select(v => new Complex(v, 0)).ToArray();
        }

        var values = new List<Complex>();
        FlattenPairs(Value, values);
        return values.ToArray();
    }

    private void Flatten(JsonElement e, List<double> into)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (JsonElement item in e.EnumerateArray())
                {
                    Flatten(item, into);
                }

                break;
            case JsonValueKind.Number:
                into.Add(e.GetDouble());
                break;
            case JsonValueKind.True:
                into.Add(1);
                break;
            case JsonValueKind.False:
                into.Add(0);
                break;
            case JsonValueKind.String when e.GetString() is "Infinity" or "-Infinity" or "NaN":
                into.Add(e.GetString() switch { "Infinity" => double.PositiveInfinity, "-Infinity" => double.NegativeInfinity, _ => double.NaN });
                break;
            default:
                throw new ReferenceDataFormatException(Path, $"'{Name}' (line {Line}) holds {e.ValueKind} where a number was expected.");
        }
    }

    private void FlattenPairs(JsonElement e, List<Complex> into)
    {
        if (e.ValueKind == JsonValueKind.Array && e.GetArrayLength() == 2 && e[0].ValueKind != JsonValueKind.Array && e[1].ValueKind != JsonValueKind.Array)
        {
            var parts = new List<double>(2);
            Flatten(e, parts);
            into.Add(new Complex(parts[0], parts[1]));
            return;
        }

        if (e.ValueKind != JsonValueKind.Array)
        {
            var parts = new List<double>(1);
            Flatten(e, parts);
            into.Add(new Complex(parts[0], 0));
            return;
        }

        foreach (JsonElement item in e.EnumerateArray())
        {
            FlattenPairs(item, into);
        }
    }
}
