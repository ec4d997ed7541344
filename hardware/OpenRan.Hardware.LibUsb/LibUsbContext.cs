using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace OpenRan.Hardware.LibUsb;

/// <summary>A USB device found on the bus.</summary>
/// <param name="VendorId">idVendor.</param>
/// <param name="ProductId">idProduct.</param>
/// <param name="Bus">The bus number.</param>
/// <param name="Address">The device address on the bus.</param>
public sealed record UsbDeviceInfo(ushort VendorId, ushort ProductId, byte Bus, byte Address)
{
    /// <summary>Formats as <c>vvvv:pppp (bus B, address A)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{VendorId:x4}:{ProductId:x4} (bus {Bus}, address {Address})");
}

/// <summary>
/// A libusb context with its event thread: enumerates devices, opens them, and handles asynchronous transfer
/// completions on a dedicated thread (<c>libusb_handle_events_timeout_completed</c> in a loop).
/// </summary>
public sealed unsafe class LibUsbContext : IDisposable
{
    private readonly LibUsbContextHandle _handle;
    private readonly Thread _eventThread;
    private volatile bool _stopping;

    private LibUsbContext(LibUsbContextHandle handle)
    {
        _handle = handle;
        _eventThread = new Thread(RunEvents) { IsBackground = true, Name = "libusb events" };
        _eventThread.Start();
    }

    internal LibUsbContextHandle Handle => _handle;

    /// <summary>Initializes libusb; throws <see cref="OpenRan.Radio.RadioUnavailableException"/> when the library is missing.</summary>
    public static LibUsbContext Create()
    {
        LibUsbLibrary.EnsureAvailable();
        int result = LibUsbNative.Init(out IntPtr context);
        if (result < 0)
        {
            throw new LibUsbException("libusb_init", result);
        }

        return new LibUsbContext(new LibUsbContextHandle(context));
    }

    /// <summary>Every device on the bus (optionally only <paramref name="vendorId"/>:<paramref name="productId"/>).</summary>
    public IReadOnlyList<UsbDeviceInfo> ListDevices(ushort? vendorId = null, ushort? productId = null)
    {
        var found = new List<UsbDeviceInfo>();
        ForEachDevice((device, descriptor) =>
        {
            if ((vendorId is null || descriptor.VendorId == vendorId) && (productId is null || descriptor.ProductId == productId))
            {
                found.Add(new UsbDeviceInfo(descriptor.VendorId, descriptor.ProductId, LibUsbNative.GetBusNumber(device), LibUsbNative.GetDeviceAddress(device)));
            }

            return false;
        });
        return found;
    }

    /// <summary>
    /// Opens the <paramref name="index"/>-th device with <paramref name="vendorId"/>:<paramref name="productId"/>, sets
    /// configuration <paramref name="configuration"/> and claims interface <paramref name="interfaceNumber"/>.
    /// </summary>
    /// <exception cref="LibUsbException">Not found, no permission, or busy.</exception>
    public LibUsbDevice Open(ushort vendorId, ushort productId, int index = 0, int configuration = 1, int interfaceNumber = 0)
    {
        IntPtr rawHandle = IntPtr.Zero;
        UsbDeviceInfo? info = null;
        int seen = 0;
        int openResult = LibUsbError.NotFound;
        ForEachDevice((device, descriptor) =>
        {
            if (descriptor.VendorId != vendorId || descriptor.ProductId != productId || seen++ != index)
            {
                return false;
            }

            openResult = LibUsbNative.Open(device, out rawHandle);
            info = new UsbDeviceInfo(vendorId, productId, LibUsbNative.GetBusNumber(device), LibUsbNative.GetDeviceAddress(device));
            return true;
        });
        if (openResult < 0)
        {
            throw new LibUsbException(string.Create(CultureInfo.InvariantCulture, $"opening USB device {vendorId:x4}:{productId:x4} #{index}"), openResult);
        }

        var handle = new LibUsbDeviceHandle(rawHandle);
        int result = LibUsbNative.SetConfiguration(handle, configuration);
        if (result < 0 && result != LibUsbError.Busy)
        {
            handle.Dispose();
            throw new LibUsbException("libusb_set_configuration", result);
        }

        result = LibUsbNative.ClaimInterface(handle, interfaceNumber);
        if (result < 0)
        {
            handle.Dispose();
            throw new LibUsbException("libusb_claim_interface", result);
        }

        handle.ClaimedInterface = interfaceNumber;
        return new LibUsbDevice(this, handle, info!.ToString());
    }

    /// <summary>Stops the event thread and releases the context.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        LibUsbNative.InterruptEventHandler(_handle);
        _eventThread.Join();
        _handle.Dispose();
    }

    private void ForEachDevice(Func<IntPtr, LibUsbNative.DeviceDescriptor, bool> visit)
    {
        nint count = LibUsbNative.GetDeviceList(_handle.DangerousGetHandle(), out IntPtr list);
        if (count < 0)
        {
            throw new LibUsbException("libusb_get_device_list", (int)count);
        }

        try
        {
            var devices = (IntPtr*)list;
            for (nint i = 0; i < count; i++)
            {
                if (LibUsbNative.GetDeviceDescriptor(devices[i], out LibUsbNative.DeviceDescriptor descriptor) == 0 && visit(devices[i], descriptor))
                {
                    break;
                }
            }
        }
        finally
        {
            LibUsbNative.FreeDeviceList(list, 1);
        }
    }

    private void RunEvents()
    {
        var timeout = new LibUsbNative.TimeValue { Seconds = 0, Microseconds = 100_000 };
        while (!_stopping)
        {
            LibUsbNative.HandleEventsTimeoutCompleted(_handle, ref timeout, null);
        }
    }
}
