using System;
using System.IO;

namespace OpenRan.Cli.Tests.Commands;

public sealed class GnbCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("openran-gnb-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    internal static string Config(string name)
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "configs", name)))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return Path.Combine(dir ?? throw new FileNotFoundException(name), "configs", name);
    }

    [Fact]
    public void Gnb_PrintConfig_PrintsTheEffectiveConfigurationWithDerivedValues()
    {
        (int exitCode, string output) = CliRunner.Run("gnb", "--config", Config("gnb-n3-20mhz-fdd.yaml"), "--print-config");
        Assert.Equal(0, exitCode);
        Assert.Contains("dl-arfcn: 368500", output, StringComparison.Ordinal);
        Assert.Contains("k_SSB 6", output, StringComparison.Ordinal);
        Assert.Contains("coreset0-index: 8", output, StringComparison.Ordinal);
        Assert.Contains("sample-rate-hz: 23040000", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Gnb_UnknownDriver_ExitsTwoNamingTheValidDrivers()
    {
        (int exitCode, string output) = CliRunner.Run("gnb", "--config", Config("gnb-n3-20mhz-fdd.yaml"), "--driver", "usrp");
        Assert.Equal(2, exitCode);
        Assert.Contains("radio.driver", output, StringComparison.Ordinal);
        Assert.Contains("loopback", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Gnb_OverTheFileRadio_RecordsTheCellWithMetricsAndPcap()
    {
        string recording = Path.Combine(_directory, "cell");
        string pcap = Path.Combine(_directory, "cell.pcap");
        string json = Path.Combine(_directory, "metrics.jsonl");
        (int exitCode, string output) = CliRunner.Run("gnb", "--config", Config("gnb-n78-40mhz-tdd.yaml"), "--driver", "file", "--args", $"tx={recording}", "--seconds", "0.05", "--pcap", pcap, "--metrics-json", json);
        Assert.True(exitCode == 0, output);
        Assert.Contains("100 slots", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(recording + ".sigmf-data").Length > 0);
        Assert.True(new FileInfo(pcap).Length > 24);
        Assert.Contains("\"slots\":100", File.ReadAllText(json), StringComparison.Ordinal);
    }
}
