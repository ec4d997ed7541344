using System;

namespace OpenRan.Engine.Rrc;

/// <summary>An RRC message that does not decode: truncated, or a value outside its ASN.1 constraint, or a construct not supported.</summary>
public sealed class RrcFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RrcFormatException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public RrcFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the cause.</summary>
    public RrcFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
