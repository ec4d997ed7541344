using System;
using System.IO;
using System.Text.Json;

namespace OpenRan.Cli.Tests;

public class CliTests
{
    [Fact]
    public void Info_Json_ReportsCpuAndImplementations()
    {
        (int exitCode, string output) = CliRunner.Run("info", "--json");
        Assert.Equal(0, exitCode);
        using JsonDocument doc = JsonDocument.Parse(output);
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("cpu").GetString()));
        Assert.True(doc.RootElement.GetProperty("implementations").GetArrayLength() > 0);
    }

    [Fact]
    public void VectorsCheck_BrokenFile_FailsAndNamesFileAndProblem()
    {
        string root = Directory.CreateTempSubdirectory("openran-cli").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(root, "broken.npy"), [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 200, 0]);
            (int exitCode, string output) = CliRunner.Run("vectors", "check", "--root", root, "--only", "formats");
            Assert.Equal(1, exitCode);
            Assert.Contains("broken.npy", output, StringComparison.Ordinal);
            Assert.Contains("truncated", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void VectorsCheck_Json_ListsCategoriesAndFailures()
    {
        string root = Directory.CreateTempSubdirectory("openran-cli").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "bad.mat"), "not a mat file");
            (int exitCode, string output, string errors) = CliRunner.RunSplit("vectors", "check", "--root", root, "--json");
            Assert.Equal(1, exitCode);
            Assert.StartsWith("error: ", errors, StringComparison.Ordinal);
            using JsonDocument doc = JsonDocument.Parse(output);
            Assert.False(doc.RootElement.GetProperty("passed").GetBoolean());
            Assert.Equal(1, doc.RootElement.GetProperty("failures").GetArrayLength());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void VectorsCheck_UnknownCategory_ExitsTwoAndListsKnownOnes()
    {
        (int exitCode, string output) = CliRunner.Run("vectors", "check", "--only", "no-such-category");
        Assert.Equal(2, exitCode);
        Assert.Contains("--only = no-such-category is not a category; valid:", output, StringComparison.Ordinal);
        Assert.Contains("formats", output, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", output, StringComparison.Ordinal);
    }

    [Fact]
    public void VectorsCheck_MissingRoot_ExitsTwoNamingIt()
    {
        (int exitCode, string output) = CliRunner.Run("vectors", "check", "--root", "/no/such/openran/root");
        Assert.Equal(2, exitCode);
        Assert.Contains("/no/such/openran/root", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_ComplexMultiply_ReportsThroughputWithoutAllocation()
    {
        (int exitCode, string output) = CliRunner.Run("bench", "complex-multiply", "--length", "256", "--samples", "3", "--sample-ms", "1", "--json");
        Assert.Equal(0, exitCode);
        using JsonDocument doc = JsonDocument.Parse(output);
        Assert.True(doc.RootElement.GetProperty("medianMicroseconds").GetDouble() > 0);
        Assert.Equal(0, doc.RootElement.GetProperty("allocatedBytesPerOperation").GetDouble());
        Assert.Equal("Msample/s", doc.RootElement.GetProperty("throughputUnit").GetString());
    }

    [Fact]
    public void Bench_OutOfRangeOption_ExitsTwoNamingIt()
    {
        (int exitCode, string output) = CliRunner.Run("bench", "complex-dot", "--length", "0");
        Assert.Equal(2, exitCode);
        Assert.Contains("--length", output, StringComparison.Ordinal);
    }
}
