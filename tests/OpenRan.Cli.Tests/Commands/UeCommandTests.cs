using System;
using System.IO;

namespace OpenRan.Cli.Tests.Commands;

/// <summary>
/// <c>openran ue</c>: usage and configuration errors exit 2 naming the option or key; a UE that finds no cell exits 1
/// saying what it searched and what is missing. The run against <c>openran gnb</c> over ZMQ is tested in
/// <c>OpenRan.Engine.Tests.Ue.UeEngineZmqTests</c>.
/// </summary>
public sealed class UeCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("openran-ue-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Ue_BadSeconds_IsAUsageErrorNamingItsRange()
    {
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit("ue", "--config", GnbCommandTests.Config("ue-n3-20mhz-fdd.yaml"), "--seconds", "0");
        Assert.Equal(2, exitCode);
        Assert.Contains("--seconds = 0 is out of range; valid: 0.001..10000000", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("summary", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Ue_UnknownKey_IsAConfigurationErrorNamingFileLineAndKey()
    {
        string path = Write("bad.yaml", $"cell: {GnbCommandTests.Config("cell-n3-20mhz-fdd.yaml")}\nue:\n  sync-timeout: 5\n");
        (int exitCode, _, string stderr) = CliRunner.RunSplit("ue", "--config", path);
        Assert.Equal(2, exitCode);
        Assert.Contains("bad.yaml:3:3", stderr, StringComparison.Ordinal);
        Assert.Contains("ue.sync-timeout", stderr, StringComparison.Ordinal);
        Assert.Contains("sync-timeout-s", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Ue_AssumeAckCell_IsAConfigurationErrorNamingTheKey()
    {
        string path = Write("assume-ack.yaml", $"cell: {GnbCommandTests.Config("gnb-n3-20mhz-fdd.yaml")}\n");
        (int exitCode, _, string stderr) = CliRunner.RunSplit("ue", "--config", path);
        Assert.Equal(2, exitCode);
        Assert.Contains("test-ue.dl-harq-feedback: pucch", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Ue_UnknownDriver_IsAUsageErrorNamingTheValidDrivers()
    {
        (int exitCode, _, string stderr) = CliRunner.RunSplit("ue", "--config", GnbCommandTests.Config("ue-n3-20mhz-fdd.yaml"), "--driver", "usrp");
        Assert.Equal(2, exitCode);
        Assert.Contains("--driver", stderr, StringComparison.Ordinal);
        Assert.Contains("zmq", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Ue_NoCell_ExitsOneWithWhatItSearchedAndWhatIsMissing()
    {
        // The loopback radio hears only the UE's own silent transmitter.
        string path = Write("alone.yaml", $"cell: {GnbCommandTests.Config("cell-n3-20mhz-fdd.yaml")}\nue:\n  sync-timeout-s: 0.05\nradio:\n  driver: loopback\n  args: \"\"\n");
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit("ue", "--config", path);
        Assert.True(exitCode == 1, stdout + stderr);
        Assert.Contains("no cell found", stderr, StringComparison.Ordinal);
        Assert.Contains("PCI 1", stderr, StringComparison.Ordinal);
        Assert.Contains("Missing: the gNB's downlink", stderr, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
