using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
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
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new FiniteDoubleJsonConverter() },
    };

    /// <summary>
    /// Serialises <paramref name="result"/>. Numbers are JSON numbers, undefined values (a BLER without transmissions, an
    /// SNR never reached) are <c>null</c>. A whole sweep also carries the comparison with its 3GPP requirement at the top
    /// level: <c>verdict</c> (met, missed, undetermined, notReached, noRequirement), <c>requirementChecked</c>,
    /// <c>requirement</c>, <c>requirementSnrDb</c>, <c>snrAt70PercentDb</c> and <c>marginDb</c> (requirement − achieved).
    /// </summary>
    public static string Serialize(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Shard.IsSingle || result.Points.Count == 0)
        {
            return JsonSerializer.Serialize(result, s_options);
        }

        var root = (JsonObject)JsonSerializer.SerializeToNode(result, s_options)!;
        RequirementComparison comparison = RequirementComparison.For(result);
        root["verdict"] = JsonSerializer.SerializeToNode(comparison.Verdict, s_options);
        root["requirementChecked"] = comparison.Checked;
        root["requirement"] = comparison.RequirementName;
        root["requirementSnrDb"] = JsonSerializer.SerializeToNode(comparison.RequirementSnrDb, s_options);
        root["snrAt70PercentDb"] = JsonSerializer.SerializeToNode(comparison.AchievedSnrDb, s_options);
        root["snrAt70PercentBracketed"] = comparison.Bracketed;
        root["marginDb"] = JsonSerializer.SerializeToNode(comparison.MarginDb, s_options);
        return root.ToJsonString(s_options);
    }

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
