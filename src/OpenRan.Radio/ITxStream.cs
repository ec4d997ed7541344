using System;
using OpenRan.Dsp;
using OpenRan.Radio.Streaming;

namespace OpenRan.Radio;

/// <summary>
/// A transmit stream. Writes queue samples for transmission at a timestamp; they block only while the ring is full and
/// count samples they could not queue within the stream timeout as <see cref="RadioEventKind.Dropped"/>.
/// </summary>
public interface ITxStream
{
    /// <summary>The number of channels.</summary>
    int ChannelCount { get; }

    /// <summary>The element type samples are buffered in.</summary>
    SampleFormat Format { get; }

    /// <summary>Blocks queued and not yet taken by the driver (0 when everything written has gone to the device or wire).</summary>
    int QueuedBlockCount { get; }

    /// <summary>
    /// Samples per channel that really left through this stream since the start: handed to the device, written to the
    /// file, or (ZMQ) sent to the peer in answer to its requests. Zero padding is not counted; samples dropped as late,
    /// or still queued when the radio stopped (counted as <see cref="RadioEventKind.Dropped"/>), are not included.
    /// </summary>
    long DeliveredSampleCount { get; }

    /// <summary>Queues the samples of a single-channel stream for transmission at <paramref name="timestampSamples"/>.</summary>
    /// <param name="samples">The samples.</param>
    /// <param name="timestampSamples">The timestamp of <c>samples[0]</c>; advanced by the number of samples queued.</param>
    /// <param name="flags">Burst flags: start applies to the first sample, end to the last.</param>
    /// <returns>The number of samples queued.</returns>
    int Write(ReadOnlySpan<ComplexF32> samples, ref long timestampSamples, BurstFlags flags = BurstFlags.None);

    /// <inheritdoc cref="Write(ReadOnlySpan{ComplexF32}, ref long, BurstFlags)"/>
    int Write(ReadOnlySpan<ComplexI16> samples, ref long timestampSamples, BurstFlags flags = BurstFlags.None);

    /// <summary>Queues <c>block.Count</c> samples of every channel for transmission at the block's timestamp with its flags.</summary>
    int Write(SampleBlock<ComplexF32> block);

    /// <inheritdoc cref="Write(SampleBlock{ComplexF32})"/>
    int Write(SampleBlock<ComplexI16> block);
}
