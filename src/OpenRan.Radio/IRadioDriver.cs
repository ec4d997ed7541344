using System;
using System.Collections.Generic;

namespace OpenRan.Radio;

/// <summary>
/// A radio driver: found by name through <see cref="RadioFactory"/>, validates its own arguments, enumerates devices and
/// opens radios (srsRAN <c>radio_factory</c>).
/// </summary>
public interface IRadioDriver
{
    /// <summary>The name radios are opened by (<c>zmq</c>, <c>file</c>, <c>loopback</c>, <c>soapy</c>, <c>hackrf</c>).</summary>
    string Name { get; }

    /// <summary>One line on what the driver talks to.</summary>
    string Description { get; }

    /// <summary>The arguments the driver accepts.</summary>
    IReadOnlyList<RadioArgumentSpec> Arguments { get; }

    /// <summary>
    /// Whether the driver can work on this machine (its native library loads); when false,
    /// <paramref name="reason"/> says what is missing and how to install it.
    /// </summary>
    bool IsAvailable(out string reason);

    /// <summary>Checks <paramref name="arguments"/> without opening anything; throws <see cref="ArgumentException"/> naming a bad key and its valid values.</summary>
    void Validate(RadioArguments arguments);

    /// <summary>Lists devices matching <paramref name="arguments"/> (software drivers list the one they would open).</summary>
    IReadOnlyList<RadioDeviceInfo> Find(RadioArguments arguments);

    /// <summary>Opens a radio in the <see cref="RadioState.Opened"/> state.</summary>
    IRadio Open(RadioArguments arguments);
}
