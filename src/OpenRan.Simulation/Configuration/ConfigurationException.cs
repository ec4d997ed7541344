using System;

namespace OpenRan.Simulation.Configuration;

/// <summary>A configuration error with its source: a YAML file with line and column, or a command-line option.</summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConfigurationException(string source, string message, Exception? inner = null)
        : base(Compose(source, message), inner) => Location = source;

    /// <summary>Where the error is: <c>file:line:column</c> or <c>--option</c>.</summary>
    public string Location { get; } = "";

    /// <summary>
    /// <c>source: message</c>, without saying the option's name twice when the source is the command-line option itself:
    /// <c>--seed = -1 is not valid; …</c> rather than <c>--seed: seed = -1 is not valid; …</c>.
    /// </summary>
    private static string Compose(string source, string message)
    {
        if (source.StartsWith("--", StringComparison.Ordinal))
        {
            string name = source[2..];
            if (message.StartsWith(name + " =", StringComparison.Ordinal))
            {
                return "--" + message;
            }

            if (message.StartsWith(name + ": ", StringComparison.Ordinal))
            {
                return $"{source}: {message[(name.Length + 2)..]}";
            }
        }

        return $"{source}: {message}";
    }

    /// <summary>Creates an empty exception.</summary>
    public ConfigurationException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public ConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and cause.</summary>
    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
