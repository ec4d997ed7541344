using System;
using System.IO;
using OpenRan.Dsp;
using OpenRan.Radio.Streaming;

namespace OpenRan.Radio.SigMf;

/// <summary>
/// Reads the samples of a validated SigMF recording, per channel, as <see cref="ComplexF32"/> or
/// <see cref="ComplexI16"/>. Buffers are sized at open; reads do not allocate.
/// </summary>
public sealed class SigMfReader : IDisposable
{
    private readonly FileStream _data;
    private readonly byte[] _raw;

    private SigMfReader(string basePath, SigMfMetadata metadata, long sampleCount, int maxBlockSampleCount)
    {
        Metadata = metadata;
        SampleCount = sampleCount;
        MaxBlockSampleCount = maxBlockSampleCount;
        _raw = GC.AllocateUninitializedArray<byte>(maxBlockSampleCount * metadata.BytesPerFrame, pinned: true);
        _data = new FileStream(SigMfMetadata.DataPath(basePath), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    }

    /// <summary>The validated metadata.</summary>
    public SigMfMetadata Metadata { get; }

    /// <summary>Samples per channel in the recording.</summary>
    public long SampleCount { get; }

    /// <summary>The index of the next sample to read.</summary>
    public long Position { get; private set; }

    /// <summary>The most samples one read returns.</summary>
    public int MaxBlockSampleCount { get; }

    /// <summary>Opens and validates <c>BASE.sigmf-meta</c> and <c>BASE.sigmf-data</c>.</summary>
    /// <exception cref="SigMfFormatException">Malformed metadata or truncated data, with the reason.</exception>
    public static SigMfReader Open(string basePath, int maxBlockSampleCount = 65536)
    {
        ThrowHelper.ThrowIfOutside(maxBlockSampleCount, 1, 1 << 22);
        SigMfMetadata metadata = SigMfMetadata.Load(basePath, out long sampleCount);
        // The block buffer holds every channel of a sample time: keep it within one array (64 cf32 channels × 2^22 would not).
        ThrowHelper.ThrowIfOutside(maxBlockSampleCount, 1, Math.Min(1 << 22, (1 << 30) / metadata.BytesPerFrame));
        return new SigMfReader(basePath, metadata, sampleCount, maxBlockSampleCount);
    }

    /// <summary>Moves to sample <paramref name="sampleIndex"/> (0..<see cref="SampleCount"/>).</summary>
    public void Seek(long sampleIndex)
    {
        if (sampleIndex < 0 || sampleIndex > SampleCount)
        {
            ThrowHelper.ThrowOutOfRange(nameof(sampleIndex), sampleIndex, $"0..{SampleCount}");
        }

        _data.Position = sampleIndex * Metadata.BytesPerFrame;
        Position = sampleIndex;
    }

    /// <summary>Reads up to <paramref name="count"/> samples of every channel into <paramref name="block"/>; sets its count and timestamp (= sample index).</summary>
    public int Read(SampleBlock<ComplexF32> block, int count) => ReadBlock(block, count);

    /// <inheritdoc cref="Read(SampleBlock{ComplexF32}, int)"/>
    public int Read(SampleBlock<ComplexI16> block, int count) => ReadBlock(block, count);

    /// <summary>Reads up to <c>samples.Length</c> samples of a single-channel recording.</summary>
    public int Read(Span<ComplexF32> samples) => ReadSpan(samples);

    /// <inheritdoc cref="Read(Span{ComplexF32})"/>
    public int Read(Span<ComplexI16> samples) => ReadSpan(samples);

    /// <summary>Reads up to <paramref name="count"/> samples into a slot of a ring with the recording's channel count.</summary>
    internal int ReadInto<T>(SampleRing<T> ring, int slot, int count)
        where T : unmanaged
    {
        int n = Fill(count);
        for (int c = 0; c < Metadata.ChannelCount; c++)
        {
            SigMfCodec.Decode(_raw, Metadata.Datatype, Metadata.ChannelCount, c, ring.GetSlot(slot, c)[..n]);
        }

        return n;
    }

    /// <inheritdoc />
    public void Dispose() => _data.Dispose();

    private int ReadBlock<T>(SampleBlock<T> block, int count)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(block);
        ThrowHelper.ThrowIfLengthDiffers(block.ChannelCount, Metadata.ChannelCount, "block.ChannelCount");
        ThrowHelper.ThrowIfOutside(count, 0, block.Capacity);
        long first = Position;
        int n = Fill(count);
        for (int c = 0; c < Metadata.ChannelCount; c++)
        {
            SigMfCodec.Decode(_raw, Metadata.Datatype, Metadata.ChannelCount, c, block.GetCapacitySpan(c)[..n]);
        }

        block.Count = n;
        block.TimestampSamples = first;
        block.Flags = BurstFlags.None;
        return n;
    }

    private int ReadSpan<T>(Span<T> samples)
        where T : unmanaged
    {
        if (Metadata.ChannelCount != 1)
        {
            ThrowHelper.ThrowArgument(nameof(samples), $"the recording has {Metadata.ChannelCount} channels; read a SampleBlock.");
        }

        int done = 0;
        while (done < samples.Length)
        {
            int n = Fill(samples.Length - done);
            if (n == 0)
            {
                break;
            }

            SigMfCodec.Decode(_raw, Metadata.Datatype, 1, 0, samples.Slice(done, n));
            done += n;
        }

        return done;
    }

    private int Fill(int count)
    {
        int n = (int)Math.Min(Math.Min(count, MaxBlockSampleCount), SampleCount - Position);
        if (n <= 0)
        {
            return 0;
        }

        _data.ReadExactly(_raw.AsSpan(0, n * Metadata.BytesPerFrame));
        Position += n;
        return n;
    }
}
