using System.Diagnostics;
using System.Threading;

namespace OpenRan.Radio.Streaming;

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
