using System;

namespace OpenRan.Radio;

/// <summary>A driver argument is missing, unknown or out of range; <see cref="Key"/> names it.</summary>
public sealed class RadioArgumentException : ArgumentException
{
    /// <summary>Creates the exception for argument <paramref name="key"/>.</summary>
    public RadioArgumentException(string key, string message)
        : base(message) => Key = key;

    /// <summary>Creates the exception.</summary>
    public RadioArgumentException()
        : base("invalid radio argument") => Key = string.Empty;

    /// <summary>Creates the exception with a message.</summary>
    public RadioArgumentException(string message)
        : base(message) => Key = string.Empty;

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public RadioArgumentException(string message, Exception innerException)
        : base(message, innerException) => Key = string.Empty;

    /// <summary>The argument key.</summary>
    public string Key { get; }
}
