using System;
using OpenRan.Dsp;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// Fills <paramref name="destination"/> with the next samples of a stream (a radio's receive channel) for
/// <see cref="UeDownlinkReceiver.DecodeStream"/>; returns how many it wrote, 0 when the stream has ended.
/// </summary>
public delegate int UeSampleReader(Span<ComplexF32> destination);
