using System;
using System.Collections.Generic;
using OpenRan.Hardware.LibUsb;
using OpenRan.Radio;

namespace OpenRan.Hardware.HackRf;

/// <summary>The <c>hackrf</c> driver: HackRF One boards on the USB bus through OpenRan's libusb binding.</summary>
public sealed class HackRfRadioDriver : IRadioDriver
{
    /// <inheritdoc />
    public string Name => "hackrf";

    /// <inheritdoc />
    public string Description => "HackRF One over libusb-1.0 (half duplex, 2..20 Msps, 1 MHz..6 GHz, no hardware timestamps)";

    /// <inheritdoc />
    public IReadOnlyList<RadioArgumentSpec> Arguments { get; } =
    [
        new("index", "which HackRF when several are attached, 0..15 (default 0)"),
        new("amp", "RF amplifier on: true | false (default false)"),
    ];

    /// <inheritdoc />
    public bool IsAvailable(out string reason) => LibUsbLibrary.IsAvailable(out reason);

    /// <inheritdoc />
    public void Validate(RadioArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        arguments.ThrowIfUnknown(Name, Arguments);
        _ = arguments.GetInt64("index", 0, 0, 15);
        _ = arguments.GetBoolean("amp", false);
    }

    /// <inheritdoc />
    public IReadOnlyList<RadioDeviceInfo> Find(RadioArguments arguments)
    {
        if (!IsAvailable(out _))
        {
            return [];
        }

        using LibUsbContext context = LibUsbContext.Create();
        var found = new List<RadioDeviceInfo>();
        int index = 0;
        foreach (UsbDeviceInfo device in context.ListDevices(HackRfProtocol.VendorId, HackRfProtocol.HackRfOneProductId))
        {
            found.Add(new RadioDeviceInfo(Name, $"HackRF One {device}", $"index={index++}"));
        }

        return found;
    }

    /// <inheritdoc />
    public IRadio Open(RadioArguments arguments)
    {
        Validate(arguments);
        LibUsbContext context = LibUsbContext.Create();
        try
        {
            LibUsbDevice device = context.Open(HackRfProtocol.VendorId, HackRfProtocol.HackRfOneProductId, (int)arguments.GetInt64("index", 0, 0, 15));
            return new HackRfRadio(device, arguments.GetBoolean("amp", false), context);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }
}
