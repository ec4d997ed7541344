namespace OpenRan.Engine.Configuration;

/// <summary>The <c>cell:</c> section.</summary>
public sealed record CellOptions
{
    /// <summary>Operating band (TS 38.104 Table 5.2-1), e.g. <c>n78</c>.</summary>
    public string Band { get; init; } = "n3";

    /// <summary>Downlink NR-ARFCN of the carrier (F_REF); null when <see cref="CenterFrequencyMhz"/> is given.</summary>
    public int? DlArfcn { get; init; }

    /// <summary>Downlink carrier F_REF in MHz, instead of <see cref="DlArfcn"/>.</summary>
    public double? CenterFrequencyMhz { get; init; }

    /// <summary>Channel bandwidth in MHz (TS 38.101-1 Table 5.3.2-1).</summary>
    public int ChannelBandwidthMhz { get; init; } = 20;

    /// <summary>Subcarrier spacing of the carrier (and subCarrierSpacingCommon) in kHz.</summary>
    public int ScsKhz { get; init; } = 15;

    /// <summary>N_ID^cell, 0..1007.</summary>
    public int Pci { get; init; } = 1;

    /// <summary><c>fdd</c> or <c>tdd</c>; null for the band's duplex mode.</summary>
    public string? Duplex { get; init; }

    /// <summary>tdd-UL-DL-ConfigurationCommon pattern 1 (TDD only).</summary>
    public TddOptions? Tdd { get; init; }

    /// <summary>dmrs-TypeA-Position: 2 or 3.</summary>
    public int DmrsTypeAPosition { get; init; } = 2;
}
