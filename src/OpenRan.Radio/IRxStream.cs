using System;
using OpenRan.Dsp;
using OpenRan.Radio.Streaming;

namespace OpenRan.Radio;

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
