using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using OpenRan.Hardware.HackRf;
using OpenRan.Hardware.LibUsb;

namespace OpenRan.Hardware.Tests.HackRf;

/// <summary>
/// A HackRF One that follows the firmware's USB protocol: validates vendor requests (type, number, payload length and
/// ranges; unknown requests stall endpoint 0 as LIBUSB_ERROR_PIPE), keeps the radio state, and streams bulk data only
/// in the matching transceiver mode, paced at the configured sample rate. Faults can be injected: short transfers, a
/// stalled endpoint (until clear-halt), and unplugging mid-stream.
/// </summary>
internal sealed class SimulatedHackRf : IUsbDevice
{
    private readonly object _gate = new();

    public string Description => "simulated HackRF One 1d50:6089";

    public HackRfTransceiverMode Mode { get; private set; }

    public ulong FrequencyHz { get; private set; }

    public (uint FrequencyHz, uint Divider) SampleRate { get; private set; } = (10_000_000, 1);

    public uint FilterBandwidthHz { get; private set; }

    public int LnaGainDb { get; private set; }

    public int VgaGainDb { get; private set; }

    public int TxVgaGainDb { get; private set; }

    public bool AmpEnabled { get; private set; }

    public List<HackRfRequest> Requests { get; } = [];

    /// <summary>Every n-th IN transfer (1-based) is short: half its length plus one odd byte when <see cref="OddShort"/>.</summary>
    public int ShortEvery { get; set; }

    public bool OddShort { get; set; }

    /// <summary>The endpoint stalls when this many transfers have completed (−1: never).</summary>
    public int StallAfter { get; set; } = -1;

    /// <summary>The device is unplugged when this many transfers have completed (−1: never).</summary>
    public int UnplugAfter { get; set; } = -1;

    public bool Halted { get; private set; }

    public bool Unplugged { get; private set; }

    public int ClearHaltCount { get; private set; }

    public ConcurrentQueue<byte[]> Transmitted { get; } = new();

    public int ControlTransfer(byte requestType, byte request, ushort value, ushort index, Span<byte> data, int timeoutMilliseconds)
    {
        lock (_gate)
        {
            if (Unplugged)
            {
                return LibUsbError.NoDevice;
            }

            var r = (HackRfRequest)request;
            Requests.Add(r);
            bool isIn = (requestType & 0x80) != 0;
            switch (r)
            {
                case HackRfRequest.SetTransceiverMode when !isIn && data.Length == 0 && value <= 2:
                    Mode = (HackRfTransceiverMode)value;
                    return 0;
                case HackRfRequest.SampleRateSet when !isIn && data.Length == 8:
                    uint f = BinaryPrimitives.ReadUInt32LittleEndian(data);
                    uint d = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
                    if (d == 0 || d > 31 || f == 0)
                    {
                        return LibUsbError.Pipe;
                    }

                    SampleRate = (f, d);
                    return 8;
                case HackRfRequest.BasebandFilterBandwidthSet when !isIn && data.Length == 0:
                    uint bw = value | ((uint)index << 16);
                    if (HackRfProtocol.BasebandFilterBandwidthsHz.IndexOf(bw) < 0)
                    {
                        return LibUsbError.Pipe;
                    }

                    FilterBandwidthHz = bw;
                    return 0;
                case HackRfRequest.SetFrequency when !isIn && data.Length == 8:
                    uint mhz = BinaryPrimitives.ReadUInt32LittleEndian(data);
                    uint hz = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
                    if (hz >= 1_000_000)
                    {
                        return LibUsbError.Pipe;
                    }

                    FrequencyHz = (mhz * 1_000_000UL) + hz;
                    return 8;
                case HackRfRequest.AmpEnable when !isIn && data.Length == 0 && value <= 1:
                    AmpEnabled = value == 1;
                    return 0;
                case HackRfRequest.SetLnaGain when isIn && data.Length == 1:
                    data[0] = (byte)(index <= 40 ? 1 : 0);
                    LnaGainDb = index <= 40 ? index & ~7 : LnaGainDb;
                    return 1;
                case HackRfRequest.SetVgaGain when isIn && data.Length == 1:
                    data[0] = (byte)(index <= 62 ? 1 : 0);
                    VgaGainDb = index <= 62 ? index & ~1 : VgaGainDb;
                    return 1;
                case HackRfRequest.SetTxVgaGain when isIn && data.Length == 1:
                    data[0] = (byte)(index <= 47 ? 1 : 0);
                    TxVgaGainDb = index <= 47 ? index : TxVgaGainDb;
                    return 1;
                case HackRfRequest.BoardIdRead when isIn && data.Length >= 1:
                    data[0] = 2;
                    return 1;
                case HackRfRequest.VersionStringRead when isIn:
                    int n = Encoding.ASCII.GetBytes("2024.02.1", data);
                    return n;
                default:
                    return LibUsbError.Pipe;
            }
        }
    }

    public int ClearHalt(byte endpoint)
    {
        lock (_gate)
        {
            if (Unplugged)
            {
                return LibUsbError.NoDevice;
            }

            Halted = false;
            ClearHaltCount++;
            return 0;
        }
    }

    public IUsbBulkStream StartBulkStream(byte endpoint, int transferSize, int transferCount, IUsbBulkHandler handler)
    {
        if (transferSize != HackRfProtocol.TransferSize || (endpoint != HackRfProtocol.ReceiveEndpoint && endpoint != HackRfProtocol.TransmitEndpoint))
        {
            throw new LibUsbException("simulated HackRF bulk stream", LibUsbError.InvalidParameter);
        }

        return new Stream(this, endpoint, transferSize, transferCount, handler);
    }

    public void Dispose()
    {
    }

    /// <summary>The sample the device produces at index <paramref name="k"/>: I = low byte of k, Q = next byte (as int8).</summary>
    public static (sbyte I, sbyte Q) SampleAt(long k) => ((sbyte)(byte)k, (sbyte)(byte)(k >> 8));

    private sealed class Stream : IUsbBulkStream
    {
        private readonly SimulatedHackRf _device;
        private readonly byte _endpoint;
        private readonly IUsbBulkHandler _handler;
        private readonly bool[] _parked;
        private readonly byte[] _buffer;
        private readonly Thread _thread;
        private volatile bool _stopping;
        private int _inFlight;

        public Stream(SimulatedHackRf device, byte endpoint, int transferSize, int transferCount, IUsbBulkHandler handler)
        {
            _device = device;
            _endpoint = endpoint;
            _handler = handler;
            _parked = new bool[transferCount];
            _buffer = new byte[transferSize];
            _inFlight = transferCount;
            _thread = new Thread(Run) { IsBackground = true, Name = "simulated hackrf" };
            _thread.Start();
        }

        public int InFlightCount => Volatile.Read(ref _inFlight);

        public int ResubmitIdle()
        {
            int n = 0;
            lock (_parked)
            {
                for (int i = 0; i < _parked.Length; i++)
                {
                    if (_parked[i])
                    {
                        _parked[i] = false;
                        Interlocked.Increment(ref _inFlight);
                        n++;
                    }
                }
            }

            return n;
        }

        public void Stop()
        {
            _stopping = true;
            _thread.Join();
        }

        public void Dispose() => Stop();

        private void Run()
        {
            long sample = 0;
            int completed = 0;
            int slot = 0;
            var clock = Stopwatch.StartNew();
            while (!_stopping)
            {
                bool active;
                lock (_parked)
                {
                    active = !_parked[slot];
                }

                if (!active || InFlightCount == 0)
                {
                    slot = (slot + 1) % _parked.Length;
                    Thread.Sleep(1);
                    continue;
                }

                UsbTransferStatus status = UsbTransferStatus.Completed;
                if (completed == _device.UnplugAfter)
                {
                    _device.Unplugged = true;
                }

                if (completed == _device.StallAfter && !_device.Halted && _device.ClearHaltCount == 0)
                {
                    _device.Halted = true;
                }

                if (_device.Unplugged)
                {
                    status = UsbTransferStatus.NoDevice;
                }
                else if (_device.Halted)
                {
                    status = UsbTransferStatus.Stall;
                }

                bool again;
                int length = _buffer.Length;
                bool receiving = _endpoint == HackRfProtocol.ReceiveEndpoint;
                if (status == UsbTransferStatus.Completed && receiving)
                {
                    if (_device.Mode != HackRfTransceiverMode.Receive)
                    {
                        Thread.Sleep(1);
                        continue;
                    }

                    if (_device.ShortEvery > 0 && (completed + 1) % _device.ShortEvery == 0)
                    {
                        length = (length / 2) + (_device.OddShort ? 1 : 0);
                    }

                    int samples = length / 2;
                    for (int i = 0; i < samples; i++)
                    {
                        (sbyte iq, sbyte q) = SampleAt(sample + i);
                        _buffer[2 * i] = (byte)iq;
                        _buffer[(2 * i) + 1] = (byte)q;
                    }

                    if ((length & 1) != 0)
                    {
                        // The odd byte is the I of a sample the device will send again in full.
                        _buffer[length - 1] = (byte)SampleAt(sample + samples).I;
                    }

                    sample += samples;
                    Pace(clock, sample);
                    again = _handler.OnInCompleted(status, _buffer.AsSpan(0, length));
                }
                else if (status == UsbTransferStatus.Completed)
                {
                    if (_device.Mode != HackRfTransceiverMode.Transmit)
                    {
                        Thread.Sleep(1);
                        continue;
                    }

                    int n = _handler.FillOut(_buffer);
                    _device.Transmitted.Enqueue(_buffer.AsSpan(0, n).ToArray());
                    sample += n / 2;
                    Pace(clock, sample);
                    again = _handler.OnOutCompleted(status, n, n);
                }
                else
                {
                    again = receiving ? _handler.OnInCompleted(status, default) : _handler.OnOutCompleted(status, _buffer.Length, 0);
                }

                completed++;
                if (!again)
                {
                    lock (_parked)
                    {
                        _parked[slot] = true;
                    }

                    Interlocked.Decrement(ref _inFlight);
                }

                slot = (slot + 1) % _parked.Length;
            }
        }

        private void Pace(Stopwatch clock, long sample)
        {
            double rate = (double)_device.SampleRate.FrequencyHz / _device.SampleRate.Divider;
            double due = sample / rate;
            double ahead = due - clock.Elapsed.TotalSeconds;
            if (ahead > 0.002)
            {
                Thread.Sleep(TimeSpan.FromSeconds(ahead));
            }
        }
    }
}
