namespace OpenRan.Phy.Upper.ChannelEstimation;

/// <summary>How DM-RS pilot estimates are interpolated across frequency.</summary>
public enum FrequencyInterpolation
{
    /// <summary>Moving-average smoothing over <see cref="ChannelEstimatorOptions.SmoothingWindow"/> pilots, then linear interpolation.</summary>
    Linear,

    /// <summary>
    /// Wiener (linear MMSE) interpolation from the nearest <see cref="ChannelEstimatorOptions.WienerTaps"/> pilots, with an
    /// exponential power-delay profile of rms delay spread <see cref="ChannelEstimatorOptions.DelaySpreadSeconds"/> and the
    /// measured pilot SNR.
    /// </summary>
    Wiener,
}
