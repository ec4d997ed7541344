using System;
using System.IO;
using OpenRan.Dsp;
using OpenRan.Radio.SigMf;
using OpenRan.Radio.Streaming;

namespace OpenRan.Radio.Tests.SigMf;

public sealed class SigMfTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("openran-sigmf").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static ComplexI16[] RandomI16(int n, int seed, SigMfDatatype datatype)
    {
        var random = new Random(seed);
        var samples = new ComplexI16[n];
        for (int i = 0; i < n; i++)
        {
            short re = (short)random.Next(short.MinValue, short.MaxValue + 1);
            short im = (short)random.Next(short.MinValue, short.MaxValue + 1);
            if (datatype is SigMfDatatype.Ci8 or SigMfDatatype.Cu8)
            {
                // 8-bit recordings hold multiples of 256 exactly.
                re = (short)(re & ~0xFF);
                im = (short)(im & ~0xFF);
            }

            samples[i] = new ComplexI16(re, im);
        }

        return samples;
    }

    [Theory]
    [InlineData(SigMfDatatype.Cf32Le)]
    [InlineData(SigMfDatatype.Ci16Le)]
    [InlineData(SigMfDatatype.Ci8)]
    [InlineData(SigMfDatatype.Cu8)]
    public void RecordThenReplay_EveryDatatype_IsBitExact(SigMfDatatype datatype)
    {
        ComplexI16[] samples = RandomI16(10_000, 7, datatype);
        string path = PathOf($"rec-{datatype}");
        using (SigMfWriter writer = SigMfWriter.Create(path, new SigMfMetadata { Datatype = datatype, SampleRateHz = 1.92e6, Captures = [new SigMfCapture(0, 3.5e9, DateTimeOffset.UnixEpoch)] }, 4096))
        {
            writer.Write(samples.AsSpan(0, 3000));
            writer.Write(samples.AsSpan(3000));
            writer.Annotate(new SigMfAnnotation(100, 50, "burst"));
        }

        Assert.Equal(10_000 * datatype.BytesPerSample(), new FileInfo(SigMfMetadata.DataPath(path)).Length);
        using SigMfReader reader = SigMfReader.Open(path + ".sigmf-meta");
        Assert.Equal(10_000, reader.SampleCount);
        Assert.Equal(datatype, reader.Metadata.Datatype);
        Assert.Equal(3.5e9, reader.Metadata.Captures[0].FrequencyHz);
        Assert.Equal("burst", reader.Metadata.Annotations[0].Label);
        var back = new ComplexI16[10_000];
        Assert.Equal(10_000, reader.Read(back));
        Assert.Equal(samples, back);
    }

    [Fact]
    public void RecordThenReplay_Cf32TwoChannels_IsBitExact()
    {
        var block = new SampleBlock<ComplexF32>(2, 1000);
        var random = new Random(3);
        for (int i = 0; i < 1000; i++)
        {
            block[0][i] = new ComplexF32(random.NextSingle(), -random.NextSingle());
            block[1][i] = new ComplexF32(float.Epsilon * i, float.MaxValue / (i + 1));
        }

        string path = PathOf("two");
        using (SigMfWriter writer = SigMfWriter.Create(path, new SigMfMetadata { SampleRateHz = 30.72e6, ChannelCount = 2, Captures = [new SigMfCapture(0)] }))
        {
            writer.Write(block);
        }

        using SigMfReader reader = SigMfReader.Open(path);
        var back = new SampleBlock<ComplexF32>(2, 1000);
        Assert.Equal(1000, reader.Read(back, 1000));
        Assert.True(block[0].SequenceEqual(back[0]) && block[1].SequenceEqual(back[1]));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("{\"captures\":[]}", "'global'")]
    [InlineData("{\"global\":{\"core:version\":\"1.0.0\",\"core:sample_rate\":1},\"captures\":[]}", "core:datatype")]
    [InlineData("{\"global\":{\"core:datatype\":\"rf32_le\",\"core:version\":\"1.0.0\",\"core:sample_rate\":1},\"captures\":[]}", "unsupported core:datatype 'rf32_le'")]
    [InlineData("{\"global\":{\"core:datatype\":\"cf32_le\",\"core:version\":\"1.0.0\"},\"captures\":[]}", "core:sample_rate")]
    [InlineData("{\"global\":{\"core:datatype\":\"cf32_le\",\"core:version\":\"2.0.0\",\"core:sample_rate\":1},\"captures\":[]}", "core:version")]
    [InlineData("{\"global\":{\"core:datatype\":\"cf32_le\",\"core:version\":\"1.0.0\",\"core:sample_rate\":1}}", "'captures'")]
    [InlineData("{\"global\":{\"core:datatype\":\"cf32_le\",\"core:version\":\"1.0.0\",\"core:sample_rate\":1},\"captures\":[{\"core:sample_start\":5},{\"core:sample_start\":2}]}", "increasing order")]
    [InlineData("{\"global\":{\"core:datatype\":\"cf32_le\",\"core:version\":\"1.0.0\",\"core:sample_rate\":1},\"captures\":[{\"core:frequency\":1}]}", "core:sample_start")]
    [InlineData("{\"global\":{\"core:datatype\":\"cf32_le\",\"core:version\":\"1.0.0\",\"core:sample_rate\":1},\"captures\":[{\"core:sample_start\":-1}]}", "non-negative integer")]
    [InlineData("{\"global\":{\"core:datatype\":\"cf32_le\",\"core:version\":\"1.0.0\",\"core:sample_rate\":1},\"captures\":[{\"core:sample_start\":0,\"core:datetime\":\"yesterday\"}]}", "ISO-8601")]
    [InlineData("{\"global\":{\"core:datatype\":\"cf32_le\",\"core:version\":\"1.0.0\",\"core:sample_rate\":1},\"captures\":[],\"annotations\":[{\"core:sample_start\":9},{\"core:sample_start\":1}]}", "sorted")]
    public void Parse_MalformedMetadata_RejectedWithReason(string json, string reason)
    {
        var ex = Assert.Throws<SigMfFormatException>(() => SigMfMetadata.Parse(json, "x.sigmf-meta"));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("x.sigmf-meta", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_TruncatedData_RejectedWithReason()
    {
        string path = PathOf("truncated");
        using (SigMfWriter writer = SigMfWriter.Create(path, new SigMfMetadata { Datatype = SigMfDatatype.Ci16Le, SampleRateHz = 1e6, Captures = [new SigMfCapture(0)] }))
        {
            writer.Write(new ComplexI16[100]);
        }

        using (FileStream data = File.Open(SigMfMetadata.DataPath(path), FileMode.Open))
        {
            data.SetLength(data.Length - 3);
        }

        var ex = Assert.Throws<SigMfFormatException>(() => SigMfReader.Open(path));
        Assert.Contains("not a multiple of 4", ex.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AnnotationBeyondData_RejectedWithReason()
    {
        string path = PathOf("annotated");
        using (SigMfWriter writer = SigMfWriter.Create(path, new SigMfMetadata { SampleRateHz = 1e6, Captures = [new SigMfCapture(0)] }))
        {
            writer.Write(new ComplexF32[10]);
            writer.Annotate(new SigMfAnnotation(5, 20, "too long"));
        }

        var ex = Assert.Throws<SigMfFormatException>(() => SigMfReader.Open(path));
        Assert.Contains("beyond the data (10 samples)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingDataFile_NamesIt()
    {
        string path = PathOf("alone");
        File.WriteAllText(SigMfMetadata.MetaPath(path), new SigMfMetadata { SampleRateHz = 1 }.ToJson());
        var ex = Assert.Throws<FileNotFoundException>(() => SigMfReader.Open(path));
        Assert.Contains("alone.sigmf-data", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileRadio_RecordTransmitThenReplay_IsBitExactWithTimestamps()
    {
        string recording = PathOf("radio");
        var driver = new SigMfRadioDriver();
        ComplexI16[] samples = RandomI16(50_000, 11, SigMfDatatype.Ci16Le);
        using (IRadio recorder = driver.Open(RadioArguments.Parse($"tx={recording},datatype=ci16_le")))
        {
            recorder.Configure(new RadioConfiguration { SampleRateHz = 1e6, RxChannelCount = 0, TxChannelCount = 1, StreamFormat = SampleFormat.ComplexI16, BlockSampleCount = 1000 });
            recorder.Start(1000);
            long ts = 1000;
            Assert.Equal(20_000, recorder.Tx.Write(samples.AsSpan(0, 20_000), ref ts));
            ts += 500; // a gap: recorded as zeros
            Assert.Equal(30_000, recorder.Tx.Write(samples.AsSpan(20_000), ref ts));
            recorder.Stop();
        }

        using IRadio player = driver.Open(RadioArguments.Parse($"rx={recording}"));
        player.Configure(new RadioConfiguration { SampleRateHz = 1e6, RxChannelCount = 1, TxChannelCount = 0, StreamFormat = SampleFormat.ComplexI16, BlockSampleCount = 4096 });
        player.Start(7);
        var back = new ComplexI16[50_500];
        long first = 0;
        Assert.Equal(50_500, player.Rx.Read(back, ref first));
        Assert.Equal(7, first);
        Assert.Equal(samples.AsSpan(0, 20_000).ToArray(), back.AsSpan(0, 20_000).ToArray());
        Assert.True(back.AsSpan(20_000, 500).IndexOfAnyExcept(default(ComplexI16)) < 0);
        Assert.Equal(samples.AsSpan(20_000).ToArray(), back.AsSpan(20_500).ToArray());
        Assert.True(player.Events.Snapshot().IsClean);
    }

    [Fact]
    public void FileRadio_RateDiffersFromRecording_RejectedNamingBoth()
    {
        string path = PathOf("rate");
        using (SigMfWriter writer = SigMfWriter.Create(path, new SigMfMetadata { SampleRateHz = 1e6, Captures = [new SigMfCapture(0)] }))
        {
            writer.Write(new ComplexF32[10]);
        }

        using IRadio radio = new SigMfRadioDriver().Open(RadioArguments.Parse($"rx={path}"));
        var ex = Assert.Throws<ArgumentException>(() => radio.Configure(new RadioConfiguration { SampleRateHz = 2e6, TxChannelCount = 0 }));
        Assert.Contains("1000000 Hz", ex.Message, StringComparison.Ordinal);
    }
}
