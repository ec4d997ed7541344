using System;
using System.Text.Json;

namespace OpenRan.Cli.Tests;

public class SimFalseDetectionCommandTests
{
    [Theory]
    [InlineData("pbch")]
    [InlineData("pdcch")]
    [InlineData("uci-polar")]
    [InlineData("pucch-f0")]
    [InlineData("pucch-f1")]
    [InlineData("pucch-f2")]
    [InlineData("pucch-f3")]
    [InlineData("pucch-f4")]
    [InlineData("pusch")]
    [InlineData("pdsch")]
    public void FalseDetection_SmallRun_PrintsCountsAndInterval(string channel)
    {
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit("sim", "false-detection", "--channel", channel, "--trials", "200", "--threads", "2");
        Assert.True(exitCode == 0, stderr);
        Assert.Contains("in 200 noise-only trials", stdout, StringComparison.Ordinal);
        Assert.Contains("95 % CI", stdout, StringComparison.Ordinal);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void FalseDetection_Json_IsParseableAndDoesNotDependOnThreads()
    {
        (int exitCode, string stdout, _) = CliRunner.RunSplit("sim", "false-detection", "--channel", "uci-polar", "--payload-bits", "12", "--trials", "3000", "--seed", "7", "--threads", "1", "--json");
        Assert.Equal(0, exitCode);
        using JsonDocument one = JsonDocument.Parse(stdout);
        (_, string again, _) = CliRunner.RunSplit("sim", "false-detection", "--channel", "uci-polar", "--payload-bits", "12", "--trials", "3000", "--seed", "7", "--threads", "2", "--json");
        using JsonDocument two = JsonDocument.Parse(again);
        JsonElement root = one.RootElement;
        Assert.Equal("uci-polar", root.GetProperty("channel").GetString());
        Assert.Equal(3000, root.GetProperty("trials").GetInt64());
        long found = root.GetProperty("falseDetections").GetInt64();
        Assert.Equal(found, two.RootElement.GetProperty("falseDetections").GetInt64());

        // CRC6 and a list of 8: about 8·2^−6 per trial (binomial 5-sigma band); the interval brackets the rate.
        Assert.InRange(found, 0, (3000 * 8.0 / 64) + (5 * Math.Sqrt(3000 * 8.0 / 64)));
        Assert.True(root.GetProperty("lower95").GetDouble() <= root.GetProperty("rate").GetDouble());
        Assert.True(root.GetProperty("upper95").GetDouble() >= root.GetProperty("rate").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("signalDetections").ValueKind);
    }

    [Fact]
    public void FalseDetection_SmallBlockDecoderAlone_DecidesOnNoise()
    {
        // No CRC: the decoder always decides; the receivers' DTX tests are what reject noise (stated in the description).
        (int exitCode, string stdout, _) = CliRunner.RunSplit("sim", "false-detection", "--channel", "uci-small", "--trials", "100", "--json");
        Assert.Equal(0, exitCode);
        using JsonDocument document = JsonDocument.Parse(stdout);
        Assert.Equal(100, document.RootElement.GetProperty("falseDetections").GetInt64());
        Assert.Contains("DTX test", document.RootElement.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--channel", "pbcch", "--channel = pbcch is not valid")]
    [InlineData("--trials", "0", "--trials = 0 is not valid")]
    [InlineData("--seed", "-1", "--seed = -1 is not valid")]
    [InlineData("--payload-bits", "5", "--payload-bits = 5; valid for uci-polar")]
    public void FalseDetection_BadOption_ExitsTwoOnStderrNamingIt(string option, string value, string message)
    {
        string[] args = option == "--channel"
            ? ["sim", "false-detection", option, value]
            : ["sim", "false-detection", "--channel", "uci-polar", option, value];
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit(args);
        Assert.Equal(2, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(message, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void FalseDetection_NoChannel_ExitsTwo()
    {
        (int exitCode, _, string stderr) = CliRunner.RunSplit("sim", "false-detection", "--trials", "10");
        Assert.Equal(2, exitCode);
        Assert.Contains("--channel", stderr, StringComparison.Ordinal);
    }
}
