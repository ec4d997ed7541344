using System;
using OpenRan.Dsp;

namespace OpenRan.Radio.Streaming;

/// <summary>
/// The caller's side of a transmit ring: splits writes into ring blocks (converting), stamps each with its timestamp
/// less the configured time alignment offset, and marks burst start and end on the first and last block.
/// </summary>
internal sealed class TxStream : ITxStream
{
    private readonly RadioBase _owner;
    private readonly SampleRing _ring;

    public TxStream(RadioBase owner, SampleRing ring)
    {
        _owner = owner;
        _ring = ring;
    }

    public int ChannelCount => _ring.ChannelCount;

    public SampleFormat Format => _ring.Format;

    public int QueuedBlockCount => _ring.FilledBlockCount;

    public long DeliveredSampleCount => _owner.TransmitDeliveredSampleCount;

    public int Write(ReadOnlySpan<ComplexF32> samples, ref long timestampSamples, BurstFlags flags = BurstFlags.None)
    {
        ThrowIfMultiChannel();
        int n = WriteCore(samples.Length, timestampSamples, flags, new Source(samples, default, null, null));
        timestampSamples += n;
        return n;
    }

    public int Write(ReadOnlySpan<ComplexI16> samples, ref long timestampSamples, BurstFlags flags = BurstFlags.None)
    {
        ThrowIfMultiChannel();
        int n = WriteCore(samples.Length, timestampSamples, flags, new Source(default, samples, null, null));
        timestampSamples += n;
        return n;
    }

    public int Write(SampleBlock<ComplexF32> block)
    {
        ArgumentNullException.ThrowIfNull(block);
        ThrowHelper.ThrowIfLengthDiffers(block.ChannelCount, _ring.ChannelCount, "block.ChannelCount");
        return WriteCore(block.Count, block.TimestampSamples, block.Flags, new Source(default, default, block, null));
    }

    public int Write(SampleBlock<ComplexI16> block)
    {
        ArgumentNullException.ThrowIfNull(block);
        ThrowHelper.ThrowIfLengthDiffers(block.ChannelCount, _ring.ChannelCount, "block.ChannelCount");
        return WriteCore(block.Count, block.TimestampSamples, block.Flags, new Source(default, default, null, block));
    }

    private int WriteCore(int count, long timestampSamples, BurstFlags flags, Source source)
    {
        _owner.ThrowIfNotStreamable();
        long wireTimestamp = timestampSamples - _owner.TimeAlignmentOffsetSamples;
        int done = 0;
        long deadline = StreamWait.Deadline(_owner.StreamTimeout);
        while (done < count || (count == 0 && flags != BurstFlags.None))
        {
            if (_owner.IsStopping)
            {
                break;
            }

            if (!_ring.TryAcquire(out int slot))
            {
                if (!_ring.Producer.WaitUntil(static s => s._ring.HasFreeBlock || s._owner.IsStopping, this, StreamWait.PollInterval, deadline))
                {
                    // The ring stayed full for a whole stream timeout: nothing takes the samples (a stalled peer).
                    _owner.Events.Report(RadioEventKind.Stalled, StreamDirection.Transmit, -1, timestampSamples + done, 0);
                    break;
                }

                continue;
            }

            int take = Math.Min(_ring.BlockCapacity, count - done);
            source.CopyTo(_ring, slot, done, take);
            BurstFlags blockFlags = BurstFlags.None;
            if (done == 0)
            {
                blockFlags |= flags & BurstFlags.StartOfBurst;
            }

            if (done + take == count)
            {
                blockFlags |= flags & BurstFlags.EndOfBurst;
            }

            _ring.Commit(slot, take, wireTimestamp + done, blockFlags);
            done += take;
            if (count == 0)
            {
                break;
            }
        }

        if (done < count)
        {
            _owner.Events.Report(RadioEventKind.Dropped, StreamDirection.Transmit, -1, timestampSamples + done, count - done);
        }

        return done;
    }

    private void ThrowIfMultiChannel()
    {
        if (_ring.ChannelCount != 1)
        {
            ThrowHelper.ThrowArgument("samples", $"the stream has {_ring.ChannelCount} channels; write a SampleBlock with that many channels.");
        }
    }

    private readonly ref struct Source(ReadOnlySpan<ComplexF32> f32, ReadOnlySpan<ComplexI16> i16, SampleBlock<ComplexF32>? blockF32, SampleBlock<ComplexI16>? blockI16)
    {
        private readonly ReadOnlySpan<ComplexF32> _f32 = f32;
        private readonly ReadOnlySpan<ComplexI16> _i16 = i16;

        public void CopyTo(SampleRing ring, int slot, int sourceOffset, int count)
        {
            if (blockF32 is not null)
            {
                for (int c = 0; c < ring.ChannelCount; c++)
                {
                    ring.Write(slot, c, 0, blockF32.GetCapacitySpan(c).Slice(sourceOffset, count));
                }
            }
            else if (blockI16 is not null)
            {
                for (int c = 0; c < ring.ChannelCount; c++)
                {
                    ring.Write(slot, c, 0, blockI16.GetCapacitySpan(c).Slice(sourceOffset, count));
                }
            }
            else if (!_f32.IsEmpty)
            {
                ring.Write(slot, 0, 0, _f32.Slice(sourceOffset, count));
            }
            else if (!_i16.IsEmpty)
            {
                ring.Write(slot, 0, 0, _i16.Slice(sourceOffset, count));
            }
        }
    }
}
