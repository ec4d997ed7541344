using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using OpenRan.Dsp;
using OpenRan.Hardware.LibUsb;

namespace OpenRan.Hardware.HackRf;

/// <summary>A HackRF control request failed; the message names the request and the USB error.</summary>
public sealed class HackRfException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HackRfException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public HackRfException()
        : base("HackRF request failed")
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public HackRfException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The control plane of a HackRF One over an <see cref="IUsbDevice"/>: each method is one vendor request of the host
/// protocol, validated before it is sent, checked after.
/// </summary>
public sealed class HackRfDevice
{
    private const int TimeoutMilliseconds = 1000;
    private readonly IUsbDevice _usb;

    /// <summary>Controls the HackRF behind <paramref name="usb"/>.</summary>
    public HackRfDevice(IUsbDevice usb)
    {
        ArgumentNullException.ThrowIfNull(usb);
        _usb = usb;
    }

    /// <summary>The USB device.</summary>
    public IUsbDevice Usb => _usb;

    /// <summary>Sets the transceiver mode.</summary>
    public void SetTransceiverMode(HackRfTransceiverMode mode) =>
        Out(HackRfRequest.SetTransceiverMode, (ushort)mode, 0, []);

    /// <summary>
    /// Sets the sample rate as freq_hz / divider with divider 1..31 chosen so that freq_hz is the nearest integer to
    /// rate·divider with the smallest relative error (exact for integer and most fractional rates such as 15.36 Msps).
    /// </summary>
    public void SetSampleRate(double sampleRateHz)
    {
        if (!(sampleRateHz >= HackRfProtocol.MinSampleRateHz && sampleRateHz <= HackRfProtocol.MaxSampleRateHz))
        {
            ThrowHelper.ThrowOutOfRange(nameof(sampleRateHz), sampleRateHz, "2e6..20e6 Hz");
        }

        (uint frequency, uint divider) = SampleRateFraction(sampleRateHz);
        Span<byte> payload = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, frequency);
        BinaryPrimitives.WriteUInt32LittleEndian(payload[4..], divider);
        Out(HackRfRequest.SampleRateSet, 0, 0, payload);
    }

    /// <summary>The (freq_hz, divider) pair for <paramref name="sampleRateHz"/>.</summary>
    public static (uint FrequencyHz, uint Divider) SampleRateFraction(double sampleRateHz)
    {
        uint bestDivider = 1;
        double bestError = double.MaxValue;
        for (uint divider = 1; divider <= 31; divider++)
        {
            double scaled = sampleRateHz * divider;
            double error = Math.Abs(scaled - Math.Round(scaled)) / scaled;
            if (error < bestError - 1e-15)
            {
                bestError = error;
                bestDivider = divider;
            }
        }

        return ((uint)Math.Round(sampleRateHz * bestDivider), bestDivider);
    }

    /// <summary>Sets the MAX2837 baseband filter to one of <see cref="HackRfProtocol.BasebandFilterBandwidthsHz"/>.</summary>
    public void SetBasebandFilterBandwidth(uint bandwidthHz)
    {
        if (HackRfProtocol.BasebandFilterBandwidthsHz.IndexOf(bandwidthHz) < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(bandwidthHz), bandwidthHz, "one of 1.75, 2.5, 3.5, 5, 5.5, 6, 7, 8, 9, 10, 12, 14, 15, 20, 24, 28 MHz");
        }

        Out(HackRfRequest.BasebandFilterBandwidthSet, (ushort)(bandwidthHz & 0xFFFF), (ushort)(bandwidthHz >> 16), []);
    }

    /// <summary>Tunes to <paramref name="frequencyHz"/> (integer Hz in 1 MHz..6 GHz).</summary>
    public void SetFrequency(ulong frequencyHz)
    {
        if (frequencyHz < HackRfProtocol.MinFrequencyHz || frequencyHz > HackRfProtocol.MaxFrequencyHz)
        {
            ThrowHelper.ThrowOutOfRange(nameof(frequencyHz), frequencyHz, "1e6..6e9 Hz");
        }

        Span<byte> payload = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, (uint)(frequencyHz / 1_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(payload[4..], (uint)(frequencyHz % 1_000_000));
        Out(HackRfRequest.SetFrequency, 0, 0, payload);
    }

    /// <summary>Switches the RF amplifier (about +11 dB RX, +14 dB TX).</summary>
    public void SetAmpEnable(bool enable) => Out(HackRfRequest.AmpEnable, enable ? (ushort)1 : (ushort)0, 0, []);

    /// <summary>Sets the RX LNA gain: 0..40 dB in steps of 8.</summary>
    public void SetLnaGain(int gainDb)
    {
        if (gainDb < 0 || gainDb > HackRfProtocol.MaxLnaGainDb || gainDb % 8 != 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(gainDb), gainDb, "0..40 dB in steps of 8");
        }

        GainRequest(HackRfRequest.SetLnaGain, gainDb);
    }

    /// <summary>Sets the RX VGA gain: 0..62 dB in steps of 2.</summary>
    public void SetVgaGain(int gainDb)
    {
        if (gainDb < 0 || gainDb > HackRfProtocol.MaxVgaGainDb || gainDb % 2 != 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(gainDb), gainDb, "0..62 dB in steps of 2");
        }

        GainRequest(HackRfRequest.SetVgaGain, gainDb);
    }

    /// <summary>Sets the TX VGA gain: 0..47 dB.</summary>
    public void SetTxVgaGain(int gainDb)
    {
        ThrowHelper.ThrowIfOutside(gainDb, 0, HackRfProtocol.MaxTxVgaGainDb);
        GainRequest(HackRfRequest.SetTxVgaGain, gainDb);
    }

    /// <summary>Reads the board ID (2 = HackRF One).</summary>
    public byte ReadBoardId()
    {
        Span<byte> reply = stackalloc byte[1];
        int n = _usb.ControlTransfer(HackRfProtocol.RequestTypeVendorIn, (byte)HackRfRequest.BoardIdRead, 0, 0, reply, TimeoutMilliseconds);
        Check(HackRfRequest.BoardIdRead, n, 1);
        return reply[0];
    }

    /// <summary>Reads the firmware version string.</summary>
    public string ReadVersionString()
    {
        Span<byte> reply = stackalloc byte[255];
        int n = _usb.ControlTransfer(HackRfProtocol.RequestTypeVendorIn, (byte)HackRfRequest.VersionStringRead, 0, 0, reply, TimeoutMilliseconds);
        Check(HackRfRequest.VersionStringRead, n, 0);
        return Encoding.ASCII.GetString(reply[..n]).TrimEnd('\0');
    }

    private void GainRequest(HackRfRequest request, int gainDb)
    {
        // Gains are IN requests: the firmware answers one byte, non-zero when it accepted the value.
        Span<byte> reply = stackalloc byte[1];
        int n = _usb.ControlTransfer(HackRfProtocol.RequestTypeVendorIn, (byte)request, 0, (ushort)gainDb, reply, TimeoutMilliseconds);
        Check(request, n, 1);
        if (reply[0] == 0)
        {
            throw new HackRfException(string.Create(CultureInfo.InvariantCulture, $"HackRF {request} = {gainDb} dB was rejected by the firmware."));
        }
    }

    private void Out(HackRfRequest request, ushort value, ushort index, Span<byte> payload)
    {
        int n = _usb.ControlTransfer(HackRfProtocol.RequestTypeVendorOut, (byte)request, value, index, payload, TimeoutMilliseconds);
        Check(request, n, payload.Length);
    }

    private void Check(HackRfRequest request, int result, int expectedLength)
    {
        if (result < 0)
        {
            throw new HackRfException($"HackRF {request} on {_usb.Description} failed: {LibUsbError.Name(result)} ({result}).");
        }

        if (result < expectedLength)
        {
            throw new HackRfException(string.Create(CultureInfo.InvariantCulture, $"HackRF {request} on {_usb.Description} transferred {result} of {expectedLength} bytes."));
        }
    }
}
