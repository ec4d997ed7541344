using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace OpenRan.Cli.Tests;

public class SimLinkRunCommandTests
{
    /// <summary>The first data row of PREFIX.csv as column name → value.</summary>
    private static Dictionary<string, string> FirstPoint(string prefix)
    {
        string[] lines = File.ReadAllLines(prefix + ".csv");
        string[] names = lines[0].Split(',');
        string[] values = lines[1].Split(',');
        return names.Zip(values).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    private static string TempPrefix(out string dir)
    {
        dir = Directory.CreateTempSubdirectory("openran-sim-link").FullName;
        return Path.Combine(dir, "run");
    }

    [Fact]
    public void SimPusch_HighSnrAwgn_DecodesEveryBlockAndWritesCsvJsonPng()
    {
        string prefix = TempPrefix(out string dir);
        try
        {
            (int exitCode, string output) = CliRunner.Run(
                "sim", "pusch", "--grid-prbs", "6", "--mcs", "4", "--rx-antennas", "1", "--propagation", "AWGN",
                "--snr-db", "20", "--max-slots", "8", "--batch-slots", "4", "--threads", "1", "--output", prefix);
            Assert.True(exitCode == 0, output);
            Assert.True(File.Exists(prefix + ".json"), output);
            Assert.True(File.Exists(prefix + ".png"), output);
            var point = FirstPoint(prefix);
            Assert.Equal("8", point["slots"]);
            Assert.Equal("0", point["transmission_errors"]);
            Assert.Equal("1", point["throughput_share"]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void SimPdsch_VeryLowSnrPerfectChannel_NothingDecodes()
    {
        string prefix = TempPrefix(out string dir);
        try
        {
            (int exitCode, string output) = CliRunner.Run(
                "sim", "pdsch", "--grid-prbs", "6", "--mcs", "10", "--propagation", "TDLA30-10",
                "--channel-estimation", "perfect", "--snr-db=-10", "--max-slots", "4", "--batch-slots", "4",
                "--threads", "1", "--plot", "false", "--output", prefix);
            Assert.True(exitCode == 0, output);
            Assert.False(File.Exists(prefix + ".png"));
            var point = FirstPoint(prefix);
            Assert.Equal("4", point["transmission_errors"]);
            Assert.Equal("0", point["throughput_share"]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Sim_NoSubcommand_RunsTheMainJobWithItsRequirement()
    {
        // The main job with its own defaults, cut to one SNR point and one batch: G-FR1-A3-10 on TDLB100-400.
        string prefix = TempPrefix(out string dir);
        try
        {
            (int exitCode, string output) = CliRunner.Run(
                "sim", "--snr-db=-2", "--max-slots", "4", "--batch-slots", "4", "--threads", "1", "--plot", "false", "--output", prefix);

            // One SNR point cannot show the requirement met, and the main job checks it: exit 1 with the verdict.
            Assert.True(exitCode == 1, output);
            Assert.Contains("error: requirement", output, StringComparison.Ordinal);
            Assert.Contains("G-FR1-A3-10", output, StringComparison.Ordinal);
            Assert.Contains("TDLB100-400", output, StringComparison.Ordinal);
            Assert.Contains("-2.1 dB", output, StringComparison.Ordinal);
            Assert.True(File.Exists(prefix + ".csv"), output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void SimPusch_YamlWithUnknownKey_ExitTwoWithFileAndLine()
    {
        string dir = Directory.CreateTempSubdirectory("openran-sim-yaml").FullName;
        try
        {
            string file = Path.Combine(dir, "sweep.yaml");
            File.WriteAllText(file, "preset: G-FR1-A3-10\nsnr-db: [\"-2\"]\nmax-slotz: 10\n");
            (int exitCode, string output) = CliRunner.Run("sim", "pusch", "--config", file);
            Assert.Equal(2, exitCode);
            Assert.Contains("sweep.yaml:3", output, StringComparison.Ordinal);
            Assert.Contains("max-slotz", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void SimPusch_BadValue_ExitTwoNamingTheOption()
    {
        (int exitCode, string output) = CliRunner.Run("sim", "pusch", "--mcs", "4", "--rx-antennas", "3", "--max-slots", "1");
        Assert.Equal(2, exitCode);
        Assert.Contains("rx-antennas = 3 is not valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SimPusch_NeitherMcsNorModulation_ExitTwoSayingWhatToSet()
    {
        (int exitCode, string output) = CliRunner.Run("sim", "pusch", "--max-slots", "1");
        Assert.Equal(2, exitCode);
        Assert.Contains("set mcs, or", output, StringComparison.Ordinal);
    }
}
