using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenRan.Simulation.Reporting;

/// <summary>
/// Writes a <see cref="double"/> as a JSON number, and a value that is not finite (NaN, ±∞: "undefined", e.g. a BLER with
/// no transmissions) as <c>null</c>, never as a <c>"NaN"</c> string that JSON readers reject or misread. Reads
/// <c>null</c> (and the <c>"NaN"</c> strings of earlier files) back as NaN.
/// </summary>
public sealed class FiniteDoubleJsonConverter : JsonConverter<double>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => double.NaN,
        JsonTokenType.String => double.TryParse(reader.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v)
            ? v
            : throw new JsonException($"'{reader.GetString()}' is not a number."), // files of earlier versions wrote "NaN"
        _ => reader.GetDouble(),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
