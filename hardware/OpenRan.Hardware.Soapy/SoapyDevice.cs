using System;
using System.Collections.Generic;
using System.Globalization;
using OpenRan.Radio;

namespace OpenRan.Hardware.Soapy;

/// <summary>A SoapySDR call failed; the message carries the library's last error.</summary>
public sealed class SoapyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SoapyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SoapyException()
        : base("SoapySDR call failed")
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public SoapyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A SoapySDR device: enumeration, creation and control through the C API.</summary>
public sealed unsafe class SoapyDevice : IDisposable
{
    private SoapyDevice(SoapyDeviceHandle handle, string arguments)
    {
        Handle = handle;
        Arguments = arguments;
    }

    /// <summary>The arguments the device was made with.</summary>
    public string Arguments { get; }

    internal SoapyDeviceHandle Handle { get; }

    /// <summary>The driver key (<c>uhd</c>, <c>bladerf</c>, <c>lime</c>, <c>hackrf</c>, <c>null</c>…).</summary>
    public string DriverKey => SoapyNative.TakeString(SoapyNative.GetDriverKey(Handle));

    /// <summary>The hardware key (model).</summary>
    public string HardwareKey => SoapyNative.TakeString(SoapyNative.GetHardwareKey(Handle));

    /// <summary>Lists devices matching <paramref name="arguments"/> (<c>key=value,…</c>), each as its kwargs.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Enumerate(string arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        SoapyLibrary.EnsureAvailable();
        SoapyNative.Kwargs* list = SoapyNative.EnumerateStrArgs(arguments, out nuint length);
        return SoapyNative.TakeKwargsList(list, length);
    }

    /// <summary>Makes the device selected by <paramref name="arguments"/>.</summary>
    /// <exception cref="SoapyException">No such device or the module failed; the message carries SoapySDR's error.</exception>
    public static SoapyDevice Make(string arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        SoapyLibrary.EnsureAvailable();
        IntPtr device = SoapyNative.MakeStrArgs(arguments);
        if (device == IntPtr.Zero)
        {
            throw new SoapyException($"SoapySDR could not make a device for '{arguments}': {SoapyNative.LastErrorText()}");
        }

        return new SoapyDevice(new SoapyDeviceHandle(device), arguments);
    }

    /// <summary>The number of channels in <paramref name="direction"/>.</summary>
    public int ChannelCount(StreamDirection direction) => (int)SoapyNative.GetNumChannels(Handle, Direction(direction));

    /// <summary>Whether channel 0 can stream both ways at once.</summary>
    public bool FullDuplex => ChannelCount(StreamDirection.Receive) > 0 && SoapyNative.GetFullDuplex(Handle, SoapyNative.Receive, 0);

    /// <summary>Whether the device has a hardware sample clock for timestamps.</summary>
    public bool HasHardwareTime => SoapyNative.HasHardwareTime(Handle, null);

    /// <summary>The overall sample-rate range of channel 0 in <paramref name="direction"/>.</summary>
    public ValueRange SampleRateRange(StreamDirection direction)
    {
        SoapyNative.Range* ranges = SoapyNative.GetSampleRateRange(Handle, Direction(direction), 0, out nuint n);
        return Span(ranges, n);
    }

    /// <summary>The overall frequency range of channel 0 in <paramref name="direction"/>.</summary>
    public ValueRange FrequencyRange(StreamDirection direction)
    {
        SoapyNative.Range* ranges = SoapyNative.GetFrequencyRange(Handle, Direction(direction), 0, out nuint n);
        return Span(ranges, n);
    }

    /// <summary>The overall gain range of channel 0 in <paramref name="direction"/>.</summary>
    public ValueRange GainRange(StreamDirection direction)
    {
        SoapyNative.Range r = SoapyNative.GetGainRange(Handle, Direction(direction), 0);
        return new ValueRange(r.Minimum, r.Maximum);
    }

    /// <summary>Sets the sample rate of a channel.</summary>
    public void SetSampleRate(StreamDirection direction, int channel, double sampleRateHz) =>
        Check(SoapyNative.SetSampleRate(Handle, Direction(direction), (nuint)channel, sampleRateHz), "setSampleRate", sampleRateHz);

    /// <summary>Tunes a channel.</summary>
    public void SetFrequency(StreamDirection direction, int channel, double frequencyHz) =>
        Check(SoapyNative.SetFrequency(Handle, Direction(direction), (nuint)channel, frequencyHz, null), "setFrequency", frequencyHz);

    /// <summary>Sets the overall gain of a channel.</summary>
    public void SetGain(StreamDirection direction, int channel, double gainDb) =>
        Check(SoapyNative.SetGain(Handle, Direction(direction), (nuint)channel, gainDb), "setGain", gainDb);

    /// <summary>Sets the analogue bandwidth of a channel.</summary>
    public void SetBandwidth(StreamDirection direction, int channel, double bandwidthHz) =>
        Check(SoapyNative.SetBandwidth(Handle, Direction(direction), (nuint)channel, bandwidthHz), "setBandwidth", bandwidthHz);

    /// <summary>Selects the clock source.</summary>
    public void SetClockSource(string source) => Check(SoapyNative.SetClockSource(Handle, source), "setClockSource", source);

    /// <summary>Selects the time source.</summary>
    public void SetTimeSource(string source) => Check(SoapyNative.SetTimeSource(Handle, source), "setTimeSource", source);

    /// <summary>Sets up a stream of <paramref name="channelCount"/> channels (0..N−1) in SoapySDR format <paramref name="format"/> (<c>CF32</c>, <c>CS16</c>).</summary>
    /// <exception cref="SoapyException">The device cannot stream (the message carries SoapySDR's error).</exception>
    public IntPtr SetupStream(StreamDirection direction, string format, int channelCount)
    {
        nuint* channels = stackalloc nuint[64];
        for (int c = 0; c < channelCount; c++)
        {
            channels[c] = (nuint)c;
        }

        IntPtr stream = SoapyNative.SetupStream(Handle, Direction(direction), format, channels, (nuint)channelCount, null);
        if (stream == IntPtr.Zero)
        {
            throw new SoapyException($"SoapySDR setupStream({direction}, {format}, {channelCount} channel(s)) on '{Arguments}' failed: {SoapyNative.LastErrorText()}");
        }

        return stream;
    }

    /// <summary>Closes a stream.</summary>
    public void CloseStream(IntPtr stream) => SoapyNative.CloseStream(Handle, stream);

    /// <inheritdoc />
    public void Dispose() => Handle.Dispose();

    internal static int Direction(StreamDirection direction) => direction == StreamDirection.Receive ? SoapyNative.Receive : SoapyNative.Transmit;

    private static ValueRange Span(SoapyNative.Range* ranges, nuint n)
    {
        if (ranges == null || n == 0)
        {
            return new ValueRange(0, 0);
        }

        double min = double.MaxValue;
        double max = double.MinValue;
        for (nuint i = 0; i < n; i++)
        {
            min = Math.Min(min, ranges[i].Minimum);
            max = Math.Max(max, ranges[i].Maximum);
        }

        SoapyNative.Free(ranges);
        return new ValueRange(min, max);
    }

    private void Check(int result, string call, object value)
    {
        if (result != 0)
        {
            throw new SoapyException(string.Create(CultureInfo.InvariantCulture, $"SoapySDR {call}({value}) on '{Arguments}' failed with {result}: {SoapyNative.LastErrorText()}"));
        }
    }
}
