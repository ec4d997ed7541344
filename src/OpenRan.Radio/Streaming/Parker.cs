using System;
using System.Diagnostics;
using System.Threading;

namespace OpenRan.Radio.Streaming;

/// <summary>
/// Lets one thread wait for a condition that other threads make true without a lock on the data path: the waiter spins
/// briefly, then announces that it sleeps and blocks on a semaphore; a signaller releases it only when it announced so.
/// Hand-off of the data itself stays in the lock-free rings and queues; this only wakes an idle thread, so a waiting
/// thread costs no CPU (a spinning or yielding one takes its fair share of a core from the threads doing the work).
/// One waiter at a time; any number of signallers. Allocation-free.
/// </summary>
public sealed class Parker : IDisposable
{
    private const int SpinIterations = 64;
    private readonly SemaphoreSlim _semaphore = new(0, int.MaxValue);
    private int _sleeping;

    /// <summary>Waits until <paramref name="condition"/> holds (checked before sleeping, so no signal is lost).</summary>
    /// <param name="condition">The condition; it must become true only together with a <see cref="Signal"/>, or within a poll interval.</param>
    /// <param name="state">The condition's argument (no closure, no allocation).</param>
    /// <param name="pollInterval">The longest sleep between two checks of the condition.</param>
    public void WaitUntil<TState>(Func<TState, bool> condition, TState state, TimeSpan pollInterval) =>
        WaitUntil(condition, state, pollInterval, long.MaxValue);

    /// <summary>
    /// Waits until <paramref name="condition"/> holds or the <see cref="Stopwatch"/> timestamp
    /// <paramref name="deadlineTicks"/> has passed; returns whether the condition holds.
    /// </summary>
    public bool WaitUntil<TState>(Func<TState, bool> condition, TState state, TimeSpan pollInterval, long deadlineTicks)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var spin = default(SpinWait);
        for (int i = 0; i < SpinIterations; i++)
        {
            if (condition(state))
            {
                return true;
            }

            spin.SpinOnce(sleep1Threshold: -1);
        }

        while (!condition(state))
        {
            long now = Stopwatch.GetTimestamp();
            if (now >= deadlineTicks)
            {
                return false;
            }

            Volatile.Write(ref _sleeping, 1);
            Interlocked.MemoryBarrier();
            if (condition(state))
            {
                Volatile.Write(ref _sleeping, 0);
                return true;
            }

            TimeSpan sleep = pollInterval;
            if (deadlineTicks != long.MaxValue)
            {
                TimeSpan left = TimeSpan.FromSeconds((deadlineTicks - now) / (double)Stopwatch.Frequency);
                sleep = left < sleep ? left : sleep;
            }

            _semaphore.Wait(sleep);
            Volatile.Write(ref _sleeping, 0);
        }

        return true;
    }

    /// <summary>Wakes the waiter if it sleeps (cheap when it does not: a fence and a read).</summary>
    public void Signal()
    {
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _sleeping) == 1 && Interlocked.Exchange(ref _sleeping, 0) == 1)
        {
            _semaphore.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _semaphore.Dispose();
}
