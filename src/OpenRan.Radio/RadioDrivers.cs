using System;
using System.Collections.Generic;

namespace OpenRan.Radio;

/// <summary>A device a driver found, with the arguments that open it.</summary>
/// <param name="Driver">The driver name.</param>
/// <param name="Label">A human-readable description (model, serial).</param>
/// <param name="Arguments">Arguments for <see cref="IRadioDriver.Open"/> that select this device.</param>
public sealed record RadioDeviceInfo(string Driver, string Label, string Arguments);

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

/// <summary>
/// Finds drivers by name. Built by a composition root (the CLI, a test) from the drivers it wants; there is no static
/// registry.
/// </summary>
public sealed class RadioFactory
{
    private readonly Dictionary<string, IRadioDriver> _drivers = new(StringComparer.Ordinal);
    private readonly List<IRadioDriver> _order = [];

    /// <summary>Creates a factory with <paramref name="drivers"/>.</summary>
    public RadioFactory(IEnumerable<IRadioDriver> drivers)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        foreach (IRadioDriver d in drivers)
        {
            Add(d);
        }
    }

    /// <summary>The software radios that need nothing but this assembly: <c>zmq</c>, <c>file</c> and <c>loopback</c>.</summary>
    public static IReadOnlyList<IRadioDriver> SoftwareDrivers() =>
        [new Zmq.ZmqRadioDriver(), new SigMf.SigMfRadioDriver(), new Loopback.LoopbackRadioDriver()];

    /// <summary>The drivers in registration order.</summary>
    public IReadOnlyList<IRadioDriver> Drivers => _order;

    /// <summary>Adds a driver.</summary>
    /// <exception cref="ArgumentException">A driver of that name exists.</exception>
    public void Add(IRadioDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        if (!_drivers.TryAdd(driver.Name, driver))
        {
            throw new ArgumentException($"a radio driver named '{driver.Name}' is already registered.", nameof(driver));
        }

        _order.Add(driver);
    }

    /// <summary>The driver named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such driver; the message lists the known ones.</exception>
    public IRadioDriver Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_drivers.TryGetValue(name, out IRadioDriver? driver))
        {
            return driver;
        }

        throw new ArgumentException($"unknown radio driver '{name}'; valid: {string.Join(" | ", _drivers.Keys)}.", nameof(name));
    }

    /// <summary>Validates the arguments and opens a radio with driver <paramref name="driverName"/>.</summary>
    /// <exception cref="ArgumentException">Unknown driver or invalid arguments.</exception>
    /// <exception cref="RadioUnavailableException">The driver's native library is missing.</exception>
    public IRadio Open(string driverName, RadioArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        IRadioDriver driver = Get(driverName);
        driver.Validate(arguments);
        if (!driver.IsAvailable(out string reason))
        {
            throw new RadioUnavailableException(driverName, reason);
        }

        return driver.Open(arguments);
    }
}

/// <summary>A driver cannot work here: its native library or device is missing. The message says what to install.</summary>
public sealed class RadioUnavailableException : Exception
{
    /// <summary>Creates the exception for <paramref name="driver"/> with <paramref name="reason"/>.</summary>
    public RadioUnavailableException(string driver, string reason)
        : base($"radio driver '{driver}' is unavailable: {reason}") => Driver = driver;

    /// <summary>Creates the exception with a message.</summary>
    public RadioUnavailableException()
        : base("radio driver unavailable") => Driver = string.Empty;

    /// <summary>Creates the exception with a message.</summary>
    public RadioUnavailableException(string message)
        : base(message) => Driver = string.Empty;

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public RadioUnavailableException(string message, Exception innerException)
        : base(message, innerException) => Driver = string.Empty;

    /// <summary>The driver name.</summary>
    public string Driver { get; }
}
