using System.Text.Json;
using OpenRan.Cli.Commands;

namespace OpenRan.Cli.Tests;

/// <summary>Every listing command has <c>--json</c>, and the bench figures choose their unit by magnitude.</summary>
public class ListingJsonTests
{
    [Theory]
    [InlineData("vectors", "list", "--json")]
    [InlineData("bench", "list", "--json")]
    [InlineData("sim", "prach", "--presets", "--json")]
    public void Listing_Json_IsANonEmptyArrayOfObjects(params string[] args)
    {
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit(args);
        Assert.True(exitCode == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
        Assert.True(doc.RootElement.GetArrayLength() > 0);
        Assert.Equal(JsonValueKind.Object, doc.RootElement[0].ValueKind);
    }

    [Fact]
    public void SimPresets_Json_ListsFrcsAndRequirements()
    {
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit("sim", "presets", "--json");
        Assert.True(exitCode == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement frc = doc.RootElement.GetProperty("fixedReferenceChannels")[0];
        Assert.Equal(JsonValueKind.Number, frc.GetProperty("mcsIndex").ValueKind);
        Assert.DoesNotContain("Qam", stdout, System.StringComparison.Ordinal);
        Assert.True(doc.RootElement.GetProperty("puschRequirements").GetArrayLength() > 0);
        Assert.True(doc.RootElement.GetProperty("pucchRequirements").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData(0.012, "Mblock/s", "12.0 kblock/s")]
    [InlineData(1520, "Msample/s", "1.52 Gsample/s")]
    [InlineData(3.5, "Gbit/s", "3.50 Gbit/s")]
    [InlineData(250, "occasion/s", "250 occasion/s")]
    [InlineData(0.0000042, "Mblock/s", "4.20 block/s")]
    public void Bench_Rate_UnitChosenByMagnitude(double value, string unit, string text) => Assert.Equal(text, BenchCommand.FormatRate(value, unit));
}
