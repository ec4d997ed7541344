namespace OpenRan.Hardware.HackRf;

/// <summary>
/// Facts of the HackRF host protocol (the public libhackrf <c>hackrf.c</c> and the firmware's USB request table):
/// identifiers, vendor request numbers, transceiver modes, endpoints, transfer sizes and the ranges the firmware accepts.
/// </summary>
public static class HackRfProtocol
{
    /// <summary>USB vendor ID (OpenMoko, shared by Great Scott Gadgets).</summary>
    public const ushort VendorId = 0x1d50;

    /// <summary>USB product ID of the HackRF One.</summary>
    public const ushort HackRfOneProductId = 0x6089;

    /// <summary>USB product ID of the Jawbreaker (the HackRF One's predecessor).</summary>
    public const ushort JawbreakerProductId = 0x604b;

    /// <summary>bmRequestType for host-to-device vendor requests to the device (LIBUSB_ENDPOINT_OUT | REQUEST_TYPE_VENDOR | RECIPIENT_DEVICE).</summary>
    public const byte RequestTypeVendorOut = 0x40;

    /// <summary>bmRequestType for device-to-host vendor requests (LIBUSB_ENDPOINT_IN | REQUEST_TYPE_VENDOR | RECIPIENT_DEVICE).</summary>
    public const byte RequestTypeVendorIn = 0xC0;

    /// <summary>Bulk IN endpoint carrying received samples.</summary>
    public const byte ReceiveEndpoint = 0x81;

    /// <summary>Bulk OUT endpoint carrying samples to transmit.</summary>
    public const byte TransmitEndpoint = 0x02;

    /// <summary>Bytes per bulk transfer (libhackrf's buffer size).</summary>
    public const int TransferSize = 262144;

    /// <summary>Transfers kept in flight (libhackrf's transfer count).</summary>
    public const int TransferCount = 4;

    /// <summary>Bytes per complex sample: 8-bit signed I then Q.</summary>
    public const int BytesPerSample = 2;

    /// <summary>The lowest sample rate the driver configures, in Hz (the MAX5864 converter's practical minimum).</summary>
    public const double MinSampleRateHz = 2e6;

    /// <summary>The highest sample rate, in Hz (USB 2.0 high-speed bulk limit for 8-bit I/Q).</summary>
    public const double MaxSampleRateHz = 20e6;

    /// <summary>The lowest tunable frequency in Hz.</summary>
    public const double MinFrequencyHz = 1e6;

    /// <summary>The highest tunable frequency in Hz.</summary>
    public const double MaxFrequencyHz = 6e9;

    /// <summary>The largest RX LNA (IF) gain in dB; steps of 8 dB.</summary>
    public const int MaxLnaGainDb = 40;

    /// <summary>The largest RX VGA (baseband) gain in dB; steps of 2 dB.</summary>
    public const int MaxVgaGainDb = 62;

    /// <summary>The largest TX VGA gain in dB; steps of 1 dB.</summary>
    public const int MaxTxVgaGainDb = 47;

    /// <summary>The MAX2837 baseband filter bandwidths in Hz, ascending (libhackrf <c>max2837_ft</c>).</summary>
    public static System.ReadOnlySpan<uint> BasebandFilterBandwidthsHz =>
    [
        1_750_000, 2_500_000, 3_500_000, 5_000_000, 5_500_000, 6_000_000, 7_000_000, 8_000_000, 9_000_000, 10_000_000,
        12_000_000, 14_000_000, 15_000_000, 20_000_000, 24_000_000, 28_000_000,
    ];

    /// <summary>The largest supported filter bandwidth ≤ <paramref name="bandwidthHz"/> (the smallest one if none is).</summary>
    public static uint FilterBandwidthAtMost(double bandwidthHz)
    {
        uint chosen = BasebandFilterBandwidthsHz[0];
        foreach (uint bw in BasebandFilterBandwidthsHz)
        {
            if (bw <= bandwidthHz)
            {
                chosen = bw;
            }
        }

        return chosen;
    }
}

/// <summary>HackRF vendor request numbers (<c>bRequest</c>).</summary>
public enum HackRfRequest : byte
{
    /// <summary>Sets the transceiver mode (wValue: <see cref="HackRfTransceiverMode"/>).</summary>
    SetTransceiverMode = 1,

    /// <summary>Sets the sample rate: 8-byte payload {uint32 freq_hz, uint32 divider}, little-endian; rate = freq_hz / divider.</summary>
    SampleRateSet = 6,

    /// <summary>Sets the baseband filter bandwidth: wValue = low 16 bits, wIndex = high 16 bits (Hz).</summary>
    BasebandFilterBandwidthSet = 7,

    /// <summary>Reads the board ID (1 byte IN).</summary>
    BoardIdRead = 14,

    /// <summary>Reads the firmware version string (IN, up to 255 bytes).</summary>
    VersionStringRead = 15,

    /// <summary>Tunes: 8-byte payload {uint32 freq_mhz, uint32 freq_hz}, little-endian; frequency = MHz·10^6 + Hz.</summary>
    SetFrequency = 16,

    /// <summary>Enables the RF amplifier (wValue 1) or disables it (0).</summary>
    AmpEnable = 17,

    /// <summary>Sets the RX LNA gain (IN, wIndex = dB, 1-byte reply: non-zero on success).</summary>
    SetLnaGain = 19,

    /// <summary>Sets the RX VGA gain (IN, wIndex = dB, 1-byte reply).</summary>
    SetVgaGain = 20,

    /// <summary>Sets the TX VGA gain (IN, wIndex = dB, 1-byte reply).</summary>
    SetTxVgaGain = 21,
}

/// <summary>HackRF transceiver modes (wValue of <see cref="HackRfRequest.SetTransceiverMode"/>).</summary>
public enum HackRfTransceiverMode : ushort
{
    /// <summary>Idle.</summary>
    Off = 0,

    /// <summary>Streams received samples on bulk IN 0x81.</summary>
    Receive = 1,

    /// <summary>Transmits samples from bulk OUT 0x02.</summary>
    Transmit = 2,
}
