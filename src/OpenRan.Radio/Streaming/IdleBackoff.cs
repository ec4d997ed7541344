using System.Diagnostics;
using System.Threading;

namespace OpenRan.Radio.Streaming;

/// <summary>
/// The idle back-off of driver threads that poll (the ZMQ radio's socket threads): spin, then yield, then sleep in short
/// steps, by time since the thread became idle. <see cref="Reset"/> when work was done. The yield phase is short: a
/// thread that yields is still runnable and takes its fair share of a core from the threads doing the slot's work.
/// </summary>
public struct IdleBackoff
{
    /// <summary>How long an idle thread only spins, in seconds.</summary>
    public const double SpinPhaseSeconds = 20e-6;

    /// <summary>How long an idle thread yields its core before it starts sleeping, in seconds.</summary>
    public const double YieldPhaseSeconds = 200e-6;

    /// <summary>How long each sleep of an idle thread lasts, in seconds (plus the timer slack, about 50 µs on Linux).</summary>
    public const double SleepStepSeconds = 100e-6;

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
            PreciseSleep.For(SleepStepSeconds);
        }
    }
}
