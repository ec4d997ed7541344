using System;
using System.IO;
using System.Text.Json;
using OpenRan.Dsp;
using OpenRan.Radio.SigMf;

namespace OpenRan.Cli.Tests.Commands;

public sealed class RadioCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("openran-radio-cli").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static ComplexI16[] Random16(int n)
    {
        var random = new Random(5);
        var samples = new ComplexI16[n];
        for (int i = 0; i < n; i++)
        {
            samples[i] = new ComplexI16((short)random.Next(-32768, 32768), (short)random.Next(-32768, 32768));
        }

        return samples;
    }

    private static ComplexI16[] ReadAll(string path)
    {
        using SigMfReader reader = SigMfReader.Open(path);
        var samples = new ComplexI16[reader.SampleCount];
        reader.Read(samples);
        return samples;
    }

    [Fact]
    public void List_Json_ListsEveryDriverWithAvailability()
    {
        (int exitCode, string output) = CliRunner.Run("radio", "list", "--json");
        Assert.Equal(0, exitCode);
        using JsonDocument doc = JsonDocument.Parse(output);
        string[] names = [.. System.Linq.Enumerable.Select(doc.RootElement.EnumerateArray(), e => e.GetProperty("name").GetString()!)];
        Assert.Equal(["zmq", "file", "loopback", "soapy", "hackrf"], names);
        foreach (JsonElement e in doc.RootElement.EnumerateArray())
        {
            Assert.True(e.GetProperty("available").GetBoolean() || e.GetProperty("reason").GetString()!.Contains("apt-get install", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void CaptureThenReplay_ThroughFileRadio_IsBitExact()
    {
        ComplexI16[] samples = Random16(30_000);
        string source = PathOf("source");
        using (SigMfWriter writer = SigMfWriter.Create(source, new SigMfMetadata { Datatype = SigMfDatatype.Ci16Le, SampleRateHz = 1e6, Captures = [new SigMfCapture(0)] }))
        {
            writer.Write(samples);
        }

        string captured = PathOf("captured");
        (int exitCode, string output) = CliRunner.Run("radio", "capture", "--driver", "file", "--args", $"rx={source}", "--samples", "30000", "--datatype", "ci16_le", "--output", captured, "--json");
        Assert.True(exitCode == 0, output);
        using (JsonDocument doc = JsonDocument.Parse(output))
        {
            Assert.Equal(30000, doc.RootElement.GetProperty("samples").GetInt64());
        }

        Assert.Equal(samples, ReadAll(captured));

        string replayed = PathOf("replayed");
        (exitCode, output) = CliRunner.Run("radio", "replay", "--input", captured + ".sigmf-meta", "--driver", "file", "--args", $"tx={replayed},datatype=ci16_le", "--json");
        Assert.True(exitCode == 0, output);
        Assert.Equal(samples, ReadAll(replayed));
    }

    [Fact]
    public void Capture_Loopback_WritesValidRecordingWithCounters()
    {
        string output = PathOf("loop");
        (int exitCode, string text) = CliRunner.Run("radio", "capture", "--driver", "loopback", "--rate", "1e6", "--samples", "12345", "--output", output, "--json");
        Assert.True(exitCode == 0, text);
        using JsonDocument doc = JsonDocument.Parse(text);
        Assert.Equal(0, doc.RootElement.GetProperty("events").GetProperty("overflow").GetInt64());
        using SigMfReader reader = SigMfReader.Open(output);
        Assert.Equal(12345, reader.SampleCount);
        Assert.Equal(1e6, reader.Metadata.SampleRateHz);
    }

    [Fact]
    public void LoopbackTest_DelayedNoisyChannel_MeasuresDelayWithoutErrors()
    {
        (int exitCode, string output) = CliRunner.Run("radio", "loopback-test", "--args", "delay=123,gain_db=-6,noise_db=-40,seed=9", "--seconds", "0.2", "--json");
        Assert.True(exitCode == 0, output);
        using JsonDocument doc = JsonDocument.Parse(output);
        Assert.Equal(123, doc.RootElement.GetProperty("delaySamples").GetInt64());
        Assert.Equal(0, doc.RootElement.GetProperty("symbolErrors").GetInt64());
        Assert.True(doc.RootElement.GetProperty("passed").GetBoolean());
    }

    [Theory]
    [InlineData("--rate", "-5", "--rate")]
    [InlineData("--driver", "uhd", "zmq | file | loopback")]
    [InlineData("--args", "speed=1", "speed")]
    public void LoopbackTest_BadOption_ExitsTwoNamingIt(string option, string value, string named)
    {
        (int exitCode, string output) = CliRunner.Run("radio", "loopback-test", option, value);
        Assert.Equal(2, exitCode);
        Assert.Contains(named, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_MalformedRecording_ExitsTwoWithReason()
    {
        string path = PathOf("bad");
        File.WriteAllText(path + ".sigmf-meta", "{\"global\":{\"core:datatype\":\"ci32_le\",\"core:version\":\"1.0.0\",\"core:sample_rate\":1},\"captures\":[]}");
        File.WriteAllBytes(path + ".sigmf-data", new byte[16]);
        (int exitCode, string output) = CliRunner.Run("radio", "replay", "--input", path, "--driver", "loopback");
        Assert.Equal(2, exitCode);
        Assert.Contains("unsupported core:datatype 'ci32_le'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ZmqBench_TwoProcesses_ExactTimestampsBothSides()
    {
        (int exitCode, string output) = CliRunner.Run("radio", "zmq-bench", "--rate", "1e6", "--seconds", "0.3", "--json");
        Assert.True(exitCode == 0, output);
        using JsonDocument doc = JsonDocument.Parse(output);
        Assert.True(doc.RootElement.GetProperty("gnb").GetProperty("exactTimestamps").GetBoolean());
        Assert.True(doc.RootElement.GetProperty("ue").GetProperty("exactTimestamps").GetBoolean());
        Assert.Equal(0, doc.RootElement.GetProperty("gnb").GetProperty("callerAllocatedBytes").GetInt64());
    }

    [Fact]
    public void Bench_RadioLoopback_AllocatesNothing()
    {
        (int exitCode, string output) = CliRunner.Run("bench", "radio-loopback", "--block", "1920", "--samples", "3", "--sample-ms", "5", "--json");
        Assert.Equal(0, exitCode);
        using JsonDocument doc = JsonDocument.Parse(output);
        Assert.Equal(0, doc.RootElement.GetProperty("allocatedBytesPerOperation").GetDouble());
    }
}
