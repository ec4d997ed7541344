namespace OpenRan.Radio;

/// <summary>A device a driver found, with the arguments that open it.</summary>
/// <param name="Driver">The driver name.</param>
/// <param name="Label">A human-readable description (model, serial).</param>
/// <param name="Arguments">Arguments for <see cref="IRadioDriver.Open"/> that select this device.</param>
public sealed record RadioDeviceInfo(string Driver, string Label, string Arguments);
