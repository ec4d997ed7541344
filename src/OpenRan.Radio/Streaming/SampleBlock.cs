using System;
using OpenRan.Dsp;

namespace OpenRan.Radio.Streaming;

/// <summary>
/// A preallocated multi-channel block of samples with its timestamp and burst flags: the unit callers read from an
/// <see cref="IRxStream"/> and write to an <see cref="ITxStream"/> when they use more than one channel.
/// </summary>
/// <typeparam name="T"><see cref="ComplexF32"/> or <see cref="ComplexI16"/>.</typeparam>
/// <remarks>Each channel is a pinned array of <see cref="Capacity"/> samples, allocated once.</remarks>
public sealed class SampleBlock<T>
    where T : unmanaged
{
    private readonly T[][] _channels;
    private int _count;

    /// <summary>Allocates <paramref name="channelCount"/> (1..64) pinned channels of <paramref name="capacity"/> (1..2^24) samples.</summary>
    public SampleBlock(int channelCount, int capacity)
    {
        _ = SampleConvert.FormatOf<T>();
        ThrowHelper.ThrowIfOutside(channelCount, 1, 64);
        ThrowHelper.ThrowIfOutside(capacity, 1, 1 << 24);
        _channels = new T[channelCount][];
        for (int c = 0; c < channelCount; c++)
        {
            _channels[c] = GC.AllocateArray<T>(capacity, pinned: true);
        }

        Capacity = capacity;
        _count = capacity;
    }

    /// <summary>The number of channels.</summary>
    public int ChannelCount => _channels.Length;

    /// <summary>The number of samples each channel can hold.</summary>
    public int Capacity { get; }

    /// <summary>The number of valid samples per channel (0..<see cref="Capacity"/>).</summary>
    public int Count
    {
        get => _count;
        set
        {
            if ((uint)value > (uint)Capacity)
            {
                ThrowHelper.ThrowOutOfRange(nameof(Count), value, $"0..{Capacity}");
            }

            _count = value;
        }
    }

    /// <summary>The timestamp of the first sample, in samples since the radio's time zero.</summary>
    public long TimestampSamples { get; set; }

    /// <summary>Burst start and end flags.</summary>
    public BurstFlags Flags { get; set; }

    /// <summary>The <see cref="Count"/> valid samples of <paramref name="channel"/>.</summary>
    public Span<T> this[int channel] => _channels[channel].AsSpan(0, _count);

    /// <summary>The whole <see cref="Capacity"/> of <paramref name="channel"/>.</summary>
    public Span<T> GetCapacitySpan(int channel) => _channels[channel];
}
