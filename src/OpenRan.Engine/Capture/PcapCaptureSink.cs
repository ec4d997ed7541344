using System;
using System.IO;
using System.Threading;
using OpenRan.Engine.Runtime;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Timing;

namespace OpenRan.Engine.Capture;

/// <summary>
/// The engine's <c>--pcap</c>: copies each transport block (on the slot thread, into a preallocated record) and hands it
/// through an SPSC queue to a writer thread that appends it to a <see cref="MacNrPcapWriter"/>. When the queue is full a
/// record is dropped and counted, never waited for. <see cref="Dispose"/> writes what is queued and closes the file.
/// </summary>
public sealed class PcapCaptureSink : ITransportBlockSink, IDisposable
{
    private readonly MacNrPcapWriter _writer;
    private readonly SpscQueue<Record> _queue;
    private readonly SpscQueue<Record> _free;
    private readonly Thread _thread;
    private readonly long _startMicroseconds;
    private readonly double _slotMicroseconds;
    private volatile bool _stopping;
    private long _dropped;

    /// <summary>Creates <paramref name="path"/> for a cell of slots of <paramref name="slotSeconds"/>.</summary>
    public PcapCaptureSink(string path, bool tdd, double slotSeconds, int maxTransportBlockBytes, int queueRecords = 256)
    {
        _writer = new MacNrPcapWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20), tdd);
        _queue = new SpscQueue<Record>(queueRecords);
        _free = new SpscQueue<Record>(queueRecords);
        int bytes = Math.Min(maxTransportBlockBytes, MacNrPcapWriter.MaxPduBytes);
        for (int i = 0; i < queueRecords; i++)
        {
            _free.TryEnqueue(new Record(bytes));
        }

        _startMicroseconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        _slotMicroseconds = slotSeconds * 1e6;
        _thread = new Thread(Run) { IsBackground = true, Name = "pcap writer" };
        _thread.Start();
    }

    /// <summary>Records dropped because the writer fell behind.</summary>
    public long Dropped => Volatile.Read(ref _dropped);

    /// <summary>PDUs written so far.</summary>
    public long Written => _writer.PduCount;

    /// <inheritdoc />
    public void OnDownlink(SlotPoint slot, PdschPdu pdu)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        Enqueue(slot, MacNrDirection.Downlink, pdu.RntiType, pdu.Rnti, pdu.HarqProcess, pdu.Bytes);
    }

    /// <inheritdoc />
    public void OnUplink(SlotPoint slot, PuschResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Enqueue(slot, MacNrDirection.Uplink, result.RntiType, result.Rnti, result.HarqProcess, result.Bytes);
    }

    /// <summary>Writes everything queued and closes the file.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        _thread.Join();
        _writer.Dispose();
    }

    private void Enqueue(SlotPoint slot, MacNrDirection direction, RntiType type, int rnti, int harq, ReadOnlySpan<byte> bytes)
    {
        if (!_free.TryDequeue(out Record? r))
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        r!.Slot = slot;
        r.Direction = direction;
        r.Type = type;
        r.Rnti = rnti;
        r.Harq = harq;
        r.Length = Math.Min(bytes.Length, r.Bytes.Length);
        bytes[..r.Length].CopyTo(r.Bytes);
        _queue.TryEnqueue(r);
    }

    private void Run()
    {
        while (true)
        {
            bool stopping = _stopping;
            bool any = false;
            while (_queue.TryDequeue(out Record? r))
            {
                any = true;
                long t = _startMicroseconds + (long)(r!.Slot.Index * _slotMicroseconds);
                _writer.Write(t, r.Direction, r.Type, r.Rnti, r.Harq, r.Slot.Sfn, r.Slot.Slot, r.Bytes.AsSpan(0, r.Length));
                _free.TryEnqueue(r);
            }

            if (stopping)
            {
                return;
            }

            if (!any)
            {
                _writer.Flush();
                Thread.Sleep(5);
            }
        }
    }

    private sealed class Record(int capacity)
    {
        public byte[] Bytes { get; } = new byte[capacity];

        public int Length { get; set; }

        public SlotPoint Slot { get; set; }

        public MacNrDirection Direction { get; set; }

        public RntiType Type { get; set; }

        public int Rnti { get; set; }

        public int Harq { get; set; }
    }
}
