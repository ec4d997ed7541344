using System;
using System.IO;

namespace OpenRan.Cli.Tests.Commands;

public class SimPrachCommandTests
{
    [Fact]
    public void SimPrach_ShortRun_WritesReportAndVerdict()
    {
        string prefix = Path.Combine(Path.GetTempPath(), $"openran-prach-{Guid.NewGuid():N}");
        try
        {
            (int exitCode, string output) = CliRunner.Run(
                "sim", "prach", "--preset", "B4-30-AWGN", "--snr-db", "-12,0", "--occasions", "20", "--batch-occasions", "10", "--threads", "2", "--no-plot", "--output", prefix);
            Assert.Equal(0, exitCode);
            Assert.Contains("N_CS 69", output, StringComparison.Ordinal);
            Assert.Contains("SNR for 99 % detection", output, StringComparison.Ordinal);
            string[] lines = File.ReadAllLines(prefix + ".csv");
            Assert.Equal(3, lines.Length);
            Assert.Equal("snr_db,occasions,missed,missed_by_timing,detection_probability,detection_lower,detection_upper", lines[0]);
            Assert.True(File.Exists(prefix + ".json"));
        }
        finally
        {
            File.Delete(prefix + ".csv");
            File.Delete(prefix + ".json");
        }
    }

    [Fact]
    public void SimPrach_RequirementMissed_ExitsOne()
    {
        string prefix = Path.Combine(Path.GetTempPath(), $"openran-prach-{Guid.NewGuid():N}");
        try
        {
            (int exitCode, string output) = CliRunner.Run(
                "sim", "prach", "--preset", "B4-30-AWGN", "--snr-db", "-35", "--occasions", "10", "--batch-occasions", "10", "--threads", "1", "--no-plot", "--requirement", "--output", prefix);
            Assert.Equal(1, exitCode);
            Assert.Contains("99 % not reached", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(prefix + ".csv");
            File.Delete(prefix + ".json");
        }
    }

    [Fact]
    public void SimPrach_UnknownPreset_ExitsTwoNamingTheOption()
    {
        (int exitCode, string output) = CliRunner.Run("sim", "prach", "--preset", "F9");
        Assert.Equal(2, exitCode);
        Assert.Contains("--preset 'F9' is unknown", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SimPrach_Presets_ListsTheConditions()
    {
        (int exitCode, string output) = CliRunner.Run("sim", "prach", "--presets");
        Assert.Equal(0, exitCode);
        Assert.Contains("F0-TDLC300-100", output, StringComparison.Ordinal);
        Assert.Contains("2.55 µs", output, StringComparison.Ordinal);
    }
}
