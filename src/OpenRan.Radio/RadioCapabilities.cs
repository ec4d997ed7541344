using System.Collections.Generic;

namespace OpenRan.Radio;

/// <summary>What a radio can do: declared by its driver, checked by <see cref="IRadio.Configure"/>.</summary>
/// <param name="Driver">The driver name (<c>zmq</c>, <c>file</c>, <c>loopback</c>, <c>soapy</c>, <c>hackrf</c>, …).</param>
/// <param name="FullDuplex">Whether RX and TX can stream at the same time (a HackRF cannot).</param>
/// <param name="HardwareTimestamps">Whether timestamps come from the device's sample clock; when false they are counted by the host and are exact only while no sample is lost.</param>
/// <param name="MaxRxChannelCount">Receive channels available.</param>
/// <param name="MaxTxChannelCount">Transmit channels available.</param>
/// <param name="SampleRateHz">Supported sample rates.</param>
/// <param name="CenterFrequencyHz">Supported centre frequencies.</param>
/// <param name="RxGainDb">Supported receive gains.</param>
/// <param name="TxGainDb">Supported transmit gains.</param>
/// <param name="BandwidthHz">Supported analogue filter bandwidths.</param>
/// <param name="ClockSources">Reference clock sources, the first being the default.</param>
/// <param name="TimeSources">Time sources, the first being the default.</param>
public sealed record RadioCapabilities(
    string Driver,
    bool FullDuplex,
    bool HardwareTimestamps,
    int MaxRxChannelCount,
    int MaxTxChannelCount,
    ValueRange SampleRateHz,
    ValueRange CenterFrequencyHz,
    ValueRange RxGainDb,
    ValueRange TxGainDb,
    ValueRange BandwidthHz,
    IReadOnlyList<string> ClockSources,
    IReadOnlyList<string> TimeSources)
{
    /// <summary>Capabilities of a software radio: full duplex, exact timestamps, any rate and frequency, gains ignored.</summary>
    public static RadioCapabilities Virtual(string driver, int maxRxChannelCount, int maxTxChannelCount) => new(
        driver,
        FullDuplex: true,
        HardwareTimestamps: true,
        maxRxChannelCount,
        maxTxChannelCount,
        SampleRateHz: new ValueRange(1, 1e10),
        CenterFrequencyHz: new ValueRange(0, 1e12),
        RxGainDb: new ValueRange(-200, 200),
        TxGainDb: new ValueRange(-200, 200),
        BandwidthHz: new ValueRange(0, 1e10),
        ClockSources: ["internal"],
        TimeSources: ["internal"]);
}
