using System;
using OpenRan.Dsp;

namespace OpenRan.Radio.Streaming;

/// <summary>
/// The caller's side of a receive ring: copies (converting) contiguous samples out of committed blocks and reports the
/// timestamp of the first. Reads stop at a timestamp gap so every returned sample's timestamp is exact.
/// </summary>
internal sealed class RxStream : IRxStream
{
    private readonly RadioBase _owner;
    private readonly SampleRing _ring;
    private int _offsetInBlock;
    private long _nextTimestamp;

    public RxStream(RadioBase owner, SampleRing ring)
    {
        _owner = owner;
        _ring = ring;
    }

    public int ChannelCount => _ring.ChannelCount;

    public SampleFormat Format => _ring.Format;

    /// <summary>Clears the read position; called by the radio before it starts.</summary>
    public void Reset(long startTimestamp)
    {
        _offsetInBlock = 0;
        _nextTimestamp = startTimestamp;
    }

    public int Read(Span<ComplexF32> samples, ref long timestampSamples)
    {
        ThrowIfMultiChannel();
        return ReadCore(samples.Length, ref timestampSamples, new Destination(samples, default, null, null));
    }

    public int Read(Span<ComplexI16> samples, ref long timestampSamples)
    {
        ThrowIfMultiChannel();
        return ReadCore(samples.Length, ref timestampSamples, new Destination(default, samples, null, null));
    }

    public int Read(SampleBlock<ComplexF32> block, int count) => ReadBlock(block, count, new Destination(default, default, block, null));

    public int Read(SampleBlock<ComplexI16> block, int count) => ReadBlock(block, count, new Destination(default, default, null, block));

    private int ReadBlock<T>(SampleBlock<T> block, int count, Destination destination)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(block);
        ThrowIfBlockMismatch(block.ChannelCount, block.Capacity, count);
        long ts = 0;
        int n = ReadCore(count, ref ts, destination);
        block.Count = n;
        block.TimestampSamples = ts;
        block.Flags = BurstFlags.None;
        return n;
    }

    private int ReadCore(int count, ref long timestampSamples, Destination destination)
    {
        _owner.ThrowIfNotStreamable();
        int done = 0;
        long first = _nextTimestamp;
        long deadline = StreamWait.Deadline(_owner.StreamTimeout);
        bool demanded = false;
        while (done < count)
        {
            if (!_ring.TryPeek(out int slot, out int blockCount, out long blockTimestamp, out _))
            {
                if (_owner.IsStopping)
                {
                    break;
                }

                if (!demanded)
                {
                    // Tell the driver how far the caller wants to read: virtual radios pad their transmitters up to it
                    // so that the peer's receive clock, and hence ours, keeps running (srsRAN ZMQ alignment).
                    _owner.OnReceiveDemand((done > 0 ? first + done : _nextTimestamp) + (count - done));
                    demanded = true;
                }

                if (!_ring.Consumer.WaitUntil(static s => s._ring.HasFilledBlock || s._owner.IsStopping, this, StreamWait.PollInterval, deadline))
                {
                    // A whole stream timeout without samples: the peer or device stalled. Counted, never thrown.
                    _owner.Events.Report(RadioEventKind.Stalled, StreamDirection.Receive, -1, done > 0 ? first + done : _nextTimestamp, 0);
                    break;
                }

                continue;
            }

            long sampleTimestamp = blockTimestamp + _offsetInBlock;
            if (done == 0)
            {
                first = sampleTimestamp;
            }
            else if (sampleTimestamp != first + done)
            {
                break;
            }

            int take = Math.Min(blockCount - _offsetInBlock, count - done);
            destination.CopyFrom(_ring, slot, _offsetInBlock, done, take);
            _offsetInBlock += take;
            done += take;
            if (_offsetInBlock == blockCount)
            {
                _ring.Release();
                _offsetInBlock = 0;
            }
        }

        if (done > 0)
        {
            _nextTimestamp = first + done;
        }

        timestampSamples = first;
        return done;
    }

    private void ThrowIfMultiChannel()
    {
        if (_ring.ChannelCount != 1)
        {
            ThrowHelper.ThrowArgument("samples", $"the stream has {_ring.ChannelCount} channels; read a SampleBlock with that many channels.");
        }
    }

    private void ThrowIfBlockMismatch(int channelCount, int capacity, int count)
    {
        ThrowHelper.ThrowIfLengthDiffers(channelCount, _ring.ChannelCount, "block.ChannelCount");
        ThrowHelper.ThrowIfOutside(count, 0, capacity);
    }

    /// <summary>One of the four destinations a read can fill.</summary>
    private readonly ref struct Destination(Span<ComplexF32> f32, Span<ComplexI16> i16, SampleBlock<ComplexF32>? blockF32, SampleBlock<ComplexI16>? blockI16)
    {
        private readonly Span<ComplexF32> _f32 = f32;
        private readonly Span<ComplexI16> _i16 = i16;

        public void CopyFrom(SampleRing ring, int slot, int offset, int destinationOffset, int count)
        {
            if (blockF32 is not null)
            {
                for (int c = 0; c < ring.ChannelCount; c++)
                {
                    ring.Read(slot, c, offset, blockF32.GetCapacitySpan(c).Slice(destinationOffset, count));
                }
            }
            else if (blockI16 is not null)
            {
                for (int c = 0; c < ring.ChannelCount; c++)
                {
                    ring.Read(slot, c, offset, blockI16.GetCapacitySpan(c).Slice(destinationOffset, count));
                }
            }
            else if (!_f32.IsEmpty)
            {
                ring.Read(slot, 0, offset, _f32.Slice(destinationOffset, count));
            }
            else
            {
                ring.Read(slot, 0, offset, _i16.Slice(destinationOffset, count));
            }
        }
    }
}
