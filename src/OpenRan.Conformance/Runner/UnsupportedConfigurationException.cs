using System;

namespace OpenRan.Conformance.Runner;

/// <summary>
/// Thrown by a check (or by code it calls to load a case) when the case's configuration cannot be expressed by the
/// implementation; the runner reports the case as <see cref="CaseOutcome.Unsupported"/>, a failure, instead of letting the
/// check approximate the configuration and report a numeric mismatch (or, worse, a pass).
/// </summary>
public sealed class UnsupportedConfigurationException : Exception
{
    /// <summary>Creates the exception with what is unsupported.</summary>
    public UnsupportedConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with what is unsupported and its cause.</summary>
    public UnsupportedConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public UnsupportedConfigurationException()
    {
    }
}
