using System;
using System.Collections.Generic;

namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>
/// Everything one downlink carrier transmits, periodically: the carrier, SS/PBCH bursts, PDCCHs, PDSCHs and CSI-RS resources.
/// Payload streams restart every <see cref="PeriodSlots"/> slots (a test model repeats its 10 or 20 ms exactly); 0 lets them run on.
/// </summary>
public sealed record DownlinkWaveformConfiguration
{
    private readonly DownlinkPdcch[] _pdcch = [];
    private readonly DownlinkPdsch[] _pdsch = [];
    private readonly DownlinkCsiRs[] _csiRs = [];

    /// <summary>A label (the test model name, or the configuration file).</summary>
    public string Name { get; init; } = "downlink";

    /// <summary>The carrier.</summary>
    public DownlinkCarrier Carrier { get; init; } = new();

    /// <summary>The SS/PBCH bursts, or null.</summary>
    public DownlinkSsbBurst? Ssb { get; init; }

    /// <summary>The PDCCHs (mapped in this order).</summary>
    public IReadOnlyList<DownlinkPdcch> Pdcch
    {
        get => _pdcch;
        init => _pdcch = [.. value];
    }

    /// <summary>The PDSCHs.</summary>
    public IReadOnlyList<DownlinkPdsch> Pdsch
    {
        get => _pdsch;
        init => _pdsch = [.. value];
    }

    /// <summary>The CSI-RS resources (NZP and ZP).</summary>
    public IReadOnlyList<DownlinkCsiRs> CsiRs
    {
        get => _csiRs;
        init => _csiRs = [.. value];
    }

    /// <summary>Slots after which every payload stream restarts (the waveform's period); 0 = never.</summary>
    public int PeriodSlots { get; init; }

    /// <summary>The problems of the configuration, each naming the field, its value and the valid range; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(Carrier.Validate());
        if (problems.Count > 0)
        {
            return problems;
        }

        if (Ssb is not null)
        {
            problems.AddRange(Ssb.Validate());
            if (Ssb.Port < 0 || Ssb.Port >= Carrier.AntennaPortCount)
            {
                problems.Add($"Ssb.Port = {Ssb.Port}; valid: 0..{Carrier.AntennaPortCount - 1}");
            }
        }

        foreach (DownlinkPdcch pdcch in _pdcch)
        {
            problems.AddRange(pdcch.Validate(Carrier.SlotsPerFrame));
            if (pdcch.Port < 0 || pdcch.Port >= Carrier.AntennaPortCount)
            {
                problems.Add($"{pdcch.Name}.Port = {pdcch.Port}; valid: 0..{Carrier.AntennaPortCount - 1}");
            }
        }

        foreach (DownlinkPdsch pdsch in _pdsch)
        {
            problems.AddRange(pdsch.Validate(Carrier));
        }

        foreach (DownlinkCsiRs csiRs in _csiRs)
        {
            foreach (string p in csiRs.Resource.Validate())
            {
                problems.Add($"{csiRs.Name}: {p}");
            }

            if (!csiRs.Resource.ZeroPower && (csiRs.FirstPort < 0 || csiRs.FirstPort + csiRs.Resource.Row.Ports > Carrier.AntennaPortCount))
            {
                problems.Add($"{csiRs.Name}.FirstPort = {csiRs.FirstPort}: {csiRs.Resource.Row.Ports} CSI-RS port(s) do not fit {Carrier.AntennaPortCount} antenna port(s)");
            }
        }

        if (PeriodSlots < 0)
        {
            problems.Add($"PeriodSlots = {PeriodSlots}; valid: ≥ 0 (0 = the payload streams never restart)");
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem unless the configuration is valid.</summary>
    public void ThrowIfInvalid()
    {
        IReadOnlyList<string> problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid downlink waveform '{Name}': {string.Join("; ", problems)}.");
        }
    }
}
