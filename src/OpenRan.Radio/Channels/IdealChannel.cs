using System;
using OpenRan.Dsp;

namespace OpenRan.Radio.Channels;

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
