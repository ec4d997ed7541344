using System;
using System.IO;
using System.Text.Json;
using OpenRan.Dsp.Implementations;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.Equalization;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Simulation.Configuration;

namespace OpenRan.Cli.Tests;

/// <summary>
/// Issue 14 §2: <c>openran sim pusch|pdsch</c> and the YAML configuration expose the receiver's parts (channel estimator,
/// equalizer and its implementation, soft demapper, LDPC decoder and its iterations), list them in <c>--help</c> with
/// their valid names, reject a bad name as a usage error naming the valid ones, and run with every estimator and
/// equalizer the library has.
/// </summary>
public sealed class SimReceiverOptionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("openran-sim-receiver").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("pusch")]
    [InlineData("pdsch")]
    public void SimHelp_ListsEveryReceiverOptionWithItsNames(string link)
    {
        (int exitCode, string output) = CliRunner.Run("sim", link, "--help");
        Assert.Equal(0, exitCode);
        foreach (string option in new[] { "--channel-estimator", "--equalizer", "--equalizer-implementation", "--demapper", "--ldpc-decoder", "--ldpc-iterations", "--ldpc-early-termination" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }

        foreach (string name in LinkSimulationOptions.ChannelEstimatorNames)
        {
            Assert.Contains(name, output, StringComparison.Ordinal);
        }

        Assert.Contains(string.Join(", ", ChannelEqualizerFactory.AlgorithmNames), output, StringComparison.Ordinal);
        Assert.Contains(string.Join(", ", LdpcDecoderFactory.Family.Names), output, StringComparison.Ordinal);
    }

    [Fact]
    public void SimHelp_MainJobListsTheReceiverOptionsToo()
    {
        (int exitCode, string output) = CliRunner.Run("sim", "--help");
        Assert.Equal(0, exitCode);
        Assert.Contains("--channel-estimator", output, StringComparison.Ordinal);
        Assert.Contains("--equalizer", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--channel-estimator", "kalman", "ls-linear, wiener, perfect")]
    [InlineData("--equalizer", "mrc", "zf, mmse")]
    [InlineData("--ldpc-decoder", "fpga", "auto")]
    [InlineData("--demapper", "neon", "generic")]
    [InlineData("--equalizer-implementation", "gpu", "generic")]
    [InlineData("--ldpc-iterations", "0", "1 … 100")]
    public void SimPusch_BadReceiverChoice_ExitsTwoOnStderrWithTheValidNames(string option, string value, string valid)
    {
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit("sim", "pusch", "--mcs", "4", "--max-slots", "1", option, value);
        Assert.True(exitCode == 2, $"exit {exitCode}: {stdout}{stderr}");
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains(option, stderr, StringComparison.Ordinal);
        Assert.Contains(value, stderr, StringComparison.Ordinal);
        Assert.Contains(valid, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SimPusch_BadEstimatorInYaml_ExitsTwoWithFileAndLine()
    {
        string file = Path.Combine(_dir, "receiver.yaml");
        File.WriteAllText(file, "mcs: 4\nequalizer: zf\nchannel-estimator: kalman\n");
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit("sim", "pusch", "--config", file, "--max-slots", "1");
        Assert.True(exitCode == 2, $"exit {exitCode}: {stdout}{stderr}");
        Assert.Contains("receiver.yaml:3", stderr, StringComparison.Ordinal);
        Assert.Contains("ls-linear, wiener, perfect", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pusch", "ls-linear", "zf")]
    [InlineData("pusch", "wiener", "mmse")]
    [InlineData("pusch", "perfect", "zf")]
    [InlineData("pdsch", "wiener", "zf")]
    [InlineData("pdsch", "perfect", "mmse")]
    public void SimLink_EachEstimatorAndEqualizer_DecodesAtHighSnrAndRecordsTheChoice(string link, string estimator, string equalizer)
    {
        string prefix = Path.Combine(_dir, $"{link}-{estimator}-{equalizer}");
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit(
            "sim", link, "--grid-prbs", "6", "--mcs", "4", "--rx-antennas", "2", "--propagation", "TDLA30-10", "--snr-db", "25",
            "--channel-estimator", estimator, "--equalizer", equalizer, "--ldpc-decoder", "generic", "--demapper", "Generic ",
            "--ldpc-iterations", "6", "--max-slots", "4", "--batch-slots", "4", "--threads", "1", "--plot", "false", "--output", prefix);
        Assert.True(exitCode == 0, stdout + stderr);
        string json = File.ReadAllText(prefix + ".json");
        Assert.Contains($"estimator {estimator}, equalizer {equalizer} (auto), demapper generic, LDPC generic 6 it.", json, StringComparison.Ordinal);
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement counters = doc.RootElement.GetProperty("points")[0].GetProperty("counters");
        Assert.Equal(4, counters.GetProperty("slots").GetInt64());
        Assert.Equal(0, counters.GetProperty("transmissionErrors").GetInt64());
    }

    [Fact]
    public void LinkConfiguration_YamlReceiverKeys_SetTheReceiverOptions()
    {
        var file = LinkConfiguration.ReadYaml(
            "mcs: 4\nchannel-estimator: Wiener\nequalizer: ZF\nequalizer-implementation: generic\ndemapper: generic\nldpc-decoder: generic\nldpc-iterations: 7\nldpc-early-termination: false\n",
            "receiver.yaml");
        LinkSimulationOptions options = LinkConfiguration.Build(LinkKind.Pusch, file, []);
        Assert.Equal("wiener", options.ChannelEstimator);
        Assert.Equal("zf", options.Equalizer);
        var receiver = options.ReceiverOptions();
        Assert.Equal(OpenRan.Phy.Upper.ChannelEstimation.FrequencyInterpolation.Wiener, receiver.ChannelEstimator.FrequencyInterpolation);
        Assert.Equal(EqualizerAlgorithm.ZeroForcing, receiver.Equalizer);
        Assert.Equal(ImplementationNames.Generic, receiver.EqualizerImplementation);
        Assert.Equal(ImplementationNames.Generic, receiver.DemapperImplementation);
        Assert.Equal(ImplementationNames.Generic, receiver.LdpcImplementation);
        Assert.Equal(7, receiver.Ldpc.MaxIterations);
        Assert.Equal(LdpcEarlyTermination.None, receiver.Ldpc.EarlyTermination);
        Assert.Contains(ImplementationNames.Generic, DemodulationMapperFactory.Family.Available);
    }

    [Fact]
    public void SimPusch_PluginAssembly_RunsWithTheUsersEqualizer()
    {
        // The example project's equalizer, loaded from its own assembly by path (examples/CustomEqualizer).
        string assembly = typeof(CustomEqualizer.NoiseScaledMrcEqualizer).Assembly.Location;
        string prefix = Path.Combine(_dir, "plugin");
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit(
            "sim", "pusch", "--grid-prbs", "6", "--mcs", "4", "--rx-antennas", "2", "--propagation", "AWGN", "--snr-db", "20",
            "--plugin", assembly + ",NoiseScaledMrcEqualizer", "--max-slots", "4", "--batch-slots", "4", "--threads", "1", "--plot", "false", "--output", prefix);
        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains("receiver plugin: CustomEqualizer.NoiseScaledMrcEqualizer as the equalizer", stdout, StringComparison.Ordinal);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(prefix + ".json"));
        JsonElement counters = doc.RootElement.GetProperty("points")[0].GetProperty("counters");
        Assert.Equal(4, counters.GetProperty("slots").GetInt64());
        Assert.Equal(0, counters.GetProperty("transmissionErrors").GetInt64());
    }

    [Fact]
    public void SimPusch_PluginWithoutUsableType_ExitsTwoListingTheUsableTypes()
    {
        string assembly = typeof(CustomEqualizer.NoiseScaledMrcEqualizer).Assembly.Location;
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit("sim", "pusch", "--mcs", "4", "--max-slots", "1", "--plugin", assembly + ",NoSuchEqualizer");
        Assert.True(exitCode == 2, $"exit {exitCode}: {stdout}{stderr}");
        Assert.StartsWith("error: --plugin", stderr, StringComparison.Ordinal);
        Assert.Contains("CustomEqualizer.NoiseScaledMrcEqualizer", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SimPusch_PluginFileMissing_ExitsTwo()
    {
        (int exitCode, _, string stderr) = CliRunner.RunSplit("sim", "pusch", "--mcs", "4", "--max-slots", "1", "--plugin", Path.Combine(_dir, "missing.dll"));
        Assert.Equal(2, exitCode);
        Assert.Contains("--plugin", stderr, StringComparison.Ordinal);
        Assert.Contains("the path of a .NET assembly", stderr, StringComparison.Ordinal);
    }
}
