using System;

namespace OpenRan.Radio;

/// <summary>
/// The control plane of a radio (srsRAN's <c>radio_management_plane</c>): may be slow, may touch hardware, validates
/// every value against the radio's capabilities and throws <see cref="ArgumentException"/> naming what is out of range.
/// </summary>
public interface IRadioManagement
{
    /// <summary>The current configuration including every change made through this interface.</summary>
    RadioConfiguration Configuration { get; }

    /// <summary>Sets the sample rate (not while streaming).</summary>
    void SetSampleRate(double sampleRateHz);

    /// <summary>Tunes the receive or transmit centre frequency.</summary>
    void SetCenterFrequency(StreamDirection direction, double centerFrequencyHz);

    /// <summary>Sets the receive or transmit gain.</summary>
    void SetGain(StreamDirection direction, double gainDb);

    /// <summary>Sets the analogue filter bandwidth.</summary>
    void SetBandwidth(double bandwidthHz);

    /// <summary>Selects the reference clock source (not while streaming).</summary>
    void SetClockSource(string clockSource);

    /// <summary>Selects the time source (not while streaming).</summary>
    void SetTimeSource(string timeSource);

    /// <summary>Sets the TX/RX time alignment offset that applies at <paramref name="sampleRateHz"/> (not while streaming).</summary>
    void SetTimeAlignment(double sampleRateHz, int offsetSamples);
}
