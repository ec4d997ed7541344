using System;

namespace OpenRan.Hardware.LibUsb;

/// <summary>The outcome of a bulk transfer (the values of libusb's <c>enum libusb_transfer_status</c>).</summary>
public enum UsbTransferStatus
{
    /// <summary>Completed, possibly with fewer bytes than requested (a short transfer).</summary>
    Completed = 0,

    /// <summary>Failed.</summary>
    Error = 1,

    /// <summary>Timed out.</summary>
    TimedOut = 2,

    /// <summary>Cancelled.</summary>
    Cancelled = 3,

    /// <summary>The endpoint stalled (halted); it needs a clear-halt before it transfers again.</summary>
    Stall = 4,

    /// <summary>The device was disconnected.</summary>
    NoDevice = 5,

    /// <summary>The device sent more data than requested.</summary>
    Overflow = 6,
}

/// <summary>
/// Receives the completions of a bulk stream on the USB event thread. Implementations must not block, allocate or
/// throw (exceptions are caught and end the stream).
/// </summary>
public interface IUsbBulkHandler
{
    /// <summary>An IN transfer finished with <paramref name="data"/> (its actual length). Return true to resubmit it, false to park it (see <see cref="IUsbBulkStream.ResubmitIdle"/>).</summary>
    bool OnInCompleted(UsbTransferStatus status, ReadOnlySpan<byte> data);

    /// <summary>Fills an OUT transfer's buffer before submission; returns the number of bytes to send (0 to stop).</summary>
    int FillOut(Span<byte> buffer);

    /// <summary>An OUT transfer finished. Return false to stop resubmitting it.</summary>
    bool OnOutCompleted(UsbTransferStatus status, int requestedLength, int actualLength);
}

/// <summary>A running bulk stream: a pool of transfers kept in flight on one endpoint.</summary>
public interface IUsbBulkStream : IDisposable
{
    /// <summary>Transfers currently submitted.</summary>
    int InFlightCount { get; }

    /// <summary>Resubmits every transfer that is not in flight (after a stall was cleared); returns how many.</summary>
    int ResubmitIdle();

    /// <summary>Cancels every transfer and waits until none is in flight.</summary>
    void Stop();
}

/// <summary>
/// The USB operations an SDR driver needs: control transfers and asynchronous bulk streams. Implemented over libusb
/// by <see cref="LibUsbDevice"/> and by simulated devices in tests.
/// </summary>
public interface IUsbDevice : IDisposable
{
    /// <summary>A description (vendor:product, bus, address).</summary>
    string Description { get; }

    /// <summary>
    /// Performs a control transfer (USB 2.0 §9.3 setup packet: bmRequestType, bRequest, wValue, wIndex, wLength =
    /// <c>data.Length</c>). The direction bit of <paramref name="requestType"/> decides whether <paramref name="data"/>
    /// is sent or filled. Returns the bytes transferred, or a negative libusb error code (<see cref="LibUsbError"/>).
    /// </summary>
    int ControlTransfer(byte requestType, byte request, ushort value, ushort index, Span<byte> data, int timeoutMilliseconds);

    /// <summary>Clears a halt (stall) on <paramref name="endpoint"/>; returns 0 or a negative libusb error code.</summary>
    int ClearHalt(byte endpoint);

    /// <summary>Starts <paramref name="transferCount"/> transfers of <paramref name="transferSize"/> bytes on <paramref name="endpoint"/> (bit 7 set: IN).</summary>
    IUsbBulkStream StartBulkStream(byte endpoint, int transferSize, int transferCount, IUsbBulkHandler handler);
}

/// <summary>libusb error codes (<c>enum libusb_error</c>) with their names.</summary>
public static class LibUsbError
{
    /// <summary>LIBUSB_ERROR_IO.</summary>
    public const int Io = -1;

    /// <summary>LIBUSB_ERROR_INVALID_PARAM.</summary>
    public const int InvalidParameter = -2;

    /// <summary>LIBUSB_ERROR_ACCESS (no permission: see hardware/udev).</summary>
    public const int Access = -3;

    /// <summary>LIBUSB_ERROR_NO_DEVICE.</summary>
    public const int NoDevice = -4;

    /// <summary>LIBUSB_ERROR_NOT_FOUND.</summary>
    public const int NotFound = -5;

    /// <summary>LIBUSB_ERROR_BUSY.</summary>
    public const int Busy = -6;

    /// <summary>LIBUSB_ERROR_TIMEOUT.</summary>
    public const int Timeout = -7;

    /// <summary>LIBUSB_ERROR_OVERFLOW.</summary>
    public const int Overflow = -8;

    /// <summary>LIBUSB_ERROR_PIPE (endpoint stalled or request not supported).</summary>
    public const int Pipe = -9;

    /// <summary>LIBUSB_ERROR_INTERRUPTED.</summary>
    public const int Interrupted = -10;

    /// <summary>LIBUSB_ERROR_NO_MEM.</summary>
    public const int NoMemory = -11;

    /// <summary>LIBUSB_ERROR_NOT_SUPPORTED.</summary>
    public const int NotSupported = -12;

    /// <summary>The name of an error code, as libusb_error_name spells it.</summary>
    public static string Name(int code) => code switch
    {
        >= 0 => "LIBUSB_SUCCESS",
        Io => "LIBUSB_ERROR_IO",
        InvalidParameter => "LIBUSB_ERROR_INVALID_PARAM",
        Access => "LIBUSB_ERROR_ACCESS",
        NoDevice => "LIBUSB_ERROR_NO_DEVICE",
        NotFound => "LIBUSB_ERROR_NOT_FOUND",
        Busy => "LIBUSB_ERROR_BUSY",
        Timeout => "LIBUSB_ERROR_TIMEOUT",
        Overflow => "LIBUSB_ERROR_OVERFLOW",
        Pipe => "LIBUSB_ERROR_PIPE",
        Interrupted => "LIBUSB_ERROR_INTERRUPTED",
        NoMemory => "LIBUSB_ERROR_NO_MEM",
        NotSupported => "LIBUSB_ERROR_NOT_SUPPORTED",
        _ => "LIBUSB_ERROR_OTHER",
    };
}

/// <summary>A libusb call failed; the message names the call and the error.</summary>
public sealed class LibUsbException : Exception
{
    /// <summary>Creates the exception for <paramref name="operation"/> failing with <paramref name="errorCode"/>.</summary>
    public LibUsbException(string operation, int errorCode)
        : base($"{operation} failed: {LibUsbError.Name(errorCode)} ({errorCode}){(errorCode == LibUsbError.Access ? "; install the udev rules in hardware/udev or run as root" : string.Empty)}")
        => ErrorCode = errorCode;

    /// <summary>Creates the exception.</summary>
    public LibUsbException()
        : base("libusb call failed")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LibUsbException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public LibUsbException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The libusb error code.</summary>
    public int ErrorCode { get; }
}
