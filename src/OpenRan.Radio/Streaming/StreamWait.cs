using System;
using System.Diagnostics;
using System.Threading;

namespace OpenRan.Radio.Streaming;

/// <summary>
/// A bounded back-off for ring waits: spins briefly, then yields, then sleeps 1 ms until a deadline. No locks, no
/// allocation, so it is usable on the sample path.
/// </summary>
public struct StreamWait
{
    private readonly long _deadlineTicks;
    private int _iteration;

    /// <summary>Starts a wait that gives up after <paramref name="timeout"/>.</summary>
    public StreamWait(TimeSpan timeout)
    {
        _deadlineTicks = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        _iteration = 0;
    }

    /// <summary>Waits a little; returns false once the deadline has passed.</summary>
    public bool Pause()
    {
        if (Stopwatch.GetTimestamp() >= _deadlineTicks)
        {
            return false;
        }

        int i = _iteration++;
        if (i < 16)
        {
            Thread.SpinWait(32 << Math.Min(i, 6));
        }
        else if (i < 32)
        {
            Thread.Yield();
        }
        else
        {
            Thread.Sleep(1);
        }

        return true;
    }
}
