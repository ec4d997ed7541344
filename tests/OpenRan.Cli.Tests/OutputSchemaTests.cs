using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace OpenRan.Cli.Tests;

/// <summary>The files the simulators write validate against the JSON Schemas in <c>schemas/</c>.</summary>
public sealed class OutputSchemaTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("openran-schema").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Loaded once per process: the library registers every schema by its $id and refuses to register one twice.
    private static readonly Lazy<JsonSchema> s_sweep = new(() => Load("sweep-result.schema.json"));
    private static readonly Lazy<JsonSchema> s_code = new(() => Load("code-sweep.schema.json"));
    private static readonly Lazy<JsonSchema> s_cell = new(() => Load("cell-run.schema.json"));

    private static JsonSchema Load(string name) => JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "schemas", name), null, null);

    private static JsonSchema Schema(string name) => name switch
    {
        "code-sweep.schema.json" => s_code.Value,
        "cell-run.schema.json" => s_cell.Value,
        _ => s_sweep.Value,
    };

    private static void AssertValid(string schemaName, string file)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
        EvaluationResults results = Schema(schemaName).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        string errors = string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
        Assert.True(results.IsValid, $"{file} does not match {schemaName}:\n{errors}");
    }

    [Fact]
    public void SimPusch_JsonMatchesTheSweepSchema()
    {
        string prefix = Path.Combine(_dir, "pusch");
        (int exitCode, string output) = CliRunner.Run(
            "sim", "pusch", "--grid-prbs", "6", "--mcs", "4", "--rx-antennas", "1", "--propagation", "AWGN",
            "--snr-db", "-4,20", "--max-slots", "4", "--batch-slots", "2", "--threads", "1", "--plot", "false", "--output", prefix);
        Assert.True(exitCode == 0, output);
        AssertValid("sweep-result.schema.json", prefix + ".json");
        Assert.DoesNotContain("ber", File.ReadLines(prefix + ".csv").First(), StringComparison.Ordinal); // link sweeps count no bits
    }

    [Fact]
    public void SimPuschShard_JsonMatchesTheSweepSchema()
    {
        string prefix = Path.Combine(_dir, "shard");
        (int exitCode, string output) = CliRunner.Run(
            "sim", "pusch", "--grid-prbs", "6", "--mcs", "4", "--rx-antennas", "1", "--propagation", "AWGN",
            "--snr-db", "20,21", "--max-slots", "2", "--batch-slots", "2", "--threads", "1", "--shard", "0/2", "--output", prefix);
        Assert.True(exitCode == 0, output);
        AssertValid("sweep-result.schema.json", prefix + ".shard-0-of-2.json");
    }

    [Fact]
    public void SimPrach_JsonMatchesTheSweepSchema()
    {
        string prefix = Path.Combine(_dir, "prach");
        (int exitCode, string output) = CliRunner.Run("sim", "prach", "--snr-db", "-10", "--occasions", "20", "--batch-occasions", "10", "--threads", "1", "--no-plot", "--output", prefix);
        Assert.True(exitCode == 0, output);
        AssertValid("sweep-result.schema.json", prefix + ".json");
    }

    [Fact]
    public void SimPucch_JsonMatchesTheSweepSchema()
    {
        string prefix = Path.Combine(_dir, "pucch");
        (int exitCode, string output) = CliRunner.Run("sim", "pucch", "--format", "0", "--snr-db", "0,10", "--max-occasions", "20", "--batch", "10", "--threads", "1", "--no-plot", "--output", prefix);
        Assert.True(exitCode == 0, output);
        AssertValid("sweep-result.schema.json", prefix + ".json");
        Assert.StartsWith("snr_db,occasions,trials,errors,error_probability", File.ReadLines(prefix + ".csv").First(), StringComparison.Ordinal);
    }

    [Fact]
    public void SimCode_JsonMatchesTheCodeSchema_AndThePlotIsWritten()
    {
        string prefix = Path.Combine(_dir, "ldpc");
        (int exitCode, string output) = CliRunner.Run(
            "sim", "code", "--code", "ldpc", "--k", "64", "--rate", "0.5", "--ebn0", "0,6", "--max-errors", "5", "--max-frames", "40", "--threads", "1",
            "--output", prefix, "--plot-format", "svg");
        Assert.True(exitCode == 0, output);
        AssertValid("code-sweep.schema.json", prefix + ".json");
        Assert.Contains("<svg", File.ReadAllText(prefix + ".svg"), StringComparison.Ordinal);
    }

    [Fact]
    public void Cell_DefaultCell_ExitsZeroAndItsJsonMatchesTheCellSchema()
    {
        // The embedded default cell (20 MHz FDD, AWGN 30 dB) for one second of air in virtual time.
        string prefix = Path.Combine(_dir, "cell");
        (int exitCode, string output) = CliRunner.Run("cell", "--seconds", "1", "--output", prefix);
        Assert.True(exitCode == 0, output);
        Assert.Contains("the cell works: UE attached", output, StringComparison.Ordinal);
        AssertValid("cell-run.schema.json", prefix + ".json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(prefix + ".json"));
        JsonElement root = document.RootElement;
        Assert.True(root.GetProperty("attached").GetBoolean());
        Assert.Equal(1000, root.GetProperty("slots").GetInt64());
        Assert.Equal(0, root.GetProperty("dlBler").GetDouble());
        Assert.Equal(0, root.GetProperty("ulBler").GetDouble());
        Assert.Equal(0, root.GetProperty("harqRetransmissions").GetInt64());
        Assert.Equal(0, root.GetProperty("lateSlots").GetInt64());
        Assert.True(root.GetProperty("realTimeRatio").GetDouble() > 0);
        Assert.InRange(root.GetProperty("dlGoodputMbps").GetDouble() / root.GetProperty("dlMaxMbps").GetDouble(), 0.995, 1.0);
        Assert.InRange(root.GetProperty("ulGoodputMbps").GetDouble() / root.GetProperty("ulMaxMbps").GetDouble(), 0.99, 1.0);
        Assert.True(new FileInfo(prefix + ".png").Length > 1000);
    }

    [Fact]
    public void Schemas_RejectNaNStrings()
    {
        string prefix = Path.Combine(_dir, "bad");
        File.WriteAllText(prefix + ".json", """{"code":"x","modulation":"BPSK","seed":1,"threads":1,"points":[{"ebN0Db":0,"esN0Db":0,"noiseVariance":1,"frames":1,"frameErrors":0,"frameErrorRate":"NaN","frameErrorRateCi95":[0,1],"bitErrors":0,"bitErrorRate":0,"decoderFailures":0,"undetectedErrors":0,"seconds":0}]}""");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(prefix + ".json"));
        EvaluationResults results = Schema("code-sweep.schema.json").Evaluate(document.RootElement);
        Assert.False(results.IsValid);
    }
}
