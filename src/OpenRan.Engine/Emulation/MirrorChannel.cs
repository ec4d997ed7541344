using System;
using OpenRan.Dsp;
using OpenRan.Radio.Channels;

namespace OpenRan.Engine.Emulation;

/// <summary>A further receive antenna of the emulated UE's link (see <see cref="TestUeUplinkChannel.Mirror"/>).</summary>
internal sealed class MirrorChannel(TestUeUplinkChannel primary) : ISampleChannel
{
    /// <inheritdoc />
    public void Apply(ReadOnlySpan<ComplexF32> tx, Span<ComplexF32> rx, long timestampSamples) => primary.Mirror(rx, timestampSamples);

    /// <inheritdoc />
    public void Reset()
    {
    }
}
