using System;
using System.Collections.Generic;
using System.Threading;

namespace OpenRan.Radio;

/// <summary>
/// Makes a <see cref="RadioEventLog"/> observable: a background thread drains the log every
/// <c>pollInterval</c> and hands each record to the subscribed observers, off the sample path.
/// </summary>
public sealed class RadioEventMonitor : IObservable<RadioEvent>, IDisposable
{
    private readonly RadioEventLog _log;
    private readonly List<IObserver<RadioEvent>> _observers = [];
    private readonly Lock _gate = new();
    private readonly Thread _thread;
    private readonly TimeSpan _pollInterval;
    private readonly ManualResetEventSlim _stop = new(false);

    /// <summary>Starts draining <paramref name="log"/> every <paramref name="pollInterval"/> (1 ms..10 s).</summary>
    public RadioEventMonitor(RadioEventLog log, TimeSpan pollInterval)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (pollInterval < TimeSpan.FromMilliseconds(1) || pollInterval > TimeSpan.FromSeconds(10))
        {
            Dsp.ThrowHelper.ThrowOutOfRange(nameof(pollInterval), pollInterval, "1 ms..10 s");
        }

        _log = log;
        _pollInterval = pollInterval;
        _thread = new Thread(Run) { IsBackground = true, Name = "radio events" };
        _thread.Start();
    }

    /// <inheritdoc />
    public IDisposable Subscribe(IObserver<RadioEvent> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_gate)
        {
            _observers.Add(observer);
        }

        return new Subscription(this, observer);
    }

    /// <summary>Stops the thread after a last drain and completes every observer.</summary>
    public void Dispose()
    {
        if (_stop.IsSet)
        {
            return;
        }

        _stop.Set();
        _thread.Join();
        IObserver<RadioEvent>[] observers;
        lock (_gate)
        {
            observers = [.. _observers];
            _observers.Clear();
        }

        foreach (IObserver<RadioEvent> observer in observers)
        {
            observer.OnCompleted();
        }

        _stop.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            bool stopping = _stop.Wait(_pollInterval);
            Drain();
            if (stopping)
            {
                return;
            }
        }
    }

    private void Drain()
    {
        while (_log.TryRead(out RadioEvent e))
        {
            lock (_gate)
            {
                foreach (IObserver<RadioEvent> observer in _observers)
                {
                    observer.OnNext(e);
                }
            }
        }
    }

    private sealed class Subscription(RadioEventMonitor owner, IObserver<RadioEvent> observer) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._observers.Remove(observer);
            }
        }
    }
}
