using System;

namespace OpenRan.Radio;

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
