using System;
using System.Threading;
using OpenRan.Radio;
using OpenRan.Radio.Streaming;

namespace OpenRan.Hardware.Soapy;

/// <summary>
/// A SoapySDR device behind <see cref="IRadio"/>: capabilities queried from the device, configuration applied per
/// channel, and timed streaming. The receive thread reads straight into the pinned ring slots and converts hardware
/// time (ns) to sample timestamps; the transmit thread writes ring blocks with <c>SOAPY_SDR_HAS_TIME</c> and
/// <c>SOAPY_SDR_END_BURST</c>. Time errors, underflows and overflows become events.
/// </summary>
public sealed unsafe class SoapyRadio : RadioBase
{
    private readonly SoapyDevice _device;
    private IntPtr _rxStream;
    private IntPtr _txStream;
    private Thread? _rxThread;
    private Thread? _txThread;
    private long _start;

    /// <summary>Wraps <paramref name="device"/> (disposed with the radio).</summary>
    public SoapyRadio(SoapyDevice device)
        : base(Describe(device), $"SoapySDR {device?.DriverKey} ({device?.Arguments})") => _device = device!;

    /// <summary>The device.</summary>
    public SoapyDevice Device => _device;

    /// <inheritdoc />
    protected override void OnConfigure(RadioConfiguration configuration)
    {
        CloseStreams();
        if (configuration.ClockSource != "internal")
        {
            _device.SetClockSource(configuration.ClockSource);
        }

        if (configuration.TimeSource != "internal")
        {
            _device.SetTimeSource(configuration.TimeSource);
        }

        string format = configuration.StreamFormat == SampleFormat.ComplexF32 ? "CF32" : "CS16";
        for (int c = 0; c < configuration.RxChannelCount; c++)
        {
            _device.SetSampleRate(StreamDirection.Receive, c, configuration.SampleRateHz);
            _device.SetFrequency(StreamDirection.Receive, c, configuration.RxCenterFrequencyHz);
            _device.SetGain(StreamDirection.Receive, c, configuration.RxGainDb);
            _device.SetBandwidth(StreamDirection.Receive, c, configuration.BandwidthHz ?? configuration.SampleRateHz);
        }

        for (int c = 0; c < configuration.TxChannelCount; c++)
        {
            _device.SetSampleRate(StreamDirection.Transmit, c, configuration.SampleRateHz);
            _device.SetFrequency(StreamDirection.Transmit, c, configuration.TxCenterFrequencyHz);
            _device.SetGain(StreamDirection.Transmit, c, configuration.TxGainDb);
            _device.SetBandwidth(StreamDirection.Transmit, c, configuration.BandwidthHz ?? configuration.SampleRateHz);
        }

        _rxStream = configuration.RxChannelCount > 0 ? _device.SetupStream(StreamDirection.Receive, format, configuration.RxChannelCount) : IntPtr.Zero;
        _txStream = configuration.TxChannelCount > 0 ? _device.SetupStream(StreamDirection.Transmit, format, configuration.TxChannelCount) : IntPtr.Zero;
    }

    /// <inheritdoc />
    protected override void ApplySetting(RadioSetting setting, RadioConfiguration configuration)
    {
        for (int c = 0; c < configuration.RxChannelCount; c++)
        {
            if (setting == RadioSetting.RxCenterFrequency)
            {
                _device.SetFrequency(StreamDirection.Receive, c, configuration.RxCenterFrequencyHz);
            }
            else if (setting == RadioSetting.RxGain)
            {
                _device.SetGain(StreamDirection.Receive, c, configuration.RxGainDb);
            }
        }

        for (int c = 0; c < configuration.TxChannelCount; c++)
        {
            if (setting == RadioSetting.TxCenterFrequency)
            {
                _device.SetFrequency(StreamDirection.Transmit, c, configuration.TxCenterFrequencyHz);
            }
            else if (setting == RadioSetting.TxGain)
            {
                _device.SetGain(StreamDirection.Transmit, c, configuration.TxGainDb);
            }
        }
    }

    /// <inheritdoc />
    protected override void OnStart(long atTimestampSamples)
    {
        _start = atTimestampSamples;
        if (_rxStream != IntPtr.Zero)
        {
            Activate(_rxStream);
            _rxThread = new Thread(RunReceive) { IsBackground = true, Name = "soapy rx" };
            _rxThread.Start();
        }

        if (_txStream != IntPtr.Zero)
        {
            Activate(_txStream);
            _txThread = new Thread(RunTransmit) { IsBackground = true, Name = "soapy tx" };
            _txThread.Start();
        }
    }

    /// <inheritdoc />
    protected override void OnStop()
    {
        _rxThread?.Join();
        _txThread?.Join();
        if (_rxStream != IntPtr.Zero)
        {
            SoapyNative.DeactivateStream(_device.Handle, _rxStream, 0, 0);
        }

        if (_txStream != IntPtr.Zero)
        {
            SoapyNative.DeactivateStream(_device.Handle, _txStream, 0, 0);
        }
    }

    /// <inheritdoc />
    protected override void OnDispose()
    {
        CloseStreams();
        _device.Dispose();
    }

    private static RadioCapabilities Describe(SoapyDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        int rx = device.ChannelCount(StreamDirection.Receive);
        int tx = device.ChannelCount(StreamDirection.Transmit);
        StreamDirection main = rx > 0 ? StreamDirection.Receive : StreamDirection.Transmit;
        return new RadioCapabilities(
            "soapy",
            FullDuplex: rx > 0 && tx > 0 && device.FullDuplex,
            HardwareTimestamps: device.HasHardwareTime,
            rx,
            tx,
            rx + tx > 0 ? device.SampleRateRange(main) : new ValueRange(0, 0),
            rx + tx > 0 ? device.FrequencyRange(main) : new ValueRange(0, 0),
            rx > 0 ? device.GainRange(StreamDirection.Receive) : new ValueRange(0, 0),
            tx > 0 ? device.GainRange(StreamDirection.Transmit) : new ValueRange(0, 0),
            new ValueRange(0, 1e10),
            ["internal", "external", "gpsdo"],
            ["internal", "external", "gpsdo"]);
    }

    private void Activate(IntPtr stream)
    {
        int result = SoapyNative.ActivateStream(_device.Handle, stream, 0, 0, 0);
        if (result != 0)
        {
            throw new SoapyException($"SoapySDR activateStream failed with {result}: {SoapyNative.LastErrorText()}");
        }
    }

    private void CloseStreams()
    {
        if (_rxStream != IntPtr.Zero)
        {
            _device.CloseStream(_rxStream);
            _rxStream = IntPtr.Zero;
        }

        if (_txStream != IntPtr.Zero)
        {
            _device.CloseStream(_txStream);
            _txStream = IntPtr.Zero;
        }
    }

    private void RunReceive()
    {
        SampleRing ring = RxRing!;
        double rate = Configuration.SampleRateHz;
        void** buffers = stackalloc void*[64];
        long clock = 0;
        while (!IsStopping)
        {
            if (!ring.TryAcquire(out int slot))
            {
                // The caller is behind: let the device overflow and report it when readStream says so.
                Thread.Sleep(0);
                continue;
            }

            for (int c = 0; c < ring.ChannelCount; c++)
            {
                buffers[c] = (void*)ring.GetSlotAddress(slot, c);
            }

            int n = SoapyNative.ReadStream(_device.Handle, _rxStream, buffers, (nuint)ring.BlockCapacity, out int flags, out long timeNs, 100_000);
            if (n > 0)
            {
                long ts = (flags & SoapyNative.FlagHasTime) != 0 ? (long)Math.Round(timeNs * rate / 1e9) : clock;
                clock = ts + n;
                if (clock > _start)
                {
                    ring.Commit(slot, n, ts, BurstFlags.None);
                }
            }
            else if (n == SoapyNative.ErrorOverflow)
            {
                Events.Report(RadioEventKind.Overflow, StreamDirection.Receive, -1, clock, 0);
            }
            else if (n != SoapyNative.ErrorTimeout)
            {
                Events.Report(RadioEventKind.Dropped, StreamDirection.Receive, -1, clock, 0);
            }
        }
    }

    private void RunTransmit()
    {
        SampleRing ring = TxRing!;
        double rate = Configuration.SampleRateHz;
        int elementSize = ring.Format == SampleFormat.ComplexF32 ? 8 : 4;
        void** buffers = stackalloc void*[64];
        while (!IsStopping)
        {
            if (!ring.TryPeek(out int slot, out int count, out long ts, out BurstFlags burst))
            {
                Thread.Sleep(0);
                continue;
            }

            int done = 0;
            while (done < count && !IsStopping)
            {
                for (int c = 0; c < ring.ChannelCount; c++)
                {
                    buffers[c] = (byte*)ring.GetSlotAddress(slot, c) + (done * elementSize);
                }

                int flags = SoapyNative.FlagHasTime | ((burst & BurstFlags.EndOfBurst) != 0 ? SoapyNative.FlagEndBurst : 0);
                long timeNs = (long)Math.Round((ts + done) * 1e9 / rate);
                int n = SoapyNative.WriteStream(_device.Handle, _txStream, buffers, (nuint)(count - done), ref flags, timeNs, 100_000);
                if (n > 0)
                {
                    done += n;
                }
                else if (n == SoapyNative.ErrorTime)
                {
                    Events.Report(RadioEventKind.Late, StreamDirection.Transmit, -1, ts + done, count - done);
                    break;
                }
                else if (n == SoapyNative.ErrorUnderflow)
                {
                    Events.Report(RadioEventKind.Underflow, StreamDirection.Transmit, -1, ts + done, 0);
                }
                else if (n != SoapyNative.ErrorTimeout)
                {
                    Events.Report(RadioEventKind.Dropped, StreamDirection.Transmit, -1, ts + done, count - done);
                    break;
                }
            }

            ring.Release();
        }
    }
}
