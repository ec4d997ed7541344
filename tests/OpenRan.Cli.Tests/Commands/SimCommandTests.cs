using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using OpenRan.Cli.Commands;

namespace OpenRan.Cli.Tests.Commands;

public class SimCommandTests
{
    [Fact]
    public void SimCode_Ldpc_WritesTableAndCsv()
    {
        string csv = Path.Combine(Path.GetTempPath(), $"openran-sim-{Guid.NewGuid():N}.csv");
        try
        {
            (int exitCode, string output) = CliRunner.Run(
                "sim", "code", "--code", "ldpc", "--bg", "2", "--zc", "16", "--rate", "0.5", "--ebn0", "1,6", "--max-errors", "5", "--max-frames", "40", "--threads", "2", "--csv", csv);
            Assert.Equal(0, exitCode);
            Assert.Contains("LDPC BG2 Zc=16 K=160 E=320", output, StringComparison.Ordinal);
            Assert.Contains("seed 1", output, StringComparison.Ordinal);
            string[] lines = File.ReadAllLines(csv);
            Assert.Equal(3, lines.Length);
            Assert.StartsWith("ebn0_db,esn0_db,noise_variance,frames,frame_errors,fer", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("6,", lines[2], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public void SimCode_Json_IsReproducibleAcrossThreadCounts()
    {
        string Run(string threads) => CliRunner.Run(
            "sim", "code", "--code", "ldpc", "--bg", "1", "--k", "200", "--e", "400", "--ebn0", "0:1:2", "--max-errors", "10", "--max-frames", "200", "--seed", "42", "--threads", threads, "--json", "--decoder", "generic").Output;
        using JsonDocument one = JsonDocument.Parse(Run("1"));
        using JsonDocument three = JsonDocument.Parse(Run("3"));
        long[] Counts(JsonDocument d) => d.RootElement.GetProperty("points").EnumerateArray()
            .SelectMany(p => new[] { p.GetProperty("frames").GetInt64(), p.GetProperty("frameErrors").GetInt64(), p.GetProperty("bitErrors").GetInt64() }).ToArray();
        Assert.Equal(Counts(one), Counts(three));
        Assert.Equal(3, one.RootElement.GetProperty("points").GetArrayLength());
    }

    [Theory]
    [InlineData("--code", "turbo")]
    [InlineData("--bg", "3")]
    [InlineData("--modulation", "16qam")]
    [InlineData("--ebn0", "2:1:1")]
    [InlineData("--decoder", "sse2")]
    public void SimCode_BadOption_ExitsTwoNamingIt(string option, string value)
    {
        string[] args = option == "--code"
            ? ["sim", "code", "--code", value, "--zc", "16", "--rate", "0.5"]
            : ["sim", "code", "--code", "ldpc", "--zc", "16", "--rate", "0.5", option, value];
        (int exitCode, string output) = CliRunner.Run(args);
        Assert.Equal(2, exitCode);
        Assert.Contains(option == "--decoder" ? "sse2" : option, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", "polar SC")]
    [InlineData("8", "polar CA-SCL L=8")]
    public void SimCode_Polar_RunsAndNamesTheDecoder(string listSize, string name)
    {
        (int exitCode, string output) = CliRunner.Run(
            "sim", "code", "--code", "polar", "--list-size", listSize, "--k", "100", "--e", "200", "--ebn0", "2,6", "--max-errors", "5", "--max-frames", "64", "--threads", "2", "--json");
        Assert.Equal(0, exitCode);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.StartsWith(name, json.RootElement.GetProperty("code").GetString(), StringComparison.Ordinal);
        JsonElement[] points = json.RootElement.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(2, points.Length);
        Assert.Equal(0, points[1].GetProperty("frameErrors").GetInt64());
    }

    [Fact]
    public void SimCode_PolarBadListSize_ExitsTwoNamingIt()
    {
        (int exitCode, string output) = CliRunner.Run("sim", "code", "--code", "polar", "--list-size", "40", "--k", "100", "--e", "200");
        Assert.Equal(2, exitCode);
        Assert.Contains("--list-size", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseRange_AcceptsStepsAndLists()
    {
        Assert.Equal([1.2, 1.4, 1.6, 1.8, 2.0], SimCommand.ParseRange("1.2:0.2:2.0"));
        Assert.Equal([0.5, 3], SimCommand.ParseRange("0.5, 3"));
    }

    [Theory]
    [InlineData("ldpc-encode")]
    [InlineData("ldpc-decode")]
    [InlineData("ldpc-rate-match")]
    [InlineData("ldpc-rate-dematch")]
    [InlineData("crc")]
    public void Bench_ChannelCoding_RunsWithoutAllocation(string name)
    {
        (int exitCode, string output) = CliRunner.Run("bench", name, "--samples", "3", "--sample-ms", "1", "--json");
        Assert.Equal(0, exitCode);
        using JsonDocument doc = JsonDocument.Parse(output);
        Assert.True(doc.RootElement.GetProperty("medianThroughput").GetDouble() > 0);
        Assert.Equal(0, doc.RootElement.GetProperty("allocatedBytesPerOperation").GetDouble());
    }
}
