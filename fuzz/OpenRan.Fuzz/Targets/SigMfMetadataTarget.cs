using System;
using System.Collections.Generic;
using System.Text;
using OpenRan.Radio.SigMf;

namespace OpenRan.Fuzz.Targets;

/// <summary>
/// SigMF metadata text through <see cref="SigMfMetadata.Parse"/>; accepted metadata must also survive its own round trip
/// (<see cref="SigMfMetadata.ToJson"/> then parse gives the same values) and a data-length check.
/// </summary>
internal sealed class SigMfMetadataTarget : FuzzTarget
{
    public override string Name => "sigmf-meta";

    public override string Description => "SigMF metadata JSON through SigMfMetadata.Parse, then ToJson/Parse round trip and ValidateData";

    public override IReadOnlyList<string> Dictionary =>
        ["{", "}", "[", "]", ":", ",", "\"global\"", "\"captures\"", "\"annotations\"", "\"core:datatype\"", "\"core:sample_rate\"", "\"core:version\"",
         "\"core:num_channels\"", "\"core:sample_start\"", "\"core:sample_count\"", "\"core:frequency\"", "\"core:datetime\"", "\"core:label\"",
         "\"core:freq_lower_edge\"", "\"cf32_le\"", "\"ci16_le\"", "\"ci8\"", "\"cu8\"", "\"1.0.0\"", "1e999", "-0", "9007199254740993", "null", "true"];

    public override void Run(ReadOnlySpan<byte> input)
    {
        SigMfMetadata metadata;
        try
        {
            metadata = SigMfMetadata.Parse(Encoding.UTF8.GetString(input), "fuzz.sigmf-meta");
        }
        catch (SigMfFormatException)
        {
            return;
        }

        SigMfMetadata again = SigMfMetadata.Parse(metadata.ToJson(), "round-trip.sigmf-meta");
        if (again.Datatype != metadata.Datatype || again.SampleRateHz != metadata.SampleRateHz || again.ChannelCount != metadata.ChannelCount
            || again.Captures.Count != metadata.Captures.Count || again.Annotations.Count != metadata.Annotations.Count)
        {
            throw new InvalidOperationException("SigMF metadata changed in its own ToJson/Parse round trip.");
        }

        foreach (long length in (ReadOnlySpan<long>)[0, metadata.BytesPerFrame, 1000L * metadata.BytesPerFrame, 7])
        {
            try
            {
                metadata.ValidateData(length, "fuzz.sigmf-data");
            }
            catch (SigMfFormatException)
            {
            }
        }
    }

    public override IEnumerable<FuzzSeed> Seeds(IReadOnlyList<string> vectorRoots)
    {
        var full = new SigMfMetadata
        {
            Datatype = SigMfDatatype.Ci16Le,
            SampleRateHz = 23.04e6,
            ChannelCount = 2,
            Description = "seed",
            Recorder = "openran",
            Hardware = "none",
            Captures = [new SigMfCapture(0, 3.6e9, new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)), new SigMfCapture(1000, 3.61e9)],
            Annotations = [new SigMfAnnotation(0, 100, "ssb", "first block", 3.59e9, 3.6e9), new SigMfAnnotation(500)],
        };
        yield return new FuzzSeed("full.sigmf-meta", Encoding.UTF8.GetBytes(full.ToJson()));
        yield return new FuzzSeed("minimal.sigmf-meta", Encoding.UTF8.GetBytes(new SigMfMetadata { SampleRateHz = 1e6 }.ToJson()));
        yield return new FuzzSeed("duplicate.sigmf-meta", Encoding.UTF8.GetBytes(
            "{\"global\":{\"core:datatype\":\"cf32_le\",\"core:version\":\"1.0.0\",\"core:sample_rate\":1,\"core:sample_rate\":2},\"captures\":[{\"core:sample_start\":0}]}"));
        foreach (FuzzSeed seed in SeedFiles.Smallest(vectorRoots, 4, 64 << 10, ".sigmf-meta"))
        {
            yield return seed;
        }
    }
}
