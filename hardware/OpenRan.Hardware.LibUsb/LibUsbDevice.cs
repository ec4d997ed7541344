using System;
using System.Runtime.InteropServices;
using System.Threading;
using OpenRan.Dsp;

namespace OpenRan.Hardware.LibUsb;

/// <summary>An opened USB device (claimed interface) on a <see cref="LibUsbContext"/>.</summary>
public sealed unsafe class LibUsbDevice : IUsbDevice
{
    private readonly LibUsbContext _context;
    private readonly LibUsbDeviceHandle _handle;

    internal LibUsbDevice(LibUsbContext context, LibUsbDeviceHandle handle, string description)
    {
        _context = context;
        _handle = handle;
        Description = description;
    }

    /// <inheritdoc />
    public string Description { get; }

    internal LibUsbDeviceHandle Handle => _handle;

    /// <inheritdoc />
    public int ControlTransfer(byte requestType, byte request, ushort value, ushort index, Span<byte> data, int timeoutMilliseconds)
    {
        ThrowHelper.ThrowIfOutside(data.Length, 0, ushort.MaxValue, nameof(data));
        fixed (byte* p = data)
        {
            return LibUsbNative.ControlTransfer(_handle, requestType, request, value, index, p, (ushort)data.Length, (uint)Math.Max(timeoutMilliseconds, 0));
        }
    }

    /// <inheritdoc />
    public int ClearHalt(byte endpoint) => LibUsbNative.ClearHalt(_handle, endpoint);

    /// <summary>Reads string descriptor <paramref name="index"/> as ASCII (empty when absent).</summary>
    public string ReadString(byte index)
    {
        if (index == 0)
        {
            return string.Empty;
        }

        byte* buffer = stackalloc byte[256];
        int n = LibUsbNative.GetStringDescriptorAscii(_handle, index, buffer, 256);
        return n <= 0 ? string.Empty : Marshal.PtrToStringAnsi((IntPtr)buffer, n);
    }

    /// <inheritdoc />
    public IUsbBulkStream StartBulkStream(byte endpoint, int transferSize, int transferCount, IUsbBulkHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ThrowHelper.ThrowIfOutside(transferSize, 512, 16 << 20);
        ThrowHelper.ThrowIfOutside(transferCount, 1, 64);
        var stream = new LibUsbBulkStream(this, endpoint, transferSize, transferCount, handler);
        stream.Start();
        return stream;
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}

/// <summary>
/// A pool of libusb bulk transfers with pinned, aligned native buffers allocated once, kept in flight on one endpoint.
/// Completions arrive on the context's event thread through an <see cref="UnmanagedCallersOnlyAttribute"/> callback
/// that never lets an exception escape into native code.
/// </summary>
internal sealed unsafe class LibUsbBulkStream : IUsbBulkStream
{
    private readonly LibUsbDevice _device;
    private readonly byte _endpoint;
    private readonly int _transferSize;
    private readonly IUsbBulkHandler _handler;
    private readonly LibUsbNative.Transfer*[] _transfers;
    private readonly bool[] _inFlight;
    private readonly bool _isIn;
    private GCHandle _self;
    private int _inFlightCount;
    private volatile bool _stopping;

    public LibUsbBulkStream(LibUsbDevice device, byte endpoint, int transferSize, int transferCount, IUsbBulkHandler handler)
    {
        _device = device;
        _endpoint = endpoint;
        _transferSize = transferSize;
        _handler = handler;
        _isIn = (endpoint & 0x80) != 0;
        _transfers = new LibUsbNative.Transfer*[transferCount];
        _inFlight = new bool[transferCount];
        _self = GCHandle.Alloc(this);
        for (int i = 0; i < transferCount; i++)
        {
            LibUsbNative.Transfer* t = LibUsbNative.AllocTransfer(0);
            if (t == null)
            {
                Free();
                throw new LibUsbException("libusb_alloc_transfer", LibUsbError.NoMemory);
            }

            t->DeviceHandle = device.Handle.DangerousGetHandle();
            t->Endpoint = endpoint;
            t->Type = LibUsbNative.TransferTypeBulk;
            t->Timeout = 0;
            t->Buffer = (IntPtr)NativeMemory.AlignedAlloc((nuint)transferSize, 64);
            t->Length = transferSize;
            t->Callback = (IntPtr)(delegate* unmanaged<LibUsbNative.Transfer*, void>)&OnComplete;
            _transfers[i] = t;
        }
    }

    public int InFlightCount => Volatile.Read(ref _inFlightCount);

    public void Start()
    {
        for (int i = 0; i < _transfers.Length; i++)
        {
            Submit(i);
        }
    }

    public int ResubmitIdle()
    {
        int n = 0;
        for (int i = 0; i < _transfers.Length; i++)
        {
            if (!Volatile.Read(ref _inFlight[i]) && Submit(i))
            {
                n++;
            }
        }

        return n;
    }

    public void Stop()
    {
        _stopping = true;
        for (int i = 0; i < _transfers.Length; i++)
        {
            if (Volatile.Read(ref _inFlight[i]))
            {
                LibUsbNative.CancelTransfer(_transfers[i]);
            }
        }

        // The event thread delivers the cancellations; wait for all of them (bounded, in case the device is gone).
        SpinWait.SpinUntil(() => InFlightCount == 0, TimeSpan.FromSeconds(2));
    }

    public void Dispose()
    {
        Stop();
        if (InFlightCount == 0)
        {
            Free();
        }
    }

    private bool Submit(int index)
    {
        if (_stopping)
        {
            return false;
        }

        LibUsbNative.Transfer* t = _transfers[index];
        t->UserData = GCHandle.ToIntPtr(_self) ^ ((IntPtr)index << 48);
        if (!_isIn)
        {
            int n = _handler.FillOut(new Span<byte>((void*)t->Buffer, _transferSize));
            if (n <= 0)
            {
                return false;
            }

            t->Length = n;
        }
        else
        {
            t->Length = _transferSize;
        }

        Volatile.Write(ref _inFlight[index], true);
        Interlocked.Increment(ref _inFlightCount);
        if (LibUsbNative.SubmitTransfer(t) < 0)
        {
            Volatile.Write(ref _inFlight[index], false);
            Interlocked.Decrement(ref _inFlightCount);
            return false;
        }

        return true;
    }

    [UnmanagedCallersOnly]
    private static void OnComplete(LibUsbNative.Transfer* transfer)
    {
        // The user data packs the GCHandle of the stream (low 48 bits) and the transfer index (high 16 bits).
        long packed = transfer->UserData;
        int index = (int)((ulong)packed >> 48);
        IntPtr handle = (IntPtr)(packed & 0x0000_FFFF_FFFF_FFFF);
        try
        {
            if (GCHandle.FromIntPtr(handle).Target is LibUsbBulkStream stream)
            {
                stream.Complete(index, transfer);
            }
        }
        catch (Exception)
        {
            // Never unwind into libusb: an exception here would crash the process. The transfer is not resubmitted.
        }
    }

    private void Complete(int index, LibUsbNative.Transfer* t)
    {
        Volatile.Write(ref _inFlight[index], false);
        Interlocked.Decrement(ref _inFlightCount);
        var status = (UsbTransferStatus)t->Status;
        bool again;
        if (_isIn)
        {
            again = _handler.OnInCompleted(status, new ReadOnlySpan<byte>((void*)t->Buffer, Math.Clamp(t->ActualLength, 0, _transferSize)));
        }
        else
        {
            again = _handler.OnOutCompleted(status, t->Length, t->ActualLength);
        }

        if (again && !_stopping)
        {
            Submit(index);
        }
    }

    private void Free()
    {
        for (int i = 0; i < _transfers.Length; i++)
        {
            if (_transfers[i] != null)
            {
                NativeMemory.AlignedFree((void*)_transfers[i]->Buffer);
                LibUsbNative.FreeTransfer(_transfers[i]);
                _transfers[i] = null;
            }
        }

        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }
}
