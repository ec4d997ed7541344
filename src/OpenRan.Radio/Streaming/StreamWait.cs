using System;
using System.Diagnostics;
using System.Threading;

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

/// <summary>
/// The idle back-off of driver threads: spin, then yield, then sleep 1 ms, by time since the thread became idle.
/// <see cref="Reset"/> when work was done.
/// </summary>
public struct IdleBackoff
{
    /// <summary>How long an idle thread only spins, in seconds.</summary>
    public const double SpinPhaseSeconds = 20e-6;

    /// <summary>How long an idle thread yields its core before it starts sleeping, in seconds.</summary>
    public const double YieldPhaseSeconds = 2e-3;

    private long _idleSinceTicks;

    /// <summary>Marks progress: the next <see cref="Pause"/> starts a new idle period.</summary>
    public void Reset() => _idleSinceTicks = 0;

    /// <summary>Waits a little, longer the longer the thread has been idle.</summary>
    public void Pause()
    {
        long now = Stopwatch.GetTimestamp();
        if (_idleSinceTicks == 0)
        {
            _idleSinceTicks = now;
        }

        double idle = (now - _idleSinceTicks) / (double)Stopwatch.Frequency;
        if (idle < SpinPhaseSeconds)
        {
            Thread.SpinWait(20);
        }
        else if (idle < YieldPhaseSeconds)
        {
            Thread.Yield();
        }
        else
        {
            Thread.Sleep(1);
        }
    }
}
