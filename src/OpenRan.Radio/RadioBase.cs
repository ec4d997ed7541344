using System;
using System.Threading;
using OpenRan.Dsp;
using OpenRan.Radio.Streaming;

namespace OpenRan.Radio;

/// <summary>
/// The shared part of every radio: the lifecycle state machine, configuration validation, the management plane, the
/// event log and the SPSC rings with their caller-side streams. A driver derives from it, fills <see cref="RxRing"/>
/// and drains <see cref="TxRing"/> on its own thread, and overrides the <c>On…</c> hooks.
/// </summary>
public abstract class RadioBase : IRadio, IRadioManagement
{
    private readonly Lock _control = new();
    private RadioConfiguration? _configuration;
    private RxStream? _rx;
    private TxStream? _tx;
    private volatile RadioState _state = RadioState.Opened;
    private volatile bool _stopping;

    /// <summary>Creates a radio in the <see cref="RadioState.Opened"/> state.</summary>
    protected RadioBase(RadioCapabilities capabilities, string label)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(label);
        Capabilities = capabilities;
        Label = label;
    }

    /// <inheritdoc />
    public RadioCapabilities Capabilities { get; }

    /// <inheritdoc />
    public string Label { get; }

    /// <inheritdoc />
    public RadioState State => _state;

    /// <inheritdoc />
    public RadioEventLog Events { get; } = new();

    /// <inheritdoc />
    public IRadioManagement Management => this;

    /// <inheritdoc />
    public RadioConfiguration Configuration => _configuration ?? throw new InvalidOperationException($"{Label}: call Configure first.");

    /// <inheritdoc />
    public IRxStream Rx => _rx ?? throw new InvalidOperationException($"{Label}: no receive stream; configure RxChannelCount ≥ 1 first.");

    /// <inheritdoc />
    public ITxStream Tx => _tx ?? throw new InvalidOperationException($"{Label}: no transmit stream; configure TxChannelCount ≥ 1 first.");

    /// <summary>The receive ring the driver fills (null without receive channels).</summary>
    protected SampleRing? RxRing { get; private set; }

    /// <summary>The transmit ring the driver drains (null without transmit channels).</summary>
    protected SampleRing? TxRing { get; private set; }

    /// <summary>Whether <see cref="Stop"/> has been requested; driver threads poll it.</summary>
    protected internal bool IsStopping => _stopping;

    internal TimeSpan StreamTimeout => Configuration.StreamTimeout;

    /// <summary>
    /// Samples per channel that really left through the transmit stream (<see cref="ITxStream.DeliveredSampleCount"/>).
    /// The default counts what the driver took from the transmit ring, less what it dropped as late; a driver that
    /// knows better (ZMQ: what the peer asked for and was sent) overrides it.
    /// </summary>
    protected internal virtual long TransmitDeliveredSampleCount =>
        TxRing is null ? 0 : Math.Max(0, TxRing.ReleasedSampleCount - Events.SampleCount(RadioEventKind.Late));

    internal int TimeAlignmentOffsetSamples { get; private set; }

    /// <inheritdoc />
    public void Configure(RadioConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        lock (_control)
        {
            ThrowIfDisposed();
            if (_state == RadioState.Streaming)
            {
                throw new InvalidOperationException($"{Label}: stop the radio before reconfiguring it.");
            }

            configuration.Validate(Capabilities);
            ValidateConfiguration(configuration);
            RxRing = configuration.RxChannelCount > 0
                ? SampleRing.Create(configuration.StreamFormat, configuration.RxChannelCount, configuration.BlockSampleCount, configuration.RingBlockCount)
                : null;
            TxRing = configuration.TxChannelCount > 0
                ? SampleRing.Create(configuration.StreamFormat, configuration.TxChannelCount, configuration.BlockSampleCount, configuration.RingBlockCount)
                : null;
            _rx = RxRing is null ? null : new RxStream(this, RxRing);
            _tx = TxRing is null ? null : new TxStream(this, TxRing);
            OnConfigure(configuration);
            _configuration = configuration;
            TimeAlignmentOffsetSamples = configuration.TimeAlignmentOffsetSamples;
            _state = RadioState.Configured;
        }
    }

    /// <inheritdoc />
    public void Start(long atTimestampSamples = 0)
    {
        lock (_control)
        {
            ThrowIfDisposed();
            if (_state is not (RadioState.Configured or RadioState.Stopped))
            {
                throw new InvalidOperationException($"{Label}: Start needs a configured, non-streaming radio; state is {_state}.");
            }

            if (atTimestampSamples < 0)
            {
                ThrowHelper.ThrowOutOfRange(nameof(atTimestampSamples), atTimestampSamples, "≥ 0");
            }

            RxRing?.Reset();
            TxRing?.Reset();
            _rx?.Reset(atTimestampSamples);
            _stopping = false;
            OnStart(atTimestampSamples);
            _state = RadioState.Streaming;
        }
    }

    /// <inheritdoc />
    public void Stop()
    {
        lock (_control)
        {
            if (_state != RadioState.Streaming)
            {
                return;
            }

            _stopping = true;
            OnStop();

            // What the driver never took from the transmit ring is lost: count it, never let it vanish silently.
            if (TxRing is not null)
            {
                long unsent = TxRing.Discard(out long firstTimestamp);
                if (unsent > 0)
                {
                    Events.Report(RadioEventKind.Dropped, StreamDirection.Transmit, -1, firstTimestamp, unsent);
                }
            }

            _state = RadioState.Stopped;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_control)
        {
            if (_state == RadioState.Disposed)
            {
                return;
            }
        }

        Stop();
        lock (_control)
        {
            OnDispose();
            _state = RadioState.Disposed;
        }

        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public void SetSampleRate(double sampleRateHz) =>
        Change(RadioSetting.SampleRate, c => c with { SampleRateHz = sampleRateHz }, whileStreaming: false);

    /// <inheritdoc />
    public void SetCenterFrequency(StreamDirection direction, double centerFrequencyHz) =>
        Change(
            direction == StreamDirection.Receive ? RadioSetting.RxCenterFrequency : RadioSetting.TxCenterFrequency,
            c => direction == StreamDirection.Receive ? c with { RxCenterFrequencyHz = centerFrequencyHz } : c with { TxCenterFrequencyHz = centerFrequencyHz },
            whileStreaming: true);

    /// <inheritdoc />
    public void SetGain(StreamDirection direction, double gainDb) =>
        Change(
            direction == StreamDirection.Receive ? RadioSetting.RxGain : RadioSetting.TxGain,
            c => direction == StreamDirection.Receive ? c with { RxGainDb = gainDb } : c with { TxGainDb = gainDb },
            whileStreaming: true);

    /// <inheritdoc />
    public void SetBandwidth(double bandwidthHz) =>
        Change(RadioSetting.Bandwidth, c => c with { BandwidthHz = bandwidthHz }, whileStreaming: true);

    /// <inheritdoc />
    public void SetClockSource(string clockSource) =>
        Change(RadioSetting.ClockSource, c => c with { ClockSource = clockSource }, whileStreaming: false);

    /// <inheritdoc />
    public void SetTimeSource(string timeSource) =>
        Change(RadioSetting.TimeSource, c => c with { TimeSource = timeSource }, whileStreaming: false);

    /// <inheritdoc />
    public void SetTimeAlignment(double sampleRateHz, int offsetSamples) =>
        Change(
            RadioSetting.TimeAlignment,
            c =>
            {
                var entries = new System.Collections.Generic.List<TimeAlignmentOffset>();
                foreach (TimeAlignmentOffset e in c.TimeAlignment)
                {
                    if (e.SampleRateHz != sampleRateHz)
                    {
                        entries.Add(e);
                    }
                }

                entries.Add(new TimeAlignmentOffset(sampleRateHz, offsetSamples));
                return c with { TimeAlignment = entries };
            },
            whileStreaming: false);

    /// <summary>Driver-specific checks beyond the capabilities (throw <see cref="ArgumentException"/> naming the field).</summary>
    protected virtual void ValidateConfiguration(RadioConfiguration configuration)
    {
    }

    /// <summary>Applies a new configuration to the device (rings already exist); called under the control lock.</summary>
    protected abstract void OnConfigure(RadioConfiguration configuration);

    /// <summary>Starts the driver threads; the first delivered receive sample must have timestamp <paramref name="atTimestampSamples"/>.</summary>
    protected abstract void OnStart(long atTimestampSamples);

    /// <summary>Stops and joins the driver threads (<see cref="IsStopping"/> is already true).</summary>
    protected abstract void OnStop();

    /// <summary>Releases native resources.</summary>
    protected abstract void OnDispose();

    /// <summary>Applies one changed setting to the device; the default accepts it (virtual radios ignore RF settings).</summary>
    protected virtual void ApplySetting(RadioSetting setting, RadioConfiguration configuration)
    {
    }

    /// <summary>
    /// Called from the receive path (caller's thread, allocation-free) when a read waits for samples up to (excluding)
    /// <paramref name="timestampSamples"/>. Virtual radios use it to zero-pad their transmitters up to that time.
    /// </summary>
    protected internal virtual void OnReceiveDemand(long timestampSamples)
    {
    }

    internal void ThrowIfNotStreamable()
    {
        if (_state is RadioState.Opened or RadioState.Disposed)
        {
            throw new InvalidOperationException($"{Label}: streams are usable after Configure and before Dispose; state is {_state}.");
        }
    }

    private void Change(RadioSetting setting, Func<RadioConfiguration, RadioConfiguration> update, bool whileStreaming)
    {
        lock (_control)
        {
            ThrowIfDisposed();
            RadioConfiguration current = Configuration;
            if (!whileStreaming && _state == RadioState.Streaming)
            {
                throw new InvalidOperationException($"{Label}: {setting} cannot change while streaming; stop the radio first.");
            }

            RadioConfiguration next = update(current);
            next.Validate(Capabilities);
            ValidateConfiguration(next);
            ApplySetting(setting, next);
            _configuration = next;
            TimeAlignmentOffsetSamples = next.TimeAlignmentOffsetSamples;
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_state == RadioState.Disposed, this);
}
