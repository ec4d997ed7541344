using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace OpenRan.Hardware.Soapy;

/// <summary>
/// The SoapySDR 0.8 C API (<c>SoapySDR/Device.h</c>, <c>Types.h</c>, <c>Errors.h</c>, <c>Constants.h</c>) bound with
/// <see cref="LibraryImportAttribute"/>; resolved lazily by <see cref="SoapyLibrary"/>.
/// </summary>
internal static unsafe partial class SoapyNative
{
    internal const string Library = "SoapySDR";

    /// <summary>SOAPY_SDR_TX.</summary>
    internal const int Transmit = 0;

    /// <summary>SOAPY_SDR_RX.</summary>
    internal const int Receive = 1;

    /// <summary>SOAPY_SDR_END_BURST.</summary>
    internal const int FlagEndBurst = 1 << 1;

    /// <summary>SOAPY_SDR_HAS_TIME.</summary>
    internal const int FlagHasTime = 1 << 2;

    /// <summary>SOAPY_SDR_TIMEOUT.</summary>
    internal const int ErrorTimeout = -1;

    /// <summary>SOAPY_SDR_STREAM_ERROR.</summary>
    internal const int ErrorStream = -2;

    /// <summary>SOAPY_SDR_CORRUPTION.</summary>
    internal const int ErrorCorruption = -3;

    /// <summary>SOAPY_SDR_OVERFLOW.</summary>
    internal const int ErrorOverflow = -4;

    /// <summary>SOAPY_SDR_NOT_SUPPORTED.</summary>
    internal const int ErrorNotSupported = -5;

    /// <summary>SOAPY_SDR_TIME_ERROR.</summary>
    internal const int ErrorTime = -6;

    /// <summary>SOAPY_SDR_UNDERFLOW.</summary>
    internal const int ErrorUnderflow = -7;

    /// <summary><c>SoapySDRKwargs</c>: parallel arrays of C strings.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Kwargs
    {
        public nuint Size;
        public byte** Keys;
        public byte** Values;
    }

    /// <summary><c>SoapySDRRange</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Range
    {
        public double Minimum;
        public double Maximum;
        public double Step;
    }

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_enumerateStrArgs", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial Kwargs* EnumerateStrArgs(string args, out nuint length);

    [LibraryImport(Library, EntryPoint = "SoapySDRKwargsList_clear")]
    internal static partial void KwargsListClear(Kwargs* list, nuint length);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_makeStrArgs", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr MakeStrArgs(string args);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_unmake")]
    internal static partial int Unmake(IntPtr device);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_lastError")]
    internal static partial byte* LastError();

    [LibraryImport(Library, EntryPoint = "SoapySDR_free")]
    internal static partial void Free(void* pointer);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_getDriverKey")]
    internal static partial byte* GetDriverKey(SoapyDeviceHandle device);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_getHardwareKey")]
    internal static partial byte* GetHardwareKey(SoapyDeviceHandle device);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_getNumChannels")]
    internal static partial nuint GetNumChannels(SoapyDeviceHandle device, int direction);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_getFullDuplex")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool GetFullDuplex(SoapyDeviceHandle device, int direction, nuint channel);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_hasHardwareTime", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool HasHardwareTime(SoapyDeviceHandle device, string? what);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_getSampleRateRange")]
    internal static partial Range* GetSampleRateRange(SoapyDeviceHandle device, int direction, nuint channel, out nuint length);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_getFrequencyRange")]
    internal static partial Range* GetFrequencyRange(SoapyDeviceHandle device, int direction, nuint channel, out nuint length);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_getGainRange")]
    internal static partial Range GetGainRange(SoapyDeviceHandle device, int direction, nuint channel);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_setSampleRate")]
    internal static partial int SetSampleRate(SoapyDeviceHandle device, int direction, nuint channel, double rate);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_setFrequency")]
    internal static partial int SetFrequency(SoapyDeviceHandle device, int direction, nuint channel, double frequency, Kwargs* args);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_setGain")]
    internal static partial int SetGain(SoapyDeviceHandle device, int direction, nuint channel, double value);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_setBandwidth")]
    internal static partial int SetBandwidth(SoapyDeviceHandle device, int direction, nuint channel, double bandwidth);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_setClockSource", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SetClockSource(SoapyDeviceHandle device, string source);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_setTimeSource", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SetTimeSource(SoapyDeviceHandle device, string source);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_getHardwareTime", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial long GetHardwareTime(SoapyDeviceHandle device, string? what);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_setupStream", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr SetupStream(SoapyDeviceHandle device, int direction, string format, nuint* channels, nuint channelCount, Kwargs* args);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_closeStream")]
    internal static partial int CloseStream(SoapyDeviceHandle device, IntPtr stream);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_getStreamMTU")]
    internal static partial nuint GetStreamMtu(SoapyDeviceHandle device, IntPtr stream);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_activateStream")]
    internal static partial int ActivateStream(SoapyDeviceHandle device, IntPtr stream, int flags, long timeNs, nuint elementCount);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_deactivateStream")]
    internal static partial int DeactivateStream(SoapyDeviceHandle device, IntPtr stream, int flags, long timeNs);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_readStream")]
    internal static partial int ReadStream(SoapyDeviceHandle device, IntPtr stream, void** buffers, nuint elementCount, out int flags, out long timeNs, nint timeoutUs);

    [LibraryImport(Library, EntryPoint = "SoapySDRDevice_writeStream")]
    internal static partial int WriteStream(SoapyDeviceHandle device, IntPtr stream, void** buffers, nuint elementCount, ref int flags, long timeNs, nint timeoutUs);

    /// <summary>The last error of the calling thread, or an empty string.</summary>
    internal static string LastErrorText()
    {
        byte* p = LastError();
        return p == null ? string.Empty : Utf8StringMarshaller.ConvertToManaged(p) ?? string.Empty;
    }

    /// <summary>Copies and frees a string the library allocated.</summary>
    internal static string TakeString(byte* p)
    {
        if (p == null)
        {
            return string.Empty;
        }

        string s = Utf8StringMarshaller.ConvertToManaged(p) ?? string.Empty;
        Free(p);
        return s;
    }

    /// <summary>Copies a kwargs list to managed dictionaries and frees it.</summary>
    internal static List<Dictionary<string, string>> TakeKwargsList(Kwargs* list, nuint length)
    {
        var result = new List<Dictionary<string, string>>((int)length);
        for (nuint i = 0; i < length; i++)
        {
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            for (nuint k = 0; k < list[i].Size; k++)
            {
                d[Utf8StringMarshaller.ConvertToManaged(list[i].Keys[k]) ?? string.Empty] = Utf8StringMarshaller.ConvertToManaged(list[i].Values[k]) ?? string.Empty;
            }

            result.Add(d);
        }

        if (list != null)
        {
            KwargsListClear(list, length);
        }

        return result;
    }
}

/// <summary>Lazy loading of libSoapySDR with a clear message when it is missing.</summary>
public static class SoapyLibrary
{
    private static readonly OpenRan.Radio.LazyNativeLibrary s_library = new(
        SoapyNative.Library,
        ["libSoapySDR.so.0.8", "libSoapySDR.so", "libSoapySDR.dylib", "SoapySDR.dll"],
        "on Debian/Ubuntu: apt-get install libsoapysdr0.8 and the module of your device (soapysdr0.8-module-uhd, -bladerf, -lms7, -hackrf)",
        typeof(SoapyLibrary).Assembly);

    /// <summary>Whether SoapySDR can be loaded; <paramref name="reason"/> says how to install it when not.</summary>
    public static bool IsAvailable(out string reason) => s_library.IsAvailable(out reason);

    /// <summary>Throws <see cref="OpenRan.Radio.RadioUnavailableException"/> with the install hint when SoapySDR is missing.</summary>
    public static void EnsureAvailable() => s_library.EnsureAvailable("soapy");
}

/// <summary>A <c>SoapySDRDevice*</c>, released with <c>SoapySDRDevice_unmake</c>.</summary>
public sealed class SoapyDeviceHandle : SafeHandle
{
    /// <summary>Creates an invalid handle (used by the marshaller).</summary>
    public SoapyDeviceHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    internal SoapyDeviceHandle(IntPtr device)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(device);

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <inheritdoc />
    protected override bool ReleaseHandle() => SoapyNative.Unmake(handle) == 0;
}
