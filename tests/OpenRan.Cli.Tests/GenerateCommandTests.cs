using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using OpenRan.Dsp;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.TestModels;
using OpenRan.Phy.Upper.Channels.Downlink;
using OpenRan.Radio.SigMf;

namespace OpenRan.Cli.Tests;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("openran-generate-cli").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static string Config(string name)
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "configs", name)))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return Path.Combine(dir ?? throw new FileNotFoundException(name), "configs", name);
    }

    /// <summary>Every sample of <paramref name="slots"/> slots of port 0, straight from the composer.</summary>
    private static ComplexF32[] Composed(DownlinkWaveformConfiguration configuration, int slots)
    {
        var composer = new DownlinkSlotComposer(configuration);
        var all = new System.Collections.Generic.List<ComplexF32>();
        for (int s = 0; s < slots; s++)
        {
            composer.Compose(s);
            var samples = new ComplexF32[composer.SlotSampleCount(s)];
            composer.Modulate(0, samples);
            all.AddRange(samples);
        }

        return [.. all];
    }

    private static ComplexF32[] ReadAll(string path)
    {
        using SigMfReader reader = SigMfReader.Open(path);
        var samples = new ComplexF32[reader.SampleCount];
        Assert.Equal(samples.Length, reader.Read(samples));
        return samples;
    }

    [Fact]
    public void Tm_Cf32_SamplesEqualTheComposersOutput_AndMetadataDescribesTheCarrier()
    {
        string output = PathOf("tm31a");
        (int exitCode, string text) = CliRunner.Run("generate", "tm", "--model", "NR-FR1-TM3.1a", "--bandwidth-mhz", "5", "--scs-khz", "15", "--duplex", "fdd",
            "--frames", "1", "--arfcn", "368500", "-o", output, "--json");
        Assert.True(exitCode == 0, text);
        using JsonDocument summary = JsonDocument.Parse(text);
        Assert.Equal(10, summary.RootElement.GetProperty("slots").GetInt64());

        double f0 = NrArfcn.FrequencyHz(368500);
        DownlinkWaveformConfiguration configuration = NrTestModelFactory.Create(NrTestModel.Tm3_1a, 5, 15, DuplexMode.Fdd);
        configuration = configuration with { Carrier = configuration.Carrier with { CarrierFrequencyHz = f0 } };
        ComplexF32[] expected = Composed(configuration, 10);
        ComplexF32[] written = ReadAll(output);
        Assert.Equal(expected.Length, written.Length);
        Assert.True(expected.AsSpan().SequenceEqual(written), "the recording differs from DownlinkSlotComposer's samples");

        SigMfMetadata meta = SigMfMetadata.Load(output, out long count);
        Assert.Equal(expected.Length, count);
        Assert.Equal(SigMfDatatype.Cf32Le, meta.Datatype);
        Assert.Equal(configuration.Carrier.Timing().SampleRateHz, meta.SampleRateHz);
        Assert.Equal(f0, meta.Captures[0].FrequencyHz);
        Assert.Equal(10, meta.Annotations.Count);
        Assert.Equal(0, meta.Annotations[0].SampleStart);
        Assert.Equal(count, meta.Annotations.Sum(a => a.SampleCount ?? 0));
        Assert.Equal("frame 0 slot 0: PDSCH, PDCCH", meta.Annotations[0].Label);
        Assert.Contains("PDSCH \"PDSCH RNTI 0\" RNTI 0, CRB 3..24, symbols 0..13, 256QAM", meta.Annotations[0].Comment, StringComparison.Ordinal);
        Assert.Contains("NR-FR1-TM3.1a", meta.Description, StringComparison.Ordinal);
        Assert.True(meta.Annotations[0].FrequencyLowerEdgeHz < f0 && meta.Annotations[0].FrequencyUpperEdgeHz > f0);
    }

    [Fact]
    public void Tm_Ci16_IsTheComposersOutputScaledToTheRequestedLevel()
    {
        string output = PathOf("tm11");
        (int exitCode, string text) = CliRunner.Run("generate", "tm", "--model", "TM1.1", "--bandwidth-mhz", "5", "--scs-khz", "30", "--duplex", "tdd",
            "--frames", "2", "--format", "ci16", "--rms-dbfs", "-20", "-o", output);
        Assert.True(exitCode == 0, text);
        DownlinkWaveformConfiguration configuration = NrTestModelFactory.Create(NrTestModel.Tm1_1, 5, 30, DuplexMode.Tdd);
        ComplexF32[] expected = Composed(configuration, 40);
        float scale = Simulation.Waveforms.DownlinkWaveformSource.ScaleForRms(configuration.Carrier, -20);
        using SigMfReader reader = SigMfReader.Open(output);
        Assert.Equal(SigMfDatatype.Ci16Le, reader.Metadata.Datatype);
        var written = new ComplexI16[reader.SampleCount];
        reader.Read(written);
        Assert.Equal(expected.Length, written.Length);
        double power = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs((expected[i].Re * scale * 32767f) - written[i].Re) <= 1 && Math.Abs((expected[i].Im * scale * 32767f) - written[i].Im) <= 1, $"sample {i}");
            power += ((double)written[i].Re * written[i].Re) + ((double)written[i].Im * written[i].Im);
        }

        // Downlink slots are fully loaded: their RMS is the requested −20 dBFS (uplink slots of the TDD pattern are silent).
        int downlinkSlots = Enumerable.Range(0, 40).Count(s => configuration.Carrier.Tdd!.DownlinkSymbolCount(s) == 14);
        Assert.InRange(10 * Math.Log10(power / written.Length / (32767.0 * 32767)), -20 + (10 * Math.Log10(downlinkSlots / 40.0)) - 0.3, -20 + 0.1);
    }

    [Fact]
    public void Tm_ToTheFileRadio_TransmitsTheSameSamplesBackToBack()
    {
        string tx = PathOf("radio-tx");
        (int exitCode, string text) = CliRunner.Run("generate", "tm", "--model", "TM2", "--bandwidth-mhz", "5", "--scs-khz", "15", "--frames", "2",
            "--driver", "file", "--args", $"tx={tx}", "--json");
        Assert.True(exitCode == 0, text);
        ComplexF32[] expected = Composed(NrTestModelFactory.Create(NrTestModel.Tm2, 5, 15, DuplexMode.Fdd), 20);
        ComplexF32[] sent = ReadAll(tx);
        Assert.True(expected.AsSpan().SequenceEqual(sent), "the radio got other samples than the composer's (or with gaps)");
    }

    [Fact]
    public void Config_Yaml_GeneratesSsbCoreset0AndSib1()
    {
        string output = PathOf("sib1");
        (int exitCode, string text) = CliRunner.Run("generate", "--config", Config("downlink-sib1-20mhz-30khz.yaml"), "--frames", "2", "-o", output);
        Assert.True(exitCode == 0, text);
        SigMfMetadata meta = SigMfMetadata.Load(output, out _);
        Assert.Equal(3.5e9, meta.Captures[0].FrequencyHz);
        Assert.Equal(40, meta.Annotations.Count);
        Assert.StartsWith("frame 0 slot 0: SSB", meta.Annotations[0].Label, StringComparison.Ordinal);
        Assert.Contains("PDCCH \"SIB1 DCI 1_0\" RNTI 65535", meta.Annotations[1].Comment, StringComparison.Ordinal);
        Assert.Contains("PDSCH \"SIB1\" RNTI 65535, CRB 24..35", meta.Annotations[1].Comment, StringComparison.Ordinal);
        Assert.Contains("CSI-RS", meta.Annotations[5].Label, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bandwidth-mhz", "7")]
    [InlineData("--bandwidth-mhz", "200")]
    [InlineData("--frames", "0")]
    [InlineData("--scs-khz", "45")]
    [InlineData("--model", "TM9")]
    [InlineData("--format", "ci8")]
    [InlineData("--rms-dbfs", "3")]
    [InlineData("--frequency-mhz", "-5")]
    public void Tm_BadOption_ExitsTwoNamingIt(string option, string value)
    {
        string[] args = ["generate", "tm", "--model", "TM3.1", "-o", PathOf("x"), option, value];
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit(args);
        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains(option, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("x.sigmf-data")));
    }

    [Fact]
    public void Tm_NeitherOrBothSinks_ExitsTwo()
    {
        (int exitCode, string output) = CliRunner.Run("generate", "tm", "--model", "TM3.1");
        Assert.Equal(2, exitCode);
        Assert.Contains("--output", output, StringComparison.Ordinal);
        (exitCode, output) = CliRunner.Run("generate", "tm", "--model", "TM3.1", "-o", PathOf("y"), "--driver", "zmq");
        Assert.Equal(2, exitCode);
        Assert.Contains("--driver", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FrequencyTwice_OrNoModelNorConfig_ExitsTwo()
    {
        (int exitCode, string output) = CliRunner.Run("generate", "tm", "--model", "TM3.1", "-o", PathOf("f"), "--frequency-mhz", "3500", "--arfcn", "368500");
        Assert.Equal(2, exitCode);
        Assert.Contains("--arfcn", output, StringComparison.Ordinal);
        (exitCode, output) = CliRunner.Run("generate", "-o", PathOf("g"));
        Assert.Equal(2, exitCode);
        Assert.Contains("--config", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_BadKey_ExitsTwoNamingTheKeyAndLine()
    {
        string yaml = PathOf("bad.yaml");
        File.WriteAllText(yaml, "carrier:\n  scs-khz: 30\n  bandwidth-mhz: 20\npdsch:\n  - rnti: 5\n    mcs: 40\n");
        (int exitCode, string output) = CliRunner.Run("generate", "--config", yaml, "-o", PathOf("z"));
        Assert.Equal(2, exitCode);
        Assert.Contains("pdsch[0].mcs", output, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:6", output, StringComparison.Ordinal);
    }
}
