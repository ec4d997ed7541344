using System;

namespace OpenRan.Radio.SigMf;

/// <summary>Names and sizes of <see cref="SigMfDatatype"/>.</summary>
public static class SigMfDatatypes
{
    /// <summary>The datatype strings accepted, for error messages.</summary>
    public const string Supported = "cf32_le | ci16_le | ci8 | cu8";

    /// <summary>The SigMF spelling.</summary>
    public static string ToText(this SigMfDatatype datatype) => datatype switch
    {
        SigMfDatatype.Cf32Le => "cf32_le",
        SigMfDatatype.Ci16Le => "ci16_le",
        SigMfDatatype.Ci8 => "ci8",
        SigMfDatatype.Cu8 => "cu8",
        _ => throw new ArgumentOutOfRangeException(nameof(datatype), datatype, Supported),
    };

    /// <summary>Bytes per complex sample of one channel.</summary>
    public static int BytesPerSample(this SigMfDatatype datatype) => datatype switch
    {
        SigMfDatatype.Cf32Le => 8,
        SigMfDatatype.Ci16Le => 4,
        SigMfDatatype.Ci8 or SigMfDatatype.Cu8 => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(datatype), datatype, Supported),
    };

    /// <summary>Parses a SigMF datatype string; false for any datatype outside <see cref="Supported"/>.</summary>
    public static bool TryParse(string? text, out SigMfDatatype datatype)
    {
        switch (text)
        {
            case "cf32_le":
                datatype = SigMfDatatype.Cf32Le;
                return true;
            case "ci16_le":
                datatype = SigMfDatatype.Ci16Le;
                return true;
            case "ci8":
                datatype = SigMfDatatype.Ci8;
                return true;
            case "cu8":
                datatype = SigMfDatatype.Cu8;
                return true;
            default:
                datatype = default;
                return false;
        }
    }
}
