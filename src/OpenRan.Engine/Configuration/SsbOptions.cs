namespace OpenRan.Engine.Configuration;

/// <summary>The <c>ssb:</c> section.</summary>
public sealed record SsbOptions
{
    /// <summary>The SSB's GSCN, or null to pick the raster entry nearest the carrier centre with a valid k_SSB.</summary>
    public int? Gscn { get; init; }

    /// <summary>ssb-periodicityServingCell in ms: 5, 10, 20, 40, 80, 160.</summary>
    public int PeriodMs { get; init; } = 10;

    /// <summary>ssb-PositionsInBurst as a bitmap of L_max characters, leftmost = block 0; null = block 0 only.</summary>
    public string? PositionsInBurst { get; init; }

    /// <summary>SS/PBCH EPRE relative to the PDSCH EPRE in dB (amplitude factor β = 10^(dB/20)).</summary>
    public double PowerOffsetDb { get; init; }
}
