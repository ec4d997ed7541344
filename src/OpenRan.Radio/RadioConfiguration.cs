using System;
using System.Collections.Generic;
using System.Globalization;
using OpenRan.Dsp;

namespace OpenRan.Radio;

/// <summary>
/// The immutable configuration a radio is started with: control settings (rate, frequency, gains, bandwidth, clock and
/// time source, time alignment) and the shape of the sample streams (channels, format, block and ring sizes).
/// </summary>
/// <remarks>
/// Stream buffers are sized once from <see cref="BlockSampleCount"/> × <see cref="RingBlockCount"/> per channel when the
/// radio is configured; nothing is allocated while streaming.
/// </remarks>
public sealed record RadioConfiguration
{
    /// <summary>The sample rate in Hz (both directions).</summary>
    public double SampleRateHz { get; init; } = 1.92e6;

    /// <summary>The receive centre frequency in Hz.</summary>
    public double RxCenterFrequencyHz { get; init; } = 2.4e9;

    /// <summary>The transmit centre frequency in Hz.</summary>
    public double TxCenterFrequencyHz { get; init; } = 2.4e9;

    /// <summary>The receive gain in dB.</summary>
    public double RxGainDb { get; init; }

    /// <summary>The transmit gain in dB.</summary>
    public double TxGainDb { get; init; }

    /// <summary>The analogue filter bandwidth in Hz, or null for the driver's choice (usually the sample rate).</summary>
    public double? BandwidthHz { get; init; }

    /// <summary>The reference clock source, one of <see cref="RadioCapabilities.ClockSources"/>.</summary>
    public string ClockSource { get; init; } = "internal";

    /// <summary>The time source, one of <see cref="RadioCapabilities.TimeSources"/>.</summary>
    public string TimeSource { get; init; } = "internal";

    /// <summary>The number of receive channels (0 for a transmit-only radio).</summary>
    public int RxChannelCount { get; init; } = 1;

    /// <summary>The number of transmit channels (0 for a receive-only radio).</summary>
    public int TxChannelCount { get; init; } = 1;

    /// <summary>The element type the streams are buffered in; both stream types can be read or written either way.</summary>
    public SampleFormat StreamFormat { get; init; } = SampleFormat.ComplexF32;

    /// <summary>The capacity of one ring block in samples per channel (64..1,048,576).</summary>
    public int BlockSampleCount { get; init; } = 8192;

    /// <summary>The number of blocks in each ring (2..4096).</summary>
    public int RingBlockCount { get; init; } = 64;

    /// <summary>How long a read or write waits for samples or room before it returns short (1 ms..1 h).</summary>
    public TimeSpan StreamTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Per-rate TX/RX time alignment offsets; the entry whose rate equals <see cref="SampleRateHz"/> applies.</summary>
    public IReadOnlyList<TimeAlignmentOffset> TimeAlignment { get; init; } = [];

    /// <summary>The alignment offset in samples for the configured sample rate (0 if none is listed).</summary>
    public int TimeAlignmentOffsetSamples
    {
        get
        {
            foreach (TimeAlignmentOffset entry in TimeAlignment)
            {
                if (entry.SampleRateHz == SampleRateHz)
                {
                    return entry.OffsetSamples;
                }
            }

            return 0;
        }
    }

    /// <summary>
    /// Checks every field against <paramref name="capabilities"/>; throws <see cref="ArgumentException"/> naming the field,
    /// its value and its valid range.
    /// </summary>
    public void Validate(RadioCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        CheckRange(nameof(SampleRateHz), SampleRateHz, capabilities.SampleRateHz);
        if (RxChannelCount > 0)
        {
            CheckRange(nameof(RxCenterFrequencyHz), RxCenterFrequencyHz, capabilities.CenterFrequencyHz);
            CheckRange(nameof(RxGainDb), RxGainDb, capabilities.RxGainDb);
        }

        if (TxChannelCount > 0)
        {
            CheckRange(nameof(TxCenterFrequencyHz), TxCenterFrequencyHz, capabilities.CenterFrequencyHz);
            CheckRange(nameof(TxGainDb), TxGainDb, capabilities.TxGainDb);
        }

        if (BandwidthHz is double bw)
        {
            CheckRange(nameof(BandwidthHz), bw, capabilities.BandwidthHz);
        }

        ThrowHelper.ThrowIfOutside(RxChannelCount, 0, capabilities.MaxRxChannelCount, nameof(RxChannelCount));
        ThrowHelper.ThrowIfOutside(TxChannelCount, 0, capabilities.MaxTxChannelCount, nameof(TxChannelCount));
        if (RxChannelCount + TxChannelCount == 0)
        {
            ThrowHelper.ThrowArgument(nameof(RxChannelCount), "a radio needs at least one receive or transmit channel.");
        }

        if (!capabilities.FullDuplex && RxChannelCount > 0 && TxChannelCount > 0)
        {
            ThrowHelper.ThrowArgument(nameof(TxChannelCount),
                $"the {capabilities.Driver} radio is half duplex: configure receive channels or transmit channels, not both (got RxChannelCount = {RxChannelCount}, TxChannelCount = {TxChannelCount}).");
        }

        ThrowHelper.ThrowIfOutside(BlockSampleCount, 64, 1 << 20, nameof(BlockSampleCount));
        ThrowHelper.ThrowIfOutside(RingBlockCount, 2, 4096, nameof(RingBlockCount));
        if (StreamTimeout < TimeSpan.FromMilliseconds(1) || StreamTimeout > TimeSpan.FromHours(1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(StreamTimeout), StreamTimeout, "1 ms..1 h");
        }

        CheckChoice(nameof(ClockSource), ClockSource, capabilities.ClockSources);
        CheckChoice(nameof(TimeSource), TimeSource, capabilities.TimeSources);
        foreach (TimeAlignmentOffset entry in TimeAlignment)
        {
            if (!(entry.SampleRateHz > 0) || Math.Abs(entry.OffsetSamples) > 1_000_000)
            {
                ThrowHelper.ThrowOutOfRange(nameof(TimeAlignment), entry, "sample rate > 0 Hz and |offset| ≤ 1,000,000 samples");
            }
        }
    }

    internal static void CheckRange(string name, double value, ValueRange range)
    {
        if (!range.Contains(value))
        {
            ThrowHelper.ThrowOutOfRange(name, value.ToString("G", CultureInfo.InvariantCulture), range.ToString());
        }
    }

    internal static void CheckChoice(string name, string value, IReadOnlyList<string> choices)
    {
        foreach (string choice in choices)
        {
            if (string.Equals(choice, value, StringComparison.Ordinal))
            {
                return;
            }
        }

        ThrowHelper.ThrowOutOfRange(name, value, string.Join(" | ", choices));
    }
}
