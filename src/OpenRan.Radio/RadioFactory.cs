using System;
using System.Collections.Generic;

namespace OpenRan.Radio;

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
