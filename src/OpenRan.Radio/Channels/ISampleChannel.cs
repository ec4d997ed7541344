using System;
using OpenRan.Dsp;

namespace OpenRan.Radio.Channels;

/// <summary>
/// A propagation channel between one transmit and one receive channel of a virtual radio: the plug-in point for channel
/// models (the simulation project adapts its AWGN/TDL/CDL models to it). It sees every sample of the stream in
/// timestamp order, idle air as zeros, so stateful models (delay lines, fading) stay continuous.
/// </summary>
public interface ISampleChannel
{
    /// <summary>
    /// Computes the received samples for the transmitted samples <paramref name="tx"/> whose first sample has timestamp
    /// <paramref name="timestampSamples"/>. Must not allocate; <paramref name="tx"/> and <paramref name="rx"/> have
    /// equal length and do not overlap.
    /// </summary>
    void Apply(ReadOnlySpan<ComplexF32> tx, Span<ComplexF32> rx, long timestampSamples);

    /// <summary>Forgets all state (delay line, fading phase, noise generator position) as at construction.</summary>
    void Reset();
}
