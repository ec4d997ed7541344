namespace OpenRan.Radio;

/// <summary>A control setting changed through <see cref="IRadioManagement"/>.</summary>
public enum RadioSetting
{
    /// <summary><see cref="RadioConfiguration.SampleRateHz"/>.</summary>
    SampleRate,

    /// <summary><see cref="RadioConfiguration.RxCenterFrequencyHz"/>.</summary>
    RxCenterFrequency,

    /// <summary><see cref="RadioConfiguration.TxCenterFrequencyHz"/>.</summary>
    TxCenterFrequency,

    /// <summary><see cref="RadioConfiguration.RxGainDb"/>.</summary>
    RxGain,

    /// <summary><see cref="RadioConfiguration.TxGainDb"/>.</summary>
    TxGain,

    /// <summary><see cref="RadioConfiguration.BandwidthHz"/>.</summary>
    Bandwidth,

    /// <summary><see cref="RadioConfiguration.ClockSource"/>.</summary>
    ClockSource,

    /// <summary><see cref="RadioConfiguration.TimeSource"/>.</summary>
    TimeSource,

    /// <summary><see cref="RadioConfiguration.TimeAlignment"/>.</summary>
    TimeAlignment,
}
