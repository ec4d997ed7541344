using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OpenRan.Simulation.Prach;
using OpenRan.Simulation.Statistics;
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
    /// SNR never reached) are <c>null</c>. A whole sweep also carries its derived figures at the top level: the comparison
    /// with its 3GPP requirement — <c>verdict</c> (met, missed, undetermined, notReached, noRequirement),
    /// <c>requirementChecked</c>, <c>requirement</c>, <c>requirementSnrDb</c>, the target (<c>targetQuantity</c>,
    /// <c>targetValue</c>), where the simulated curve reaches it (<c>crossingSnrDb</c>, <c>crossingBracketed</c>) and
    /// <c>marginDb</c> (requirement − crossing) — with, for PUSCH/PDSCH sweeps, <c>snrAt70PercentDb</c> (the crossing of
    /// 70 % throughput). Link sweeps use the 70 % throughput rule, PUCCH sweeps the required error probability, PRACH
    /// sweeps 99 % detection (or the 0.1 % false-alarm rate).
    /// </summary>
    public static string Serialize(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Shard.IsSingle || result.Points.Count == 0)
        {
            return JsonSerializer.Serialize(result, s_options);
        }

        var root = (JsonObject)JsonSerializer.SerializeToNode(result, s_options)!;
        IReadOnlyDictionary<string, string> d = result.Plan.Description;
        d.TryGetValue(RequirementComparison.RequirementNameKey, out string? name);
        bool isChecked = d.TryGetValue(RequirementComparison.CheckedKey, out string? asked) && asked == "true";
        string quantity;
        double target;
        double? requirementSnr, crossing, margin;
        bool bracketed;
        RequirementVerdict verdict;
        if (d.ContainsKey(PrachSimulationSetup.ModeKey))
        {
            if (PrachSweepReport.IsNoiseOnly(result))
            {
                var fa = PrachRequirementComparison.FalseAlarms(result);
                (quantity, target, requirementSnr, crossing, margin, bracketed) = ("false-alarm probability", PrachRequirementComparison.MaxFalseAlarm, null, null, null, false);
                verdict = double.IsNaN(fa.Rate) ? RequirementVerdict.NotReached : fa.Rate <= target ? RequirementVerdict.Met : RequirementVerdict.Missed;
                root["falseAlarmProbability"] = JsonSerializer.SerializeToNode(fa.Rate, s_options);
                root["falseAlarmProbabilityCi95"] = new JsonArray(JsonSerializer.SerializeToNode(fa.Lower, s_options), JsonSerializer.SerializeToNode(fa.Upper, s_options));
            }
            else
            {
                PrachRequirementComparison c = PrachRequirementComparison.For(result);
                (quantity, target, requirementSnr, crossing, margin, bracketed, verdict) =
                    ("detection probability", PrachRequirementComparison.RequiredDetection, c.RequirementSnrDb, c.CrossingSnrDb, c.MarginDb, c.Bracketed, c.Verdict);
                root["snrAt99PercentDb"] = JsonSerializer.SerializeToNode(c.CrossingSnrDb, s_options);
            }
        }
        else if (PucchRequirementComparison.For(result) is PucchRequirementComparison pucch)
        {
            (quantity, target, requirementSnr, crossing, margin, bracketed, verdict) =
                ("error probability", pucch.TargetProbability, pucch.RequirementSnrDb, pucch.CrossingSnrDb, pucch.MarginDb, pucch.CrossingSnrDb is not null, pucch.Verdict);
            root["rateAtRequirement"] = JsonSerializer.SerializeToNode(pucch.RateAtRequirement, s_options);
            root["rateAtRequirementUpper"] = JsonSerializer.SerializeToNode(pucch.UpperBoundAtRequirement, s_options);
        }
        else
        {
            RequirementComparison c = RequirementComparison.For(result);
            (quantity, target, requirementSnr, crossing, margin, bracketed, verdict) =
                ("throughput share", ThroughputRequirement.RequiredShare, c.RequirementSnrDb, c.AchievedSnrDb, c.MarginDb, c.Bracketed, c.Verdict);
            root["snrAt70PercentDb"] = JsonSerializer.SerializeToNode(c.AchievedSnrDb, s_options);
            root["snrAt70PercentBracketed"] = c.Bracketed;
        }

        root["verdict"] = JsonSerializer.SerializeToNode(verdict, s_options);
        root["requirementChecked"] = isChecked;
        root["requirement"] = name;
        root["requirementSnrDb"] = JsonSerializer.SerializeToNode(requirementSnr, s_options);
        root["targetQuantity"] = quantity;
        root["targetValue"] = target;
        root["crossingSnrDb"] = JsonSerializer.SerializeToNode(crossing, s_options);
        root["crossingBracketed"] = bracketed;
        root["marginDb"] = JsonSerializer.SerializeToNode(margin, s_options);
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
