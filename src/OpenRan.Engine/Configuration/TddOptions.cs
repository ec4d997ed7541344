namespace OpenRan.Engine.Configuration;

/// <summary>tdd-UL-DL-ConfigurationCommon, pattern 1 (TS 38.331; TS 38.213 §11.1), reference SCS = the carrier SCS.</summary>
public sealed record TddOptions
{
    /// <summary>dl-UL-TransmissionPeriodicity in ms: 0.5, 0.625, 1, 1.25, 2, 2.5, 3, 4, 5, 10.</summary>
    public double PeriodMs { get; init; } = 5;

    /// <summary>nrofDownlinkSlots.</summary>
    public int DlSlots { get; init; } = 7;

    /// <summary>nrofDownlinkSymbols (DL symbols at the start of the slot after the DL slots).</summary>
    public int DlSymbols { get; init; } = 6;

    /// <summary>nrofUplinkSlots (at the end of the period).</summary>
    public int UlSlots { get; init; } = 2;

    /// <summary>nrofUplinkSymbols (UL symbols at the end of the slot before the UL slots).</summary>
    public int UlSymbols { get; init; } = 4;
}
