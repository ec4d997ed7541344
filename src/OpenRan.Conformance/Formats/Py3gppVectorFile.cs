using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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
