using System;
using OpenRan.Dsp;

namespace OpenRan.Radio.Streaming;

/// <summary>
/// The driver's side of a transmit ring for radios that must emit a continuous sample stream (virtual radios, USB
/// radios): produces the samples for timestamps <see cref="Clock"/>, <see cref="Clock"/>+1, … from the queued blocks,
/// with zeros where no block covers a timestamp, drops (and reports as <see cref="RadioEventKind.Late"/>) samples whose
/// time has passed, and reports an <see cref="RadioEventKind.Underflow"/> when a running stream or burst runs dry.
/// Allocation-free.
/// </summary>
public sealed class TxRingReader
{
    private readonly SampleRing _ring;
    private readonly RadioEventLog _events;
    private int _offset;
    private bool _flowing;
    private bool _underflowReported;

    /// <summary>Reads <paramref name="ring"/>, reporting into <paramref name="events"/>.</summary>
    public TxRingReader(SampleRing ring, RadioEventLog events)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(events);
        _ring = ring;
        _events = events;
    }

    /// <summary>The timestamp of the next sample to emit (the number of samples emitted since time zero).</summary>
    public long Clock { get; private set; }

    /// <summary>Samples per channel emitted from queued blocks since the last <see cref="Reset"/> (zero padding and late samples excluded).</summary>
    public long PayloadSampleCount { get; private set; }

    /// <summary>Restarts at <paramref name="clock"/>; call while the producer is idle.</summary>
    public void Reset(long clock)
    {
        Clock = clock;
        PayloadSampleCount = 0;
        _offset = 0;
        _flowing = false;
        _underflowReported = false;
    }

    /// <summary>Whether a queued block is waiting.</summary>
    public bool HasQueuedSamples => _ring.FilledBlockCount > 0;

    /// <summary>
    /// Emits up to <paramref name="maxCount"/> samples per channel into <c>destination[c][0..]</c>, starting at
    /// <see cref="Clock"/>: queued samples, zeros before a queued block, and, with nothing queued, zeros up to
    /// <paramref name="padTarget"/> (exclusive). Returns how many samples were emitted (0 when nothing is due).
    /// </summary>
    public int Emit(ComplexF32[][] destination, int maxCount, long padTarget)
    {
        ArgumentNullException.ThrowIfNull(destination);
        int done = 0;
        while (done < maxCount)
        {
            if (_ring.TryPeek(out int slot, out int blockCount, out long blockTimestamp, out BurstFlags flags))
            {
                long position = blockTimestamp + _offset;
                if (blockCount == 0)
                {
                    // An empty block only carries burst flags.
                    _flowing = (flags & BurstFlags.EndOfBurst) == 0 && (_flowing || (flags & BurstFlags.StartOfBurst) != 0);
                    _ring.Release();
                    continue;
                }

                if (position < Clock)
                {
                    int late = (int)Math.Min(Clock - position, blockCount - _offset);
                    _events.Report(RadioEventKind.Late, StreamDirection.Transmit, -1, position, late);
                    Advance(late, blockCount, flags);
                    continue;
                }

                if (position > Clock)
                {
                    int gap = (int)Math.Min(position - Clock, maxCount - done);
                    ReportUnderflowOnce();
                    Zero(destination, done, gap);
                    done += gap;
                    Clock += gap;
                    continue;
                }

                int take = Math.Min(blockCount - _offset, maxCount - done);
                for (int c = 0; c < _ring.ChannelCount; c++)
                {
                    _ring.Read(slot, c, _offset, destination[c].AsSpan(done, take));
                }

                _flowing = true;
                _underflowReported = false;
                done += take;
                Clock += take;
                PayloadSampleCount += take;
                Advance(take, blockCount, flags);
            }
            else
            {
                if (padTarget <= Clock)
                {
                    break;
                }

                int pad = (int)Math.Min(padTarget - Clock, maxCount - done);
                ReportUnderflowOnce();
                Zero(destination, done, pad);
                done += pad;
                Clock += pad;
            }
        }

        return done;
    }

    private void Advance(int count, int blockCount, BurstFlags flags)
    {
        _offset += count;
        _ring.SetHeadConsumed(_offset);
        if (_offset == blockCount)
        {
            if ((flags & BurstFlags.EndOfBurst) != 0)
            {
                _flowing = false;
            }

            _ring.Release();
            _offset = 0;
        }
    }

    private void ReportUnderflowOnce()
    {
        if (_flowing && !_underflowReported)
        {
            _events.Report(RadioEventKind.Underflow, StreamDirection.Transmit, -1, Clock, 0);
            _underflowReported = true;
        }
    }

    private void Zero(ComplexF32[][] destination, int offset, int count)
    {
        for (int c = 0; c < _ring.ChannelCount; c++)
        {
            destination[c].AsSpan(offset, count).Clear();
        }
    }
}
