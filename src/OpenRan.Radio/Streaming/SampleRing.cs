using System;
using System.Threading;
using OpenRan.Dsp;

namespace OpenRan.Radio.Streaming;

/// <summary>
/// A single-producer/single-consumer ring of fixed-size multi-channel sample blocks, allocated and pinned once, between
/// a driver thread and the caller. Each committed block carries its sample count, timestamp and burst flags, so a gap
/// in time (an overflow, a late block) survives the ring. Lock-free and allocation-free.
/// </summary>
/// <remarks>
/// The producer calls <see cref="TryAcquire"/>, writes into the slot and <see cref="Commit"/>s it; the consumer calls
/// <see cref="TryPeek"/>, reads and <see cref="Release"/>s it. Indices only grow; a volatile write of the producer's
/// index publishes the slot's samples and metadata (release semantics), the consumer's volatile read acquires them.
/// </remarks>
public abstract class SampleRing
{
    private readonly long[] _timestamps;
    private readonly int[] _counts;
    private readonly BurstFlags[] _flags;
    private long _writeIndex;
    private long _readIndex;
    private long _releasedSamples;
    private int _headConsumed;

    /// <summary>Sizes the ring metadata.</summary>
    protected SampleRing(int channelCount, int blockCapacity, int blockCount)
    {
        ThrowHelper.ThrowIfOutside(channelCount, 1, 64);
        ThrowHelper.ThrowIfOutside(blockCapacity, 1, 1 << 24);
        ThrowHelper.ThrowIfOutside(blockCount, 2, 1 << 16);
        ChannelCount = channelCount;
        BlockCapacity = blockCapacity;
        BlockCount = blockCount;
        _timestamps = new long[blockCount];
        _counts = new int[blockCount];
        _flags = new BurstFlags[blockCount];
    }

    /// <summary>Creates a ring whose samples are stored as <paramref name="format"/>.</summary>
    public static SampleRing Create(SampleFormat format, int channelCount, int blockCapacity, int blockCount) => format switch
    {
        SampleFormat.ComplexF32 => new SampleRing<ComplexF32>(channelCount, blockCapacity, blockCount),
        SampleFormat.ComplexI16 => new SampleRing<ComplexI16>(channelCount, blockCapacity, blockCount),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "valid: ComplexF32 | ComplexI16"),
    };

    /// <summary>The number of channels per block.</summary>
    public int ChannelCount { get; }

    /// <summary>Samples per channel a block holds.</summary>
    public int BlockCapacity { get; }

    /// <summary>The number of blocks.</summary>
    public int BlockCount { get; }

    /// <summary>The element type samples are stored as.</summary>
    public abstract SampleFormat Format { get; }

    /// <summary>
    /// Where the consumer sleeps while the ring is empty: signalled by every <see cref="Commit"/>. A consumer thread that
    /// waits on several sources may set its own parker here and have every source signal it.
    /// </summary>
    public Parker Consumer { get; set; } = new();

    /// <summary>Where the producer sleeps while the ring is full: signalled by every <see cref="Release"/> and <see cref="Discard"/>.</summary>
    public Parker Producer { get; set; } = new();

    /// <summary>Whether a committed block waits to be read (consumer side).</summary>
    public bool HasFilledBlock => Volatile.Read(ref _writeIndex) != _readIndex;

    /// <summary>Whether a slot is free to acquire (producer side).</summary>
    public bool HasFreeBlock => _writeIndex - Volatile.Read(ref _readIndex) < BlockCount;

    /// <summary>Committed blocks not yet released by the consumer.</summary>
    public int FilledBlockCount => (int)(Volatile.Read(ref _writeIndex) - Volatile.Read(ref _readIndex));

    /// <summary>Producer: gets the next free slot, or false when the ring is full.</summary>
    public bool TryAcquire(out int slot)
    {
        long write = _writeIndex;
        if (write - Volatile.Read(ref _readIndex) >= BlockCount)
        {
            slot = -1;
            return false;
        }

        slot = (int)(write % BlockCount);
        return true;
    }

    /// <summary>Producer: publishes the acquired slot with its first <paramref name="count"/> samples per channel.</summary>
    public void Commit(int slot, int count, long timestampSamples, BurstFlags flags)
    {
        _counts[slot] = count;
        _timestamps[slot] = timestampSamples;
        _flags[slot] = flags;
        Volatile.Write(ref _writeIndex, _writeIndex + 1);
        Consumer.Signal();
    }

    /// <summary>Consumer: the oldest committed block, or false when the ring is empty.</summary>
    public bool TryPeek(out int slot, out int count, out long timestampSamples, out BurstFlags flags)
    {
        long read = _readIndex;
        if (Volatile.Read(ref _writeIndex) == read)
        {
            slot = -1;
            count = 0;
            timestampSamples = 0;
            flags = BurstFlags.None;
            return false;
        }

        slot = (int)(read % BlockCount);
        count = _counts[slot];
        timestampSamples = _timestamps[slot];
        flags = _flags[slot];
        return true;
    }

    /// <summary>Consumer: samples per channel of every block released so far (since the last <see cref="Reset"/>).</summary>
    public long ReleasedSampleCount => Volatile.Read(ref _releasedSamples);

    /// <summary>Consumer: returns the peeked block to the producer.</summary>
    public void Release()
    {
        Volatile.Write(ref _releasedSamples, _releasedSamples + _counts[(int)(_readIndex % BlockCount)]);
        _headConsumed = 0;
        Volatile.Write(ref _readIndex, _readIndex + 1);
        Producer.Signal();
    }

    /// <summary>
    /// Consumer: records that the first <paramref name="samples"/> of the peeked block were already taken (a partial
    /// read of a block), so that <see cref="Discard"/> counts only what is left of it.
    /// </summary>
    public void SetHeadConsumed(int samples) => _headConsumed = samples;

    /// <summary>
    /// Consumer, once it has stopped: releases every committed block without reading it and returns how many samples
    /// per channel they held (for example the unsent tail of a transmit ring, to be counted as dropped).
    /// </summary>
    public long Discard(out long firstTimestampSamples)
    {
        long samples = 0;
        firstTimestampSamples = -1;
        while (TryPeek(out _, out int count, out long timestamp, out _))
        {
            int consumed = Math.Min(_headConsumed, count);
            if (firstTimestampSamples < 0)
            {
                firstTimestampSamples = timestamp + consumed;
            }

            samples += count - consumed;
            _headConsumed = 0;
            Volatile.Write(ref _readIndex, _readIndex + 1);
        }

        Producer.Signal();
        return samples;
    }

    /// <summary>Empties the ring; call only while neither side runs.</summary>
    public void Reset()
    {
        Volatile.Write(ref _readIndex, 0);
        Volatile.Write(ref _writeIndex, 0);
        Volatile.Write(ref _releasedSamples, 0);
        _headConsumed = 0;
    }

    /// <summary>Writes (converting) <paramref name="samples"/> into channel <paramref name="channel"/> of <paramref name="slot"/> at <paramref name="offset"/>.</summary>
    public abstract void Write(int slot, int channel, int offset, ReadOnlySpan<ComplexF32> samples);

    /// <inheritdoc cref="Write(int, int, int, ReadOnlySpan{ComplexF32})"/>
    public abstract void Write(int slot, int channel, int offset, ReadOnlySpan<ComplexI16> samples);

    /// <summary>Writes <paramref name="count"/> zeros into channel <paramref name="channel"/> of <paramref name="slot"/> at <paramref name="offset"/>.</summary>
    public abstract void Clear(int slot, int channel, int offset, int count);

    /// <summary>Reads (converting) samples of channel <paramref name="channel"/> of <paramref name="slot"/> from <paramref name="offset"/> into <paramref name="destination"/>.</summary>
    public abstract void Read(int slot, int channel, int offset, Span<ComplexF32> destination);

    /// <summary>The address of slot <paramref name="slot"/> of <paramref name="channel"/> (the storage is pinned for the ring's lifetime), for native drivers that read or write in place.</summary>
    public abstract IntPtr GetSlotAddress(int slot, int channel);

    /// <inheritdoc cref="Read(int, int, int, Span{ComplexF32})"/>
    public abstract void Read(int slot, int channel, int offset, Span<ComplexI16> destination);
}

/// <summary>A <see cref="SampleRing"/> storing <typeparamref name="T"/>: one pinned array per channel.</summary>
/// <typeparam name="T"><see cref="ComplexF32"/> or <see cref="ComplexI16"/>.</typeparam>
public sealed class SampleRing<T> : SampleRing
    where T : unmanaged
{
    private readonly T[][] _channels;

    /// <summary>Allocates <paramref name="blockCount"/> blocks of <paramref name="channelCount"/> × <paramref name="blockCapacity"/> samples.</summary>
    public SampleRing(int channelCount, int blockCapacity, int blockCount)
        : base(channelCount, blockCapacity, blockCount)
    {
        Format = SampleConvert.FormatOf<T>();
        _channels = new T[channelCount][];
        for (int c = 0; c < channelCount; c++)
        {
            _channels[c] = GC.AllocateArray<T>(checked(blockCapacity * blockCount), pinned: true);
        }
    }

    /// <inheritdoc />
    public override SampleFormat Format { get; }

    /// <summary>The whole slot <paramref name="slot"/> of <paramref name="channel"/> (for producers writing in place).</summary>
    public Span<T> GetSlot(int slot, int channel) => _channels[channel].AsSpan(slot * BlockCapacity, BlockCapacity);

    /// <inheritdoc />
    public override void Write(int slot, int channel, int offset, ReadOnlySpan<ComplexF32> samples) =>
        SampleConvert.Copy(samples, GetSlot(slot, channel).Slice(offset, samples.Length));

    /// <inheritdoc />
    public override void Write(int slot, int channel, int offset, ReadOnlySpan<ComplexI16> samples) =>
        SampleConvert.Copy(samples, GetSlot(slot, channel).Slice(offset, samples.Length));

    /// <inheritdoc />
    public override unsafe IntPtr GetSlotAddress(int slot, int channel) =>
        (IntPtr)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(GetSlot(slot, channel)));

    /// <inheritdoc />
    public override void Clear(int slot, int channel, int offset, int count) => GetSlot(slot, channel).Slice(offset, count).Clear();

    /// <inheritdoc />
    public override void Read(int slot, int channel, int offset, Span<ComplexF32> destination) =>
        SampleConvert.Copy<T, ComplexF32>(GetSlot(slot, channel).Slice(offset, destination.Length), destination);

    /// <inheritdoc />
    public override void Read(int slot, int channel, int offset, Span<ComplexI16> destination) =>
        SampleConvert.Copy<T, ComplexI16>(GetSlot(slot, channel).Slice(offset, destination.Length), destination);
}
