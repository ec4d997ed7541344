using System;
using System.Runtime.InteropServices;

namespace OpenRan.Hardware.LibUsb;

/// <summary>
/// The libusb-1.0 C API (libusb.h, libusb 1.0.21+), bound with <see cref="LibraryImportAttribute"/>. The library is
/// resolved lazily by <see cref="LibUsbLibrary"/>, which tries the versioned Linux name first (Debian ships only
/// <c>libusb-1.0.so.0</c> without the development package).
/// </summary>
internal static unsafe partial class LibUsbNative
{
    internal const string Library = "usb-1.0";

    /// <summary>LIBUSB_TRANSFER_TYPE_BULK.</summary>
    internal const byte TransferTypeBulk = 2;

    /// <summary><c>struct libusb_transfer</c> up to <c>num_iso_packets</c> (no isochronous descriptors are used).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Transfer
    {
        public IntPtr DeviceHandle;
        public byte Flags;
        public byte Endpoint;
        public byte Type;
        public uint Timeout;
        public int Status;
        public int Length;
        public int ActualLength;
        public IntPtr Callback;
        public IntPtr UserData;
        public IntPtr Buffer;
        public int NumIsoPackets;
    }

    /// <summary><c>struct libusb_device_descriptor</c> (USB 2.0 Table 9-8).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct DeviceDescriptor
    {
        public byte Length;
        public byte DescriptorType;
        public ushort UsbRelease;
        public byte DeviceClass;
        public byte DeviceSubClass;
        public byte DeviceProtocol;
        public byte MaxPacketSize0;
        public ushort VendorId;
        public ushort ProductId;
        public ushort DeviceRelease;
        public byte ManufacturerIndex;
        public byte ProductIndex;
        public byte SerialNumberIndex;
        public byte ConfigurationCount;
    }

    /// <summary><c>struct timeval</c> on 64-bit Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct TimeValue
    {
        public nint Seconds;
        public nint Microseconds;
    }

    [LibraryImport(Library, EntryPoint = "libusb_init")]
    internal static partial int Init(out IntPtr context);

    [LibraryImport(Library, EntryPoint = "libusb_exit")]
    internal static partial void Exit(IntPtr context);

    [LibraryImport(Library, EntryPoint = "libusb_get_device_list")]
    internal static partial nint GetDeviceList(IntPtr context, out IntPtr list);

    [LibraryImport(Library, EntryPoint = "libusb_free_device_list")]
    internal static partial void FreeDeviceList(IntPtr list, int unreferenceDevices);

    [LibraryImport(Library, EntryPoint = "libusb_get_device_descriptor")]
    internal static partial int GetDeviceDescriptor(IntPtr device, out DeviceDescriptor descriptor);

    [LibraryImport(Library, EntryPoint = "libusb_get_bus_number")]
    internal static partial byte GetBusNumber(IntPtr device);

    [LibraryImport(Library, EntryPoint = "libusb_get_device_address")]
    internal static partial byte GetDeviceAddress(IntPtr device);

    [LibraryImport(Library, EntryPoint = "libusb_open")]
    internal static partial int Open(IntPtr device, out IntPtr handle);

    [LibraryImport(Library, EntryPoint = "libusb_close")]
    internal static partial void Close(IntPtr handle);

    [LibraryImport(Library, EntryPoint = "libusb_set_configuration")]
    internal static partial int SetConfiguration(LibUsbDeviceHandle handle, int configuration);

    [LibraryImport(Library, EntryPoint = "libusb_claim_interface")]
    internal static partial int ClaimInterface(LibUsbDeviceHandle handle, int interfaceNumber);

    [LibraryImport(Library, EntryPoint = "libusb_release_interface")]
    internal static partial int ReleaseInterface(IntPtr handle, int interfaceNumber);

    [LibraryImport(Library, EntryPoint = "libusb_clear_halt")]
    internal static partial int ClearHalt(LibUsbDeviceHandle handle, byte endpoint);

    [LibraryImport(Library, EntryPoint = "libusb_control_transfer")]
    internal static partial int ControlTransfer(LibUsbDeviceHandle handle, byte requestType, byte request, ushort value, ushort index, byte* data, ushort length, uint timeoutMilliseconds);

    [LibraryImport(Library, EntryPoint = "libusb_get_string_descriptor_ascii")]
    internal static partial int GetStringDescriptorAscii(LibUsbDeviceHandle handle, byte index, byte* data, int length);

    [LibraryImport(Library, EntryPoint = "libusb_alloc_transfer")]
    internal static partial Transfer* AllocTransfer(int isoPackets);

    [LibraryImport(Library, EntryPoint = "libusb_free_transfer")]
    internal static partial void FreeTransfer(Transfer* transfer);

    [LibraryImport(Library, EntryPoint = "libusb_submit_transfer")]
    internal static partial int SubmitTransfer(Transfer* transfer);

    [LibraryImport(Library, EntryPoint = "libusb_cancel_transfer")]
    internal static partial int CancelTransfer(Transfer* transfer);

    [LibraryImport(Library, EntryPoint = "libusb_handle_events_timeout_completed")]
    internal static partial int HandleEventsTimeoutCompleted(LibUsbContextHandle context, ref TimeValue timeout, int* completed);

    [LibraryImport(Library, EntryPoint = "libusb_interrupt_event_handler")]
    internal static partial void InterruptEventHandler(LibUsbContextHandle context);
}

/// <summary>Lazy loading of libusb-1.0 with a clear message when it is missing.</summary>
public static class LibUsbLibrary
{
    private static readonly OpenRan.Radio.LazyNativeLibrary s_library = new(
        LibUsbNative.Library,
        ["libusb-1.0.so.0", "libusb-1.0.so", "libusb-1.0.0.dylib", "libusb-1.0.dylib", "libusb-1.0.dll"],
        "on Debian/Ubuntu: apt-get install libusb-1.0-0",
        typeof(LibUsbLibrary).Assembly);

    /// <summary>Whether libusb-1.0 can be loaded; <paramref name="reason"/> says how to install it when not.</summary>
    public static bool IsAvailable(out string reason) => s_library.IsAvailable(out reason);

    /// <summary>Throws <see cref="OpenRan.Radio.RadioUnavailableException"/> with the install hint when libusb is missing.</summary>
    public static void EnsureAvailable() => s_library.EnsureAvailable("libusb");
}
