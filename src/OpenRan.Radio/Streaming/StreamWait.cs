using System;
using System.Diagnostics;

namespace OpenRan.Radio.Streaming;

/// <summary>
/// A bounded back-off for ring waits: spins for the first microseconds, yields the core for up to
/// <see cref="IdleBackoff.YieldPhaseSeconds"/>, then sleeps 1 ms at a time until a deadline. No locks, no allocation,
/// so it is usable on the sample path; short waits (the usual case between two streaming threads) never sleep.
/// </summary>
public struct StreamWait
{
    private readonly long _deadlineTicks;
    private IdleBackoff _backoff;

    /// <summary>Starts a wait that gives up after <paramref name="timeout"/>.</summary>
    public StreamWait(TimeSpan timeout)
    {
        _deadlineTicks = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        _backoff = default;
    }

    /// <summary>Waits a little; returns false once the deadline has passed.</summary>
    public bool Pause()
    {
        if (Stopwatch.GetTimestamp() >= _deadlineTicks)
        {
            return false;
        }

        _backoff.Pause();
        return true;
    }
}
