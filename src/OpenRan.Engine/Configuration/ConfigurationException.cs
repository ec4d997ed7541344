using System;

namespace OpenRan.Engine.Configuration;

/// <summary>
/// A cell configuration error with its source: <c>file:line:column</c> of the offending YAML key or value, the key's
/// dotted path, and a message that names the valid values.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="location">Where: <c>file:line:column</c> (or a command-line option).</param>
    /// <param name="key">The dotted key, e.g. <c>cell.dl-arfcn</c>.</param>
    /// <param name="reason">What is wrong and which values are valid.</param>
    public ConfigurationException(string location, string key, string reason)
        : base($"{location}: {key}: {reason}")
    {
        Location = location;
        Key = key;
        Reason = reason;
    }

    /// <summary>Creates the error with a message only.</summary>
    public ConfigurationException()
        : this("?", "?", "invalid configuration")
    {
    }

    /// <summary>Creates the error with a message only.</summary>
    public ConfigurationException(string message)
        : base(message)
    {
        Location = "?";
        Key = "?";
        Reason = message;
    }

    /// <summary>Creates the error with a message and inner exception.</summary>
    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Location = "?";
        Key = "?";
        Reason = message;
    }

    /// <summary>Where the error is: <c>file:line:column</c>.</summary>
    public string Location { get; }

    /// <summary>The dotted key path.</summary>
    public string Key { get; }

    /// <summary>The reason, with the valid values.</summary>
    public string Reason { get; }
}
