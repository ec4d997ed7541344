using System;
using System.Diagnostics;
using System.Threading;
using OpenRan.Dsp;
using OpenRan.Radio.Streaming;

namespace OpenRan.Radio.SigMf;

/// <summary>
/// A file radio: the receive stream replays a SigMF recording (timestamps = sample index + start time, optionally
/// looping, optionally paced at the sample rate) and the transmit stream records to a SigMF recording (gaps between
/// transmit blocks recorded as zeros, so file sample index = timestamp − start time).
/// </summary>
public sealed class SigMfRadio : RadioBase
{
    private readonly string? _replayPath;
    private readonly string? _recordPath;
    private readonly SigMfDatatype _recordDatatype;
    private readonly bool _loop;
    private readonly bool _realTime;
    private readonly SigMfMetadata? _replayMetadata;
    private SigMfReader? _reader;
    private SigMfWriter? _writer;
    private TxRingReader? _txReader;
    private ComplexF32[][] _recordScratch = [];
    private Thread? _replayThread;
    private Thread? _recordThread;
    private long _startTimestamp;
    private volatile bool _replayFinished;

    /// <summary>Creates a file radio.</summary>
    /// <param name="replayPath">The recording the receive stream replays, or null.</param>
    /// <param name="recordPath">The recording the transmit stream writes (overwritten at each start), or null.</param>
    /// <param name="recordDatatype">The datatype recorded.</param>
    /// <param name="loop">Whether replay restarts at the end of the recording.</param>
    /// <param name="realTime">Whether replay is paced at the sample rate (otherwise as fast as it is read).</param>
    public SigMfRadio(string? replayPath, string? recordPath, SigMfDatatype recordDatatype, bool loop, bool realTime)
        : base(DescribeCapabilities(replayPath, recordPath, out SigMfMetadata? replayMetadata), $"file (replay {replayPath ?? "-"}, record {recordPath ?? "-"})")
    {
        _replayPath = replayPath;
        _recordPath = recordPath;
        _recordDatatype = recordDatatype;
        _loop = loop;
        _realTime = realTime;
        _replayMetadata = replayMetadata;
    }

    /// <summary>The metadata of the replayed recording, or null.</summary>
    public SigMfMetadata? ReplayMetadata => _replayMetadata;

    /// <summary>Whether replay reached the end of a non-looping recording (the last block carries <see cref="BurstFlags.EndOfBurst"/>).</summary>
    public bool ReplayFinished => _replayFinished;

    /// <summary>Samples recorded since the last start.</summary>
    public long RecordedSampleCount => _writer?.SampleCount ?? 0;

    /// <inheritdoc />
    protected override void ValidateConfiguration(RadioConfiguration configuration)
    {
        if (_replayMetadata is not null && configuration.RxChannelCount > 0)
        {
            if (configuration.RxChannelCount != _replayMetadata.ChannelCount)
            {
                ThrowHelper.ThrowArgument(nameof(configuration.RxChannelCount),
                    $"the replayed recording has {_replayMetadata.ChannelCount} channel(s); RxChannelCount = {configuration.RxChannelCount}.");
            }

            if (configuration.SampleRateHz != _replayMetadata.SampleRateHz)
            {
                ThrowHelper.ThrowArgument(nameof(configuration.SampleRateHz),
                    $"the replayed recording was made at {_replayMetadata.SampleRateHz} Hz; SampleRateHz = {configuration.SampleRateHz}.");
            }
        }
    }

    /// <inheritdoc />
    protected override void OnConfigure(RadioConfiguration configuration)
    {
        _reader?.Dispose();
        _reader = RxRing is null ? null : SigMfReader.Open(_replayPath!, configuration.BlockSampleCount);
        _txReader = TxRing is null ? null : new TxRingReader(TxRing, Events);
        _recordScratch = new ComplexF32[configuration.TxChannelCount][];
        for (int c = 0; c < _recordScratch.Length; c++)
        {
            _recordScratch[c] = GC.AllocateArray<ComplexF32>(configuration.BlockSampleCount, pinned: true);
        }
    }

    /// <inheritdoc />
    protected override void OnStart(long atTimestampSamples)
    {
        _startTimestamp = atTimestampSamples;
        _replayFinished = false;
        if (_reader is not null)
        {
            _reader.Seek(0);
            _replayThread = new Thread(RunReplay) { IsBackground = true, Name = "sigmf replay" };
            _replayThread.Start();
        }

        if (_txReader is not null)
        {
            RadioConfiguration c = Configuration;
            _txReader.Reset(atTimestampSamples);
            _writer = SigMfWriter.Create(_recordPath!, new SigMfMetadata
            {
                Datatype = _recordDatatype,
                SampleRateHz = c.SampleRateHz,
                ChannelCount = c.TxChannelCount,
                Recorder = "OpenRan",
                Description = "transmit stream recorded by the OpenRan file radio",
                Captures = [new SigMfCapture(0, c.TxCenterFrequencyHz, DateTimeOffset.UtcNow)],
            }, c.BlockSampleCount);
            _recordThread = new Thread(RunRecord) { IsBackground = true, Name = "sigmf record" };
            _recordThread.Start();
        }
    }

    /// <inheritdoc />
    protected override void OnStop()
    {
        _replayThread?.Join();
        _recordThread?.Join();
        _writer?.Dispose();
    }

    /// <inheritdoc />
    protected override void OnDispose()
    {
        _reader?.Dispose();
        _writer?.Dispose();
    }

    private static RadioCapabilities DescribeCapabilities(string? replayPath, string? recordPath, out SigMfMetadata? replayMetadata)
    {
        if (replayPath is null && recordPath is null)
        {
            ThrowHelper.ThrowArgument(nameof(replayPath), "the file radio needs a recording to replay (rx=PATH), one to record (tx=PATH), or both.");
        }

        replayMetadata = replayPath is null ? null : SigMfMetadata.Load(replayPath, out _);
        return RadioCapabilities.Virtual("file", replayMetadata?.ChannelCount ?? 0, recordPath is null ? 0 : 16);
    }

    private void RunReplay()
    {
        SampleRing ring = RxRing!;
        RadioConfiguration config = Configuration;
        long timestamp = _startTimestamp;
        long startTicks = Stopwatch.GetTimestamp();
        while (!IsStopping)
        {
            if (_realTime)
            {
                long due = _startTimestamp + (long)((Stopwatch.GetTimestamp() - startTicks) * config.SampleRateHz / Stopwatch.Frequency);
                if (due < timestamp + config.BlockSampleCount)
                {
                    Thread.Sleep(1);
                    continue;
                }
            }

            if (!ring.TryAcquire(out int slot))
            {
                if (_realTime)
                {
                    // Hardware would lose these samples: skip them in the file and leave a gap in timestamps.
                    long skipped = Math.Min(config.BlockSampleCount, _reader!.SampleCount - _reader.Position);
                    _reader.Seek(_reader.Position + skipped);
                    Events.Report(RadioEventKind.Overflow, StreamDirection.Receive, -1, timestamp, skipped);
                    timestamp += skipped;
                }
                else
                {
                    Thread.Sleep(0);
                }

                continue;
            }

            int n = ring switch
            {
                SampleRing<ComplexF32> f => _reader!.ReadInto(f, slot, config.BlockSampleCount),
                SampleRing<ComplexI16> i => _reader!.ReadInto(i, slot, config.BlockSampleCount),
                _ => 0,
            };
            if (n == 0)
            {
                if (_loop && _reader!.SampleCount > 0)
                {
                    _reader.Seek(0);
                    continue;
                }

                ring.Commit(slot, 0, timestamp, BurstFlags.EndOfBurst);
                _replayFinished = true;
                return;
            }

            ring.Commit(slot, n, timestamp, BurstFlags.None);
            timestamp += n;
        }
    }

    private void RunRecord()
    {
        int block = Configuration.BlockSampleCount;
        while (true)
        {
            bool stopping = IsStopping;
            int n = _txReader!.Emit(_recordScratch, block, _txReader.Clock);
            if (n > 0)
            {
                _writer!.Write(_recordScratch, n);
                continue;
            }

            if (stopping)
            {
                return;
            }

            Thread.Sleep(1);
        }
    }
}
