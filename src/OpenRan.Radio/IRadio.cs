using System;

namespace OpenRan.Radio;

/// <summary>
/// A radio: control (<see cref="Management"/>) separated from the sample streams (<see cref="Rx"/>, <see cref="Tx"/>),
/// with counted events (<see cref="Events"/>) and an explicit lifecycle
/// <c>Open (driver) → Configure → Start(at) → Stop → Dispose</c>.
/// </summary>
public interface IRadio : IDisposable
{
    /// <summary>What the radio can do.</summary>
    RadioCapabilities Capabilities { get; }

    /// <summary>A human-readable description of the opened device, for logs.</summary>
    string Label { get; }

    /// <summary>The lifecycle state.</summary>
    RadioState State { get; }

    /// <summary>Counters and the drained log of Late, Underflow, Overflow, Dropped and Disconnected events.</summary>
    RadioEventLog Events { get; }

    /// <summary>Slow control: tune, gains, rate, clock and time source.</summary>
    IRadioManagement Management { get; }

    /// <summary>Validates <paramref name="configuration"/> against <see cref="Capabilities"/> and allocates the stream buffers. Not while streaming.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it and its valid range.</exception>
    void Configure(RadioConfiguration configuration);

    /// <summary>Starts streaming; the first received sample has timestamp <paramref name="atTimestampSamples"/> (earlier samples are discarded).</summary>
    void Start(long atTimestampSamples = 0);

    /// <summary>Stops streaming; blocked reads and writes return. Idempotent.</summary>
    void Stop();

    /// <summary>The receive stream (after <see cref="Configure"/> with at least one receive channel).</summary>
    IRxStream Rx { get; }

    /// <summary>The transmit stream (after <see cref="Configure"/> with at least one transmit channel).</summary>
    ITxStream Tx { get; }
}
