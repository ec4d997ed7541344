using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Text.Json;

namespace OpenRan.Conformance.Formats;

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
