using System;
using System.IO;
using OpenRan.Radio.SigMf;

namespace OpenRan.Radio.Tests.SigMf;

// Malformed and hostile SigMF metadata (issue 13 §3): every fault names the file and what is wrong.
public sealed class SigMfMetadataTests : IDisposable
{
    private const string Global = "\"global\":{\"core:datatype\":\"cf32_le\",\"core:version\":\"1.0.0\",\"core:sample_rate\":1}";
    private readonly string _dir = Directory.CreateTempSubdirectory("openran-sigmf-meta").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Parse_DuplicateKeyInGlobal_NamesFileKeyObjectAndLine()
    {
        string json = "{\n  \"global\": {\n    \"core:datatype\": \"cf32_le\",\n    \"core:version\": \"1.0.0\",\n    \"core:datatype\": \"ci16_le\",\n    \"core:sample_rate\": 1\n  },\n  \"captures\": []\n}";
        var ex = Assert.Throws<SigMfFormatException>(() => SigMfMetadata.Parse(json, "rec.sigmf-meta"));
        Assert.Equal("rec.sigmf-meta: line 5: duplicate key 'core:datatype' in global; a key may appear only once per object.", ex.Message);
    }

    [Theory]
    [InlineData("{" + Global + ",\"captures\":[],\"captures\":[]}", "duplicate key 'captures' in the top-level object")]
    [InlineData("{" + Global + ",\"captures\":[{\"core:sample_start\":0},{\"core:sample_start\":1,\"core:sample_start\":2}]}", "duplicate key 'core:sample_start' in captures[1]")]
    [InlineData("{" + Global + ",\"captures\":[],\"annotations\":[{\"core:sample_start\":0,\"x\":{\"a\":1,\"a\":2}}]}", "duplicate key 'a' in annotations[0].x")]
    public void Parse_DuplicateKeyAnywhere_NamesItsPlace(string json, string reason)
    {
        var ex = Assert.Throws<SigMfFormatException>(() => SigMfMetadata.Parse(json, "x.sigmf-meta"));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal("x.sigmf-meta", ex.Path);
    }

    [Theory]
    [InlineData("{" + Global + ",\"captures\":[{\"core:sample_start\":1e300}]}", "below 2^53")]
    [InlineData("{" + Global + ",\"captures\":[{\"core:sample_start\":9223372036854775807}]}", "below 2^53")]
    [InlineData("{" + Global + ",\"captures\":[{\"core:sample_start\":0,\"core:frequency\":1e999}]}", "out of the range of a double")]
    [InlineData("{" + Global + ",\"captures\":[]", "not valid JSON")]
    [InlineData("[" + Global + "]", "not valid JSON")]
    [InlineData("\"text\"", "not a JSON object")]
    public void Parse_OutOfRangeOrBroken_RejectedWithReason(string json, string reason)
    {
        var ex = Assert.Throws<SigMfFormatException>(() => SigMfMetadata.Parse(json, "x.sigmf-meta"));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestedDeeperThanTheJsonLimit_RejectedWithReason()
    {
        string json = "{" + Global + ",\"captures\":[],\"x\":" + new string('[', 200) + new string(']', 200) + "}";
        Assert.Contains("not valid JSON", Assert.Throws<SigMfFormatException>(() => SigMfMetadata.Parse(json, "x.sigmf-meta")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateData_AnnotationCountReachingPastTheEnd_Rejected()
    {
        SigMfMetadata metadata = SigMfMetadata.Parse("{" + Global + ",\"captures\":[],\"annotations\":[{\"core:sample_start\":5,\"core:sample_count\":9007199254740991}]}", "x.sigmf-meta");
        Assert.Contains("beyond the data (10 samples)", Assert.Throws<SigMfFormatException>(() => metadata.ValidateData(80, "x.sigmf-data")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MetadataOrDataPathIsADirectory_SaysSo()
    {
        string basePath = Path.Combine(_dir, "rec");
        Directory.CreateDirectory(SigMfMetadata.MetaPath(basePath));
        var ex = Assert.Throws<SigMfFormatException>(() => SigMfMetadata.Load(basePath, out _));
        Assert.Contains("rec.sigmf-meta: the SigMF metadata path is a directory", ex.Message, StringComparison.Ordinal);

        Directory.Delete(SigMfMetadata.MetaPath(basePath));
        File.WriteAllText(SigMfMetadata.MetaPath(basePath), new SigMfMetadata { SampleRateHz = 1 }.ToJson());
        Directory.CreateDirectory(SigMfMetadata.DataPath(basePath));
        Assert.Contains("data path is a directory", Assert.Throws<SigMfFormatException>(() => SigMfMetadata.Load(basePath, out _)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MetadataNotUtf8_RejectedWithReason()
    {
        string basePath = Path.Combine(_dir, "latin1");
        File.WriteAllBytes(SigMfMetadata.MetaPath(basePath), [(byte)'{', 0xFF, 0xFE, (byte)'}']);
        File.WriteAllBytes(SigMfMetadata.DataPath(basePath), []);
        Assert.Contains("not valid UTF-8", Assert.Throws<SigMfFormatException>(() => SigMfMetadata.Load(basePath, out _)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_BlockTooLargeForTheChannelCount_RejectedNamingTheParameter()
    {
        string basePath = Path.Combine(_dir, "wide");
        File.WriteAllText(SigMfMetadata.MetaPath(basePath), new SigMfMetadata { SampleRateHz = 1, ChannelCount = 64 }.ToJson());
        File.WriteAllBytes(SigMfMetadata.DataPath(basePath), []);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SigMfReader.Open(basePath, 1 << 22));
        Assert.Equal("maxBlockSampleCount", ex.ParamName);
    }
}
