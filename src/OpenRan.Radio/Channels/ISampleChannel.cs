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

/// <summary>Creates <see cref="ISampleChannel"/>s by model name for the loopback driver (<c>model=NAME</c>).</summary>
public interface ISampleChannelProvider
{
    /// <summary>The model name.</summary>
    string Name { get; }

    /// <summary>The driver arguments the model reads (validated by the loopback driver).</summary>
    System.Collections.Generic.IReadOnlyList<RadioArgumentSpec> Arguments { get; }

    /// <summary>Validates the model's arguments (throws <see cref="ArgumentException"/> naming a bad one).</summary>
    void Validate(RadioArguments arguments);

    /// <summary>Creates the channel from transmit channel <paramref name="txChannel"/> to receive channel <paramref name="rxChannel"/>.</summary>
    ISampleChannel Create(RadioArguments arguments, int txChannel, int rxChannel, double sampleRateHz);
}

/// <summary>The identity channel: rx[i] = tx[i].</summary>
public sealed class IdealChannel : ISampleChannel
{
    /// <inheritdoc />
    public void Apply(ReadOnlySpan<ComplexF32> tx, Span<ComplexF32> rx, long timestampSamples)
    {
        ThrowHelper.ThrowIfLengthDiffers(rx.Length, tx.Length, nameof(rx));
        tx.CopyTo(rx);
    }

    /// <inheritdoc />
    public void Reset()
    {
    }
}
