using System;
using System.Collections.Generic;
using System.IO;
using OpenRan.Dsp;
using OpenRan.Radio.Streaming;

namespace OpenRan.Radio.SigMf;

/// <summary>
/// Records samples to a SigMF pair (<c>BASE.sigmf-data</c> and <c>BASE.sigmf-meta</c>). The metadata is written when
/// the recording is created and rewritten, with the annotations added since, on <see cref="Dispose"/>.
/// Sample writes do not allocate.
/// </summary>
public sealed class SigMfWriter : IDisposable
{
    private readonly string _basePath;
    private readonly FileStream _data;
    private readonly byte[] _raw;
    private readonly List<SigMfAnnotation> _annotations = [];
    private bool _disposed;

    private SigMfWriter(string basePath, SigMfMetadata metadata, int maxBlockSampleCount)
    {
        _basePath = basePath;
        Metadata = metadata;
        MaxBlockSampleCount = maxBlockSampleCount;
        _annotations.AddRange(metadata.Annotations);
        _raw = GC.AllocateUninitializedArray<byte>(maxBlockSampleCount * metadata.BytesPerFrame, pinned: true);
        _data = new FileStream(SigMfMetadata.DataPath(basePath), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        File.WriteAllText(SigMfMetadata.MetaPath(basePath), metadata.ToJson());
    }

    /// <summary>The metadata the recording started with.</summary>
    public SigMfMetadata Metadata { get; }

    /// <summary>Samples per channel written so far.</summary>
    public long SampleCount { get; private set; }

    /// <summary>The most samples one internal conversion handles (writes of any length are split).</summary>
    public int MaxBlockSampleCount { get; }

    /// <summary>Creates (overwriting) a recording at <paramref name="basePath"/> (extension optional).</summary>
    /// <exception cref="ArgumentException">The metadata has no sample rate.</exception>
    public static SigMfWriter Create(string basePath, SigMfMetadata metadata, int maxBlockSampleCount = 65536)
    {
        ArgumentNullException.ThrowIfNull(basePath);
        ArgumentNullException.ThrowIfNull(metadata);
        ThrowHelper.ThrowIfOutside(maxBlockSampleCount, 1, 1 << 22);
        if (!(metadata.SampleRateHz > 0))
        {
            ThrowHelper.ThrowOutOfRange("metadata.SampleRateHz", metadata.SampleRateHz, "> 0");
        }

        return new SigMfWriter(SigMfMetadata.StripExtension(basePath), metadata, maxBlockSampleCount);
    }

    /// <summary>Appends the <c>Count</c> samples of every channel of <paramref name="block"/>.</summary>
    public void Write(SampleBlock<ComplexF32> block) => WriteBlock(block);

    /// <inheritdoc cref="Write(SampleBlock{ComplexF32})"/>
    public void Write(SampleBlock<ComplexI16> block) => WriteBlock(block);

    /// <summary>Appends samples of a single-channel recording.</summary>
    public void Write(ReadOnlySpan<ComplexF32> samples) => WriteSpan(samples);

    /// <inheritdoc cref="Write(ReadOnlySpan{ComplexF32})"/>
    public void Write(ReadOnlySpan<ComplexI16> samples) => WriteSpan(samples);

    /// <summary>Appends <paramref name="count"/> samples per channel from <paramref name="channels"/>.</summary>
    internal void Write(ComplexF32[][] channels, int count)
    {
        for (int done = 0; done < count;)
        {
            int n = Math.Min(count - done, MaxBlockSampleCount);
            for (int c = 0; c < Metadata.ChannelCount; c++)
            {
                SigMfCodec.Encode<ComplexF32>(channels[c].AsSpan(done, n), Metadata.Datatype, Metadata.ChannelCount, c, _raw);
            }

            Flush(n);
            done += n;
        }
    }

    /// <summary>Adds an annotation (written on <see cref="Dispose"/>); not for the sample path.</summary>
    public void Annotate(SigMfAnnotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        _annotations.Add(annotation);
    }

    /// <summary>Flushes the data and writes the final metadata.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _data.Dispose();
        _annotations.Sort((a, b) => a.SampleStart.CompareTo(b.SampleStart));
        File.WriteAllText(SigMfMetadata.MetaPath(_basePath), (Metadata with { Annotations = _annotations }).ToJson());
    }

    private void WriteBlock<T>(SampleBlock<T> block)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(block);
        ThrowHelper.ThrowIfLengthDiffers(block.ChannelCount, Metadata.ChannelCount, "block.ChannelCount");
        for (int done = 0; done < block.Count;)
        {
            int n = Math.Min(block.Count - done, MaxBlockSampleCount);
            for (int c = 0; c < Metadata.ChannelCount; c++)
            {
                SigMfCodec.Encode<T>(block[c].Slice(done, n), Metadata.Datatype, Metadata.ChannelCount, c, _raw);
            }

            Flush(n);
            done += n;
        }
    }

    private void WriteSpan<T>(ReadOnlySpan<T> samples)
        where T : unmanaged
    {
        if (Metadata.ChannelCount != 1)
        {
            ThrowHelper.ThrowArgument(nameof(samples), $"the recording has {Metadata.ChannelCount} channels; write a SampleBlock.");
        }

        for (int done = 0; done < samples.Length;)
        {
            int n = Math.Min(samples.Length - done, MaxBlockSampleCount);
            SigMfCodec.Encode(samples.Slice(done, n), Metadata.Datatype, 1, 0, _raw);
            Flush(n);
            done += n;
        }
    }

    private void Flush(int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _data.Write(_raw.AsSpan(0, count * Metadata.BytesPerFrame));
        SampleCount += count;
    }
}
