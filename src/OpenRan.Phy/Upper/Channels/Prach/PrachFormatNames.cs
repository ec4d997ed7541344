using System;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>The names TS 38.211 uses for the preamble formats ("0", "A1", …) and their parsing.</summary>
public static class PrachFormatNames
{
    /// <summary>The specification's name of <paramref name="format"/>: 0, 1, 2, 3, A1 … C2.</summary>
    public static string Name(PrachPreambleFormat format) => format switch
    {
        PrachPreambleFormat.Format0 => "0",
        PrachPreambleFormat.Format1 => "1",
        PrachPreambleFormat.Format2 => "2",
        PrachPreambleFormat.Format3 => "3",
        _ => format.ToString(),
    };

    /// <summary>Parses a format name (0–3, A1–A3, B1–B4, C0, C2; case-insensitive).</summary>
    /// <exception cref="FormatException">Not a preamble format.</exception>
    public static PrachPreambleFormat Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string t = name.Trim().ToUpperInvariant();
        return t switch
        {
            "0" => PrachPreambleFormat.Format0,
            "1" => PrachPreambleFormat.Format1,
            "2" => PrachPreambleFormat.Format2,
            "3" => PrachPreambleFormat.Format3,
            "A1" => PrachPreambleFormat.A1,
            "A2" => PrachPreambleFormat.A2,
            "A3" => PrachPreambleFormat.A3,
            "B1" => PrachPreambleFormat.B1,
            "B2" => PrachPreambleFormat.B2,
            "B3" => PrachPreambleFormat.B3,
            "B4" => PrachPreambleFormat.B4,
            "C0" => PrachPreambleFormat.C0,
            "C2" => PrachPreambleFormat.C2,
            _ => throw new FormatException($"'{name}' is not a PRACH preamble format; valid: 0, 1, 2, 3, A1, A2, A3, B1, B2, B3, B4, C0, C2 (TS 38.211 Tables 6.3.3.1-1/-2)."),
        };
    }
}
