using System;
using System.Threading;

namespace OpenRan.Engine.Runtime;

/// <summary>
/// Lets one thread wait for a condition that other threads make true without a lock on the data path: the waiter spins
/// briefly, then announces that it sleeps and blocks on a semaphore; a signaller releases it only when it announced so.
/// Hand-off of the data itself stays in the lock-free queues; this only wakes an idle thread. Allocation-free.
/// </summary>
internal sealed class Parker : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, int.MaxValue);
    private int _sleeping;

    /// <summary>Waits until <paramref name="condition"/> holds (checked before sleeping, so no signal is lost).</summary>
    public void WaitUntil<TState>(Func<TState, bool> condition, TState state, TimeSpan pollInterval)
    {
        var spin = default(SpinWait);
        for (int i = 0; i < 64; i++)
        {
            if (condition(state))
            {
                return;
            }

            spin.SpinOnce(sleep1Threshold: -1);
        }

        while (!condition(state))
        {
            Volatile.Write(ref _sleeping, 1);
            Interlocked.MemoryBarrier();
            if (condition(state))
            {
                Volatile.Write(ref _sleeping, 0);
                return;
            }

            _semaphore.Wait(pollInterval);
            Volatile.Write(ref _sleeping, 0);
        }
    }

    /// <summary>Wakes the waiter if it sleeps.</summary>
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
