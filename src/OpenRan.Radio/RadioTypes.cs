using System;

namespace OpenRan.Radio;

/// <summary>The element type of a sample stream.</summary>
public enum SampleFormat
{
    /// <summary><see cref="Dsp.ComplexF32"/>: interleaved float32 I/Q, full scale ±1.0.</summary>
    ComplexF32,

    /// <summary><see cref="Dsp.ComplexI16"/>: interleaved int16 I/Q; full scale 32767 corresponds to ±1.0 (<see cref="Streaming.SampleConvert.I16FullScale"/>).</summary>
    ComplexI16,
}

/// <summary>The direction of a stream, of a setting or of an event.</summary>
public enum StreamDirection
{
    /// <summary>From the radio to the caller (RX, uplink at a base station).</summary>
    Receive,

    /// <summary>From the caller to the radio (TX, downlink at a base station).</summary>
    Transmit,
}

/// <summary>Burst delimiters carried by a block of samples.</summary>
[Flags]
public enum BurstFlags
{
    /// <summary>A block inside a continuous stream.</summary>
    None = 0,

    /// <summary>The first block of a burst: the radio starts transmitting (or receiving) at the block's timestamp.</summary>
    StartOfBurst = 1,

    /// <summary>The last block of a burst: after it the transmitter is idle until the next start of burst.</summary>
    EndOfBurst = 2,
}

/// <summary>The lifecycle of a radio: <c>Open → Configure → Start(at) → Stop → Dispose</c>.</summary>
public enum RadioState
{
    /// <summary>Opened by its driver; control calls that need a configuration are not yet allowed.</summary>
    Opened,

    /// <summary>Configured: streams exist and buffers are allocated; not streaming.</summary>
    Configured,

    /// <summary>Streaming samples.</summary>
    Streaming,

    /// <summary>Stopped after streaming; may be started again or reconfigured.</summary>
    Stopped,

    /// <summary>Disposed; every call except <see cref="IDisposable.Dispose"/> throws <see cref="ObjectDisposedException"/>.</summary>
    Disposed,
}

/// <summary>A closed interval [<see cref="Minimum"/>, <see cref="Maximum"/>] of a physical quantity.</summary>
/// <param name="Minimum">The smallest allowed value.</param>
/// <param name="Maximum">The largest allowed value.</param>
public readonly record struct ValueRange(double Minimum, double Maximum)
{
    /// <summary>Whether <paramref name="value"/> lies in the range (NaN never does).</summary>
    public bool Contains(double value) => value >= Minimum && value <= Maximum;

    /// <summary>Formats as <c>min..max</c> with invariant culture.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Minimum:G}..{Maximum:G}");
}
