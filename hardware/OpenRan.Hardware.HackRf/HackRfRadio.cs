using System;
using System.Threading;
using OpenRan.Dsp;
using OpenRan.Hardware.LibUsb;
using OpenRan.Radio;
using OpenRan.Radio.Streaming;

namespace OpenRan.Hardware.HackRf;

/// <summary>
/// A HackRF One behind <see cref="IRadio"/>. Its limits are declared in its capabilities: half duplex (receive or
/// transmit, not both), one channel, 2..20 Msps, 1 MHz..6 GHz, and no hardware timestamps: receive timestamps count the
/// samples delivered by USB, so they stay exact only while no transfer is lost (losses are reported as
/// <see cref="RadioEventKind.Dropped"/>).
/// </summary>
/// <remarks>
/// Streaming uses <see cref="HackRfProtocol.TransferCount"/> bulk transfers of <see cref="HackRfProtocol.TransferSize"/>
/// bytes of 8-bit I/Q (int8 ↔ int16 by ×256 / >> 8, exact). Completions run on the USB event thread, convert into the
/// ring and never allocate or throw. A stalled endpoint parks its transfers; a supervisor thread clears the halt and
/// resubmits them. An unplugged device is reported once as <see cref="RadioEventKind.Disconnected"/>.
/// </remarks>
public sealed class HackRfRadio : RadioBase
{
    private readonly HackRfDevice _device;
    private readonly IDisposable? _owner;
    private readonly bool _amp;
    private readonly RxHandler _rx;
    private readonly TxHandler _tx;
    private IUsbBulkStream? _stream;
    private Thread? _supervisor;
    private volatile bool _stallPending;
    private byte _endpoint;

    /// <summary>Creates the radio over <paramref name="usb"/>; <paramref name="owner"/> (e.g. the libusb context) is disposed with it.</summary>
    public HackRfRadio(IUsbDevice usb, bool ampEnable, IDisposable? owner = null)
        : base(new RadioCapabilities(
            "hackrf",
            FullDuplex: false,
            HardwareTimestamps: false,
            MaxRxChannelCount: 1,
            MaxTxChannelCount: 1,
            SampleRateHz: new ValueRange(HackRfProtocol.MinSampleRateHz, HackRfProtocol.MaxSampleRateHz),
            CenterFrequencyHz: new ValueRange(HackRfProtocol.MinFrequencyHz, HackRfProtocol.MaxFrequencyHz),
            RxGainDb: new ValueRange(0, HackRfProtocol.MaxLnaGainDb + HackRfProtocol.MaxVgaGainDb),
            TxGainDb: new ValueRange(0, HackRfProtocol.MaxTxVgaGainDb),
            BandwidthHz: new ValueRange(1.75e6, 28e6),
            ClockSources: ["internal", "external"],
            TimeSources: ["internal"]),
            $"HackRF One ({usb?.Description})")
    {
        ArgumentNullException.ThrowIfNull(usb);
        _device = new HackRfDevice(usb);
        _owner = owner;
        _amp = ampEnable;
        _rx = new RxHandler(this);
        _tx = new TxHandler(this);
    }

    /// <summary>The control plane (vendor requests).</summary>
    public HackRfDevice Device => _device;

    /// <summary>Samples delivered to the receive ring since the start (the software receive clock).</summary>
    public long ReceivedSampleCount => Volatile.Read(ref _rx.Clock);

    /// <summary>Splits a receive gain into the LNA (steps of 8 dB, ≤ 40) and VGA (steps of 2 dB, ≤ 62) gains, rounding down.</summary>
    public static (int LnaDb, int VgaDb) SplitReceiveGain(double gainDb)
    {
        int lna = Math.Min(HackRfProtocol.MaxLnaGainDb, 8 * (int)Math.Floor(gainDb / 8));
        int vga = Math.Min(HackRfProtocol.MaxVgaGainDb, 2 * (int)Math.Floor((gainDb - lna) / 2));
        return (Math.Max(lna, 0), Math.Max(vga, 0));
    }

    /// <inheritdoc />
    protected override void OnConfigure(RadioConfiguration configuration)
    {
        _device.SetTransceiverMode(HackRfTransceiverMode.Off);
        _device.SetSampleRate(configuration.SampleRateHz);
        _device.SetBasebandFilterBandwidth(HackRfProtocol.FilterBandwidthAtMost(configuration.BandwidthHz ?? (0.75 * configuration.SampleRateHz)));
        _device.SetAmpEnable(_amp);
        if (configuration.RxChannelCount > 0)
        {
            ApplySetting(RadioSetting.RxCenterFrequency, configuration);
            ApplySetting(RadioSetting.RxGain, configuration);
            _rx.Configure(configuration);
        }
        else
        {
            ApplySetting(RadioSetting.TxCenterFrequency, configuration);
            ApplySetting(RadioSetting.TxGain, configuration);
            _tx.Configure(TxRing!, Events);
        }
    }

    /// <inheritdoc />
    protected override void ApplySetting(RadioSetting setting, RadioConfiguration configuration)
    {
        switch (setting)
        {
            case RadioSetting.RxCenterFrequency when configuration.RxChannelCount > 0:
                _device.SetFrequency((ulong)Math.Round(configuration.RxCenterFrequencyHz));
                break;
            case RadioSetting.TxCenterFrequency when configuration.TxChannelCount > 0:
                _device.SetFrequency((ulong)Math.Round(configuration.TxCenterFrequencyHz));
                break;
            case RadioSetting.RxGain:
                (int lna, int vga) = SplitReceiveGain(configuration.RxGainDb);
                _device.SetLnaGain(lna);
                _device.SetVgaGain(vga);
                break;
            case RadioSetting.TxGain:
                _device.SetTxVgaGain((int)Math.Floor(configuration.TxGainDb));
                break;
            case RadioSetting.Bandwidth:
                _device.SetBasebandFilterBandwidth(HackRfProtocol.FilterBandwidthAtMost(configuration.BandwidthHz ?? (0.75 * configuration.SampleRateHz)));
                break;
            case RadioSetting.SampleRate:
                _device.SetSampleRate(configuration.SampleRateHz);
                break;
        }
    }

    /// <inheritdoc />
    protected override void OnStart(long atTimestampSamples)
    {
        _stallPending = false;
        if (RxRing is not null)
        {
            _rx.Reset(atTimestampSamples);
            _device.SetTransceiverMode(HackRfTransceiverMode.Receive);
            _endpoint = HackRfProtocol.ReceiveEndpoint;
            _stream = _device.Usb.StartBulkStream(_endpoint, HackRfProtocol.TransferSize, HackRfProtocol.TransferCount, _rx);
        }
        else
        {
            _tx.Reset(atTimestampSamples);
            _device.SetTransceiverMode(HackRfTransceiverMode.Transmit);
            _endpoint = HackRfProtocol.TransmitEndpoint;
            _stream = _device.Usb.StartBulkStream(_endpoint, HackRfProtocol.TransferSize, HackRfProtocol.TransferCount, _tx);
        }

        _supervisor = new Thread(Supervise) { IsBackground = true, Name = "hackrf supervisor" };
        _supervisor.Start();
    }

    /// <inheritdoc />
    protected override void OnStop()
    {
        _supervisor?.Join();
        _stream?.Stop();
        _stream?.Dispose();
        _stream = null;
        if (!_rx.Disconnected && !_tx.Disconnected)
        {
            try
            {
                _device.SetTransceiverMode(HackRfTransceiverMode.Off);
            }
            catch (HackRfException)
            {
                Events.Report(RadioEventKind.Disconnected, RxRing is null ? StreamDirection.Transmit : StreamDirection.Receive, 0, _rx.Clock, 0);
            }
        }
    }

    /// <inheritdoc />
    protected override void OnDispose()
    {
        _device.Usb.Dispose();
        _owner?.Dispose();
    }

    private void Supervise()
    {
        while (!IsStopping)
        {
            if (_stallPending && _stream is not null)
            {
                _stallPending = false;
                if (_device.Usb.ClearHalt(_endpoint) >= 0)
                {
                    _stream.ResubmitIdle();
                }
            }

            Thread.Sleep(5);
        }
    }

    /// <summary>Converts bulk IN data (int8 I/Q) into the receive ring on the USB event thread.</summary>
    private sealed class RxHandler(HackRfRadio owner) : IUsbBulkHandler
    {
        public long Clock;
        private ComplexI16[] _scratch = [];
        private long _start;

        public bool Disconnected { get; private set; }

        public void Configure(RadioConfiguration configuration) =>
            _scratch = GC.AllocateArray<ComplexI16>(HackRfProtocol.TransferSize / HackRfProtocol.BytesPerSample, pinned: true);

        public void Reset(long start)
        {
            _start = start;
            Volatile.Write(ref Clock, 0);
            Disconnected = false;
        }

        public bool OnInCompleted(UsbTransferStatus status, ReadOnlySpan<byte> data)
        {
            switch (status)
            {
                case UsbTransferStatus.Completed:
                    Deliver(data);
                    return !owner.IsStopping;
                case UsbTransferStatus.Cancelled:
                    return false;
                case UsbTransferStatus.NoDevice:
                    ReportDisconnected(StreamDirection.Receive);
                    return false;
                case UsbTransferStatus.Stall:
                    owner.Events.Report(RadioEventKind.Dropped, StreamDirection.Receive, 0, Clock, 0);
                    owner._stallPending = true;
                    return false;
                default:
                    // Error, timeout or overflow: the transfer's samples are lost (unknown count), keep streaming.
                    owner.Events.Report(RadioEventKind.Dropped, StreamDirection.Receive, 0, Clock, 0);
                    return !owner.IsStopping;
            }
        }

        public int FillOut(Span<byte> buffer) => 0;

        public bool OnOutCompleted(UsbTransferStatus status, int requestedLength, int actualLength) => false;

        private void ReportDisconnected(StreamDirection direction)
        {
            if (!Disconnected)
            {
                Disconnected = true;
                owner.Events.Report(RadioEventKind.Disconnected, direction, 0, Clock, 0);
            }
        }

        private void Deliver(ReadOnlySpan<byte> data)
        {
            if ((data.Length & 1) != 0)
            {
                // Half a sample: the stream can no longer be trusted to start on I; drop the odd byte.
                owner.Events.Report(RadioEventKind.Dropped, StreamDirection.Receive, 0, Clock, 0);
                data = data[..^1];
            }

            int n = data.Length / 2;
            Span<ComplexI16> samples = _scratch.AsSpan(0, n);
            for (int i = 0; i < n; i++)
            {
                samples[i] = new ComplexI16((short)((sbyte)data[2 * i] << 8), (short)((sbyte)data[(2 * i) + 1] << 8));
            }

            SampleRing ring = owner.RxRing!;
            int done = 0;
            long clock = Clock;
            while (done < n)
            {
                if (clock < _start)
                {
                    int skip = (int)Math.Min(n - done, _start - clock);
                    done += skip;
                    clock += skip;
                    continue;
                }

                int take = Math.Min(ring.BlockCapacity, n - done);
                if (ring.TryAcquire(out int slot))
                {
                    ring.Write(slot, 0, 0, samples.Slice(done, take));
                    ring.Commit(slot, take, clock, BurstFlags.None);
                }
                else
                {
                    owner.Events.Report(RadioEventKind.Overflow, StreamDirection.Receive, 0, clock, take);
                }

                done += take;
                clock += take;
            }

            Volatile.Write(ref Clock, clock);
        }
    }

    /// <summary>Fills bulk OUT transfers (int8 I/Q) from the transmit ring on the USB event thread.</summary>
    private sealed class TxHandler(HackRfRadio owner) : IUsbBulkHandler
    {
        private TxRingReader? _reader;
        private ComplexF32[][] _scratch = [];

        public bool Disconnected { get; private set; }

        public void Configure(SampleRing ring, RadioEventLog events)
        {
            _reader = new TxRingReader(ring, events);
            _scratch = [GC.AllocateArray<ComplexF32>(HackRfProtocol.TransferSize / HackRfProtocol.BytesPerSample, pinned: true)];
        }

        public void Reset(long start)
        {
            _reader!.Reset(start);
            Disconnected = false;
        }

        public bool OnInCompleted(UsbTransferStatus status, ReadOnlySpan<byte> data) => false;

        public int FillOut(Span<byte> buffer)
        {
            // The DAC never waits: queued samples, zeros where nothing is queued (an underflow once a burst runs).
            int n = buffer.Length / 2;
            int emitted = _reader!.Emit(_scratch, n, _reader.Clock + n);
            ReadOnlySpan<ComplexF32> samples = _scratch[0].AsSpan(0, emitted);
            for (int i = 0; i < emitted; i++)
            {
                buffer[2 * i] = (byte)ToInt8(samples[i].Re);
                buffer[(2 * i) + 1] = (byte)ToInt8(samples[i].Im);
            }

            return 2 * emitted;
        }

        public bool OnOutCompleted(UsbTransferStatus status, int requestedLength, int actualLength)
        {
            switch (status)
            {
                case UsbTransferStatus.Completed:
                    if (actualLength < requestedLength)
                    {
                        owner.Events.Report(RadioEventKind.Dropped, StreamDirection.Transmit, 0, _reader!.Clock, (requestedLength - actualLength) / 2);
                    }

                    return !owner.IsStopping;
                case UsbTransferStatus.Cancelled:
                    return false;
                case UsbTransferStatus.NoDevice:
                    if (!Disconnected)
                    {
                        Disconnected = true;
                        owner.Events.Report(RadioEventKind.Disconnected, StreamDirection.Transmit, 0, _reader!.Clock, 0);
                    }

                    return false;
                case UsbTransferStatus.Stall:
                    owner.Events.Report(RadioEventKind.Dropped, StreamDirection.Transmit, 0, _reader!.Clock, requestedLength / 2);
                    owner._stallPending = true;
                    return false;
                default:
                    owner.Events.Report(RadioEventKind.Dropped, StreamDirection.Transmit, 0, _reader!.Clock, requestedLength / 2);
                    return !owner.IsStopping;
            }
        }

        /// <summary>Float to int8: round(x·127), saturating.</summary>
        private static sbyte ToInt8(float x)
        {
            float r = MathF.Round(x * 127f);
            return r >= 127f ? (sbyte)127 : r <= -128f ? (sbyte)-128 : float.IsNaN(r) ? (sbyte)0 : (sbyte)r;
        }
    }
}
