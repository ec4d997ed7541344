using System;

namespace OpenRan.Radio.SigMf;

/// <summary>A malformed or inconsistent SigMF recording; the message names the file and the reason.</summary>
public sealed class SigMfFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public SigMfFormatException(string path, string reason)
        : base($"{path}: {reason}")
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>Creates the exception.</summary>
    public SigMfFormatException()
        : this(string.Empty, "invalid SigMF recording")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SigMfFormatException(string message)
        : this(string.Empty, message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public SigMfFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
        Reason = message;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
