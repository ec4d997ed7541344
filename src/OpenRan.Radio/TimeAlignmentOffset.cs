namespace OpenRan.Radio;

/// <summary>
/// A TX/RX time alignment offset that applies at one sample rate: transmit timestamps are moved
/// <see cref="OffsetSamples"/> samples earlier on the wire, compensating the extra delay of the transmit path of a device
/// at that rate (as UHD-based base stations calibrate per rate).
/// </summary>
/// <param name="SampleRateHz">The sample rate the offset was calibrated at.</param>
/// <param name="OffsetSamples">The number of samples a transmission is advanced by; negative values delay it.</param>
public readonly record struct TimeAlignmentOffset(double SampleRateHz, int OffsetSamples);
