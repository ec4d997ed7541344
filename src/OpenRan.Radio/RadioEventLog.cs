using System.Threading;

namespace OpenRan.Radio;

/// <summary>
/// The event log of a radio: exact counters per <see cref="RadioEventKind"/> plus a bounded, preallocated, lock-free
/// queue of <see cref="RadioEvent"/> records that a non-real-time thread drains with <see cref="TryRead"/> (or through a
/// <see cref="RadioEventMonitor"/>). <see cref="Report"/> never allocates, locks or throws, so drivers call it from the
/// sample path and from native callbacks.
/// </summary>
/// <remarks>
/// The queue is Dmitry Vyukov's bounded multi-producer queue (a sequence number per cell); any number of threads may
/// report, one thread reads.
/// </remarks>
public sealed class RadioEventLog
{
    private const int KindCount = 6;
    private readonly long[] _counts = new long[KindCount];
    private readonly long[] _samples = new long[KindCount];
    private readonly Cell[] _cells;
    private readonly long _mask;
    private long _enqueuePosition;
    private long _dequeuePosition;
    private long _lostRecords;
    private long _sequence;

    /// <summary>Creates a log holding up to <paramref name="capacity"/> undrained records (rounded up to a power of two, 16..65536).</summary>
    public RadioEventLog(int capacity = 1024)
    {
        Dsp.ThrowHelper.ThrowIfOutside(capacity, 16, 65536);
        int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity);
        _cells = new Cell[size];
        for (int i = 0; i < size; i++)
        {
            _cells[i].Sequence = i;
        }

        _mask = size - 1;
    }

    /// <summary>Counts an event and queues its record (dropping the record, never the count, when the queue is full).</summary>
    public void Report(RadioEventKind kind, StreamDirection direction, int channel, long timestampSamples, long sampleCount)
    {
        Interlocked.Increment(ref _counts[(int)kind]);
        if (sampleCount > 0)
        {
            Interlocked.Add(ref _samples[(int)kind], sampleCount);
        }

        long sequence = Interlocked.Increment(ref _sequence) - 1;
        var record = new RadioEvent(kind, direction, channel, timestampSamples, sampleCount, sequence);
        long position = Volatile.Read(ref _enqueuePosition);
        while (true)
        {
            ref Cell cell = ref _cells[position & _mask];
            long cellSequence = Volatile.Read(ref cell.Sequence);
            long difference = cellSequence - position;
            if (difference == 0)
            {
                if (Interlocked.CompareExchange(ref _enqueuePosition, position + 1, position) == position)
                {
                    cell.Value = record;
                    Volatile.Write(ref cell.Sequence, position + 1);
                    return;
                }

                position = Volatile.Read(ref _enqueuePosition);
            }
            else if (difference < 0)
            {
                Interlocked.Increment(ref _lostRecords);
                return;
            }
            else
            {
                position = Volatile.Read(ref _enqueuePosition);
            }
        }
    }

    /// <summary>Takes the oldest undrained record; single reader only.</summary>
    public bool TryRead(out RadioEvent radioEvent)
    {
        long position = _dequeuePosition;
        ref Cell cell = ref _cells[position & _mask];
        if (Volatile.Read(ref cell.Sequence) != position + 1)
        {
            radioEvent = default;
            return false;
        }

        radioEvent = cell.Value;
        Volatile.Write(ref cell.Sequence, position + _mask + 1);
        _dequeuePosition = position + 1;
        return true;
    }

    /// <summary>The number of events of <paramref name="kind"/> so far.</summary>
    public long Count(RadioEventKind kind) => Volatile.Read(ref _counts[(int)kind]);

    /// <summary>The sum of the sample counts reported with events of <paramref name="kind"/> so far.</summary>
    public long SampleCount(RadioEventKind kind) => Volatile.Read(ref _samples[(int)kind]);

    /// <summary>All counters at once.</summary>
    public RadioEventCounters Snapshot() => new(
        Count(RadioEventKind.Late),
        Count(RadioEventKind.Underflow),
        Count(RadioEventKind.Overflow),
        Count(RadioEventKind.Dropped),
        Count(RadioEventKind.Disconnected),
        Volatile.Read(ref _lostRecords))
    {
        Stalled = Count(RadioEventKind.Stalled),
        LostSamples = SampleCount(RadioEventKind.Late) + SampleCount(RadioEventKind.Overflow) + SampleCount(RadioEventKind.Dropped),
    };

    private struct Cell
    {
        public long Sequence;
        public RadioEvent Value;
    }
}
