using System;
using System.Diagnostics;

namespace OpenRan.Radio.Streaming;

/// <summary>
/// The timing of a stream call that waits on its ring: the caller sleeps on the ring's <see cref="Parker"/> (woken by
/// the driver thread's commit or release) until a deadline one stream timeout away, checking at least every
/// <see cref="PollInterval"/> whether the radio is stopping.
/// </summary>
internal static class StreamWait
{
    /// <summary>The longest sleep between two checks for a stopping radio.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    /// <summary>The <see cref="Stopwatch"/> timestamp <paramref name="timeout"/> from now.</summary>
    public static long Deadline(TimeSpan timeout) =>
        Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
}
