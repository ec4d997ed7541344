using OpenRan.Phy.Common;
using OpenRan.Phy.Common.Frequency;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// The PRACH fields of TS 38.331 RACH-ConfigGeneric / RACH-ConfigCommon plus the carrier they live on, as given by the
/// user; <see cref="PrachConfiguration"/> validates them (naming the field and its range) and resolves the tables.
/// </summary>
public sealed record PrachParameters
{
    /// <summary>FR1 or FR2 (selects Table 6.3.3.2-2/-3 or -4).</summary>
    public FrequencyRange FrequencyRange { get; init; } = FrequencyRange.Fr1;

    /// <summary>FDD or SUL (paired: Table 6.3.3.2-2) or TDD (unpaired: Tables 6.3.3.2-3, -4).</summary>
    public DuplexMode DuplexMode { get; init; } = DuplexMode.Fdd;

    /// <summary>prach-ConfigurationIndex, 0..255.</summary>
    public required int ConfigurationIndex { get; init; }

    /// <summary>
    /// msg1-SubcarrierSpacing in kHz for the short formats (15 or 30 in FR1, 60 or 120 in FR2); must be unset for the long
    /// formats, whose Δf_RA (1.25 or 5 kHz) is fixed by the format.
    /// </summary>
    public int? Msg1SubcarrierSpacingKhz { get; init; }

    /// <summary>The numerology of the uplink bandwidth part (the Δf of Table 6.3.3.2-1).</summary>
    public required Numerology PuschNumerology { get; init; }

    /// <summary>N_grid^size of the uplink carrier, 1..275 resource blocks.</summary>
    public required int NSizeGrid { get; init; }

    /// <summary>N_BWP^start − N_grid^start: the first resource block of the initial uplink BWP within the grid (default 0).</summary>
    public int BwpStartRb { get; init; }

    /// <summary>The size of the uplink BWP in resource blocks (default: the rest of the grid).</summary>
    public int? BwpSizeRb { get; init; }

    /// <summary>prach-RootSequenceIndex: 0..837 (L_RA = 839) or 0..137 (L_RA = 139).</summary>
    public int RootSequenceIndex { get; init; }

    /// <summary>zeroCorrelationZoneConfig, 0..15.</summary>
    public int ZeroCorrelationZoneConfig { get; init; }

    /// <summary>restrictedSetConfig.</summary>
    public PrachRestrictedSet RestrictedSet { get; init; } = PrachRestrictedSet.Unrestricted;

    /// <summary>msg1-FrequencyStart, n_RA^start: the first PRB of the lowest occasion relative to the BWP start.</summary>
    public int Msg1FrequencyStart { get; init; }

    /// <summary>msg1-FDM: 1, 2, 4 or 8 frequency occasions.</summary>
    public int Msg1Fdm { get; init; } = 1;
}
