using System;
using OpenRan.Dsp;
using OpenRan.Radio.Streaming;

namespace OpenRan.Radio;

/// <summary>
/// A radio: control (<see cref="Management"/>) separated from the sample streams (<see cref="Rx"/>, <see cref="Tx"/>),
/// with counted events (<see cref="Events"/>) and an explicit lifecycle
/// <c>Open (driver) → Configure → Start(at) → Stop → Dispose</c>.
/// </summary>
public interface IRadio : IDisposable
{
    /// <summary>What the radio can do.</summary>
    RadioCapabilities Capabilities { get; }

    /// <summary>A human-readable description of the opened device, for logs.</summary>
    string Label { get; }

    /// <summary>The lifecycle state.</summary>
    RadioState State { get; }

    /// <summary>Counters and the drained log of Late, Underflow, Overflow, Dropped and Disconnected events.</summary>
    RadioEventLog Events { get; }

    /// <summary>Slow control: tune, gains, rate, clock and time source.</summary>
    IRadioManagement Management { get; }

    /// <summary>Validates <paramref name="configuration"/> against <see cref="Capabilities"/> and allocates the stream buffers. Not while streaming.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it and its valid range.</exception>
    void Configure(RadioConfiguration configuration);

    /// <summary>Starts streaming; the first received sample has timestamp <paramref name="atTimestampSamples"/> (earlier samples are discarded).</summary>
    void Start(long atTimestampSamples = 0);

    /// <summary>Stops streaming; blocked reads and writes return. Idempotent.</summary>
    void Stop();

    /// <summary>The receive stream (after <see cref="Configure"/> with at least one receive channel).</summary>
    IRxStream Rx { get; }

    /// <summary>The transmit stream (after <see cref="Configure"/> with at least one transmit channel).</summary>
    ITxStream Tx { get; }
}

/// <summary>
/// The control plane of a radio (srsRAN's <c>radio_management_plane</c>): may be slow, may touch hardware, validates
/// every value against the radio's capabilities and throws <see cref="ArgumentException"/> naming what is out of range.
/// </summary>
public interface IRadioManagement
{
    /// <summary>The current configuration including every change made through this interface.</summary>
    RadioConfiguration Configuration { get; }

    /// <summary>Sets the sample rate (not while streaming).</summary>
    void SetSampleRate(double sampleRateHz);

    /// <summary>Tunes the receive or transmit centre frequency.</summary>
    void SetCenterFrequency(StreamDirection direction, double centerFrequencyHz);

    /// <summary>Sets the receive or transmit gain.</summary>
    void SetGain(StreamDirection direction, double gainDb);

    /// <summary>Sets the analogue filter bandwidth.</summary>
    void SetBandwidth(double bandwidthHz);

    /// <summary>Selects the reference clock source (not while streaming).</summary>
    void SetClockSource(string clockSource);

    /// <summary>Selects the time source (not while streaming).</summary>
    void SetTimeSource(string timeSource);

    /// <summary>Sets the TX/RX time alignment offset that applies at <paramref name="sampleRateHz"/> (not while streaming).</summary>
    void SetTimeAlignment(double sampleRateHz, int offsetSamples);
}

/// <summary>
/// A receive stream. Reads block until the requested samples arrived, the stream timeout passed, the radio stopped or a
/// gap in timestamps was reached; they return the number of samples read per channel and never throw for those outcomes.
/// </summary>
public interface IRxStream
{
    /// <summary>The number of channels.</summary>
    int ChannelCount { get; }

    /// <summary>The element type samples are buffered in.</summary>
    SampleFormat Format { get; }

    /// <summary>Reads up to <c>samples.Length</c> contiguous samples of a single-channel stream.</summary>
    /// <param name="samples">Receives the samples.</param>
    /// <param name="timestampSamples">Receives the timestamp of <c>samples[0]</c>.</param>
    /// <returns>The number of samples read; fewer at a timestamp gap, on timeout or after stop.</returns>
    int Read(Span<ComplexF32> samples, ref long timestampSamples);

    /// <inheritdoc cref="Read(Span{ComplexF32}, ref long)"/>
    int Read(Span<ComplexI16> samples, ref long timestampSamples);

    /// <summary>Reads up to <paramref name="count"/> contiguous samples of every channel into <paramref name="block"/>, setting its count, timestamp and flags.</summary>
    int Read(SampleBlock<ComplexF32> block, int count);

    /// <inheritdoc cref="Read(SampleBlock{ComplexF32}, int)"/>
    int Read(SampleBlock<ComplexI16> block, int count);
}

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
