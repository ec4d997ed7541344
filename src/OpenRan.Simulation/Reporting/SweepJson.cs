using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Reporting;

/// <summary>
/// Reads and writes <see cref="SweepResult"/> as JSON (camel case, indented): the plan, the shard, every batch's counts and,
/// for whole sweeps, every point's statistics. Shard files and whole-sweep files share the format, so
/// <c>openran sim merge</c> reads what <c>--shard</c> writes.
/// </summary>
public static class SweepJson
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Serialises <paramref name="result"/>.</summary>
    public static string Serialize(SweepResult result) => JsonSerializer.Serialize(result, s_options);

    /// <summary>Deserialises a result.</summary>
    /// <exception cref="InvalidDataException">The text is not a sweep result; the message says what is wrong.</exception>
    public static SweepResult Deserialize(string json, string sourceName)
    {
        try
        {
            SweepResult? result = JsonSerializer.Deserialize<SweepResult>(json, s_options);
            if (result is null)
            {
                throw new InvalidDataException($"{sourceName}: empty document.");
            }

            result.Plan.Validate();
            return result;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{sourceName}: not a sweep result ({e.Message}).", e);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{sourceName}: invalid plan ({e.Message}).", e);
        }
    }

    /// <summary>Writes <paramref name="result"/> to <paramref name="path"/>.</summary>
    public static void Write(SweepResult result, string path) => File.WriteAllText(path, Serialize(result));

    /// <summary>Reads a result from <paramref name="path"/>.</summary>
    public static SweepResult Read(string path) => Deserialize(File.ReadAllText(path), path);
}
