using System.Collections.Generic;
using OpenRan.Phy.Upper.Channels.Pdsch;

namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>
/// A periodic PDSCH of a waveform: its configuration (carrier, PRBs, symbols, modulation, layers, DM-RS, identities,
/// coding), the slots it is sent in, power, the redundancy versions applied to successive transmissions, the layer-to-port
/// offset and the payload: transport blocks DL-SCH coded (TS 38.212 §7.2), or, uncoded, the G codeword bits taken directly
/// (the NR test models). In every slot the composer adds the resources it is rate-matched around (TS 38.214 §5.1.4: the
/// resource blocks of SS/PBCH blocks in their symbols, CSI-RS resource elements, the REGs of PDCCHs of the slot) to the
/// configuration's own <see cref="Phy.Upper.Channels.SharedChannel.SharedChannelConfiguration.ReservedResources"/>.
/// </summary>
public sealed record DownlinkPdsch
{
    private readonly int[] _redundancyVersions = [0];

    /// <summary>A label for annotations.</summary>
    public string Name { get; init; } = "PDSCH";

    /// <summary>The PDSCH configuration (the carrier fields must match the waveform's carrier).</summary>
    public required PdschConfiguration Configuration { get; init; }

    /// <summary>The slots carrying the PDSCH.</summary>
    public SlotPattern Slots { get; init; } = SlotPattern.EverySlot;

    /// <summary>Power of the PDSCH and its DM-RS relative to unit energy per RE (MATLAB's Power), dB.</summary>
    public double PowerDb { get; init; }

    /// <summary>
    /// DM-RS power relative to the specification's β_DMRS (TS 38.214 Table 4.1-1: √(CDM groups without data)), dB; MATLAB's
    /// PDSCH vectors correspond to −20·log10(β_DMRS) − x with x = 0, 3, 4.77 dB for 1, 2, 3 CDM groups without data.
    /// </summary>
    public double DmrsPowerOffsetDb { get; init; }

    /// <summary>
    /// True: DL-SCH coding; a new transport block starts with each pass through <see cref="RedundancyVersions"/> and the
    /// other transmissions of the pass repeat it with the next redundancy version (HARQ retransmissions, as MATLAB's
    /// generator). False: the G codeword bits of every transmission come from <see cref="Data"/>.
    /// </summary>
    public bool Coded { get; init; } = true;

    /// <summary>rv_id of successive transmissions (cycled), each 0..3.</summary>
    public IReadOnlyList<int> RedundancyVersions
    {
        get => _redundancyVersions;
        init => _redundancyVersions = [.. value];
    }

    /// <summary>Where the transport-block (or codeword) bits come from.</summary>
    public BitSourceDefinition Data { get; init; } = BitSourceDefinition.Pn23;

    /// <summary>Layer v is sent on antenna port <see cref="FirstPort"/> + v.</summary>
    public int FirstPort { get; init; }

    /// <summary>The problems of this PDSCH against <paramref name="carrier"/>; empty when valid.</summary>
    public IReadOnlyList<string> Validate(DownlinkCarrier carrier)
    {
        var problems = new List<string>();
        foreach (string p in Configuration.Validate())
        {
            problems.Add($"{Name}: {p}");
        }

        if (Configuration.Numerology != carrier.Numerology || Configuration.NSizeGrid != carrier.NSizeGrid || Configuration.NStartGrid != carrier.NStartGrid)
        {
            problems.Add($"{Name}: the configuration's carrier (μ {Configuration.Numerology}, N_grid^size {Configuration.NSizeGrid}, N_grid^start {Configuration.NStartGrid}) differs from the waveform's (μ {carrier.Numerology}, {carrier.NSizeGrid}, {carrier.NStartGrid})");
        }

        if (FirstPort < 0 || FirstPort + Configuration.LayerCount > carrier.AntennaPortCount)
        {
            problems.Add($"{Name}.FirstPort = {FirstPort}; valid: 0..{carrier.AntennaPortCount - Configuration.LayerCount} for {Configuration.LayerCount} layer(s) on {carrier.AntennaPortCount} port(s)");
        }

        if (_redundancyVersions.Length == 0 || System.Array.Exists(_redundancyVersions, rv => rv is < 0 or > 3))
        {
            problems.Add($"{Name}.RedundancyVersions: valid: one or more of 0..3");
        }

        if (!double.IsFinite(PowerDb) || System.Math.Abs(PowerDb) > 30)
        {
            problems.Add($"{Name}.PowerDb = {PowerDb}; valid: −30..30 dB");
        }

        return problems;
    }
}
