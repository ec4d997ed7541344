using System;
using System.IO;

namespace OpenRan.Cli.Tests.Commands;

/// <summary>
/// <c>openran cell</c>: usage errors name the option and its range (exit 2); a cell that does not work ends with what was
/// found and a non-zero exit. The passing run and its JSON schema are in <see cref="OutputSchemaTests"/>.
/// </summary>
public sealed class CellCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("openran-cell-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("--seconds", "0", "--seconds = 0 is out of range; valid: 0.01..3600")]
    [InlineData("--snr-db", "99", "--snr-db = 99 is out of range; valid: -10..60")]
    [InlineData("--cfo-hz", "1e6", "--cfo-hz = 1000000 is out of range; valid: -5000..5000")]
    [InlineData("--max-bler", "2", "--max-bler = 2 is out of range; valid: 0..1")]
    [InlineData("--propagation", "TDLX", "--propagation = TDLX is not valid")]
    public void Cell_BadOption_IsAUsageErrorNamingItsRange(string option, string value, string message)
    {
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit("cell", option, value, "--output", Path.Combine(_directory, "bad"));
        Assert.Equal(2, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("slots", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Cell_LowSnr_FailsWithTheBlerItFound()
    {
        // At 5 dB the 256QAM downlink cannot decode: the run ends with exit 1 and says what it found.
        string prefix = Path.Combine(_directory, "low");
        (int exitCode, string output) = CliRunner.Run("cell", "--seconds", "0.2", "--snr-db", "5", "--output", prefix);
        Assert.True(exitCode == 1, output);
        Assert.True(File.Exists(prefix + ".json"), output);
        Assert.Matches("did not attach|no downlink traffic|BLER above the bound", output);
    }
}
