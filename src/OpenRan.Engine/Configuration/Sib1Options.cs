namespace OpenRan.Engine.Configuration;

/// <summary>The <c>sib1:</c> section: the bytes (the engine does no RRC) and their scheduling.</summary>
public sealed record Sib1Options
{
    /// <summary>SIB1 as hex, or null.</summary>
    public string? Hex { get; init; }

    /// <summary>A file holding SIB1 (binary), or null.</summary>
    public string? File { get; init; }

    /// <summary>Transmission period in ms: 20, 40, 80, 160.</summary>
    public int PeriodMs { get; init; } = 20;

    /// <summary>MCS index (TS 38.214 Table 5.1.3.1-1) of the SIB1 PDSCH, 0..9.</summary>
    public int Mcs { get; init; } = 5;
}
