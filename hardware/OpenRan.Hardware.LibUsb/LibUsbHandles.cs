using System;
using System.Runtime.InteropServices;

namespace OpenRan.Hardware.LibUsb;

/// <summary>A <c>libusb_context*</c>, released with <c>libusb_exit</c>.</summary>
public sealed class LibUsbContextHandle : SafeHandle
{
    /// <summary>Creates an invalid handle (used by the marshaller).</summary>
    public LibUsbContextHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    internal LibUsbContextHandle(IntPtr context)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(context);

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        LibUsbNative.Exit(handle);
        return true;
    }
}

/// <summary>A <c>libusb_device_handle*</c> with its claimed interface, released with <c>libusb_release_interface</c> and <c>libusb_close</c>.</summary>
public sealed class LibUsbDeviceHandle : SafeHandle
{
    /// <summary>Creates an invalid handle (used by the marshaller).</summary>
    public LibUsbDeviceHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    internal LibUsbDeviceHandle(IntPtr deviceHandle)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(deviceHandle);

    /// <summary>The interface claimed, or −1.</summary>
    internal int ClaimedInterface { get; set; } = -1;

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        if (ClaimedInterface >= 0)
        {
            LibUsbNative.ReleaseInterface(handle, ClaimedInterface);
        }

        LibUsbNative.Close(handle);
        return true;
    }
}
