using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenRan.Phy.Upper.SignalProcessors.Dmrs;

/// <summary>
/// Immutable DM-RS configuration of a PDSCH or PUSCH transmission (TS 38.211 §7.4.1.1, §6.4.1.1; higher-layer
/// <c>DMRS-DownlinkConfig</c>/<c>DMRS-UplinkConfig</c> and the DCI antenna-port field).
/// </summary>
/// <remarks>Validated by the channel configuration that holds it (<see cref="Validate"/> lists the problems).</remarks>
public sealed record DmrsConfiguration
{
    private readonly int[] _ports = [0];

    /// <summary>Configuration type 1 or 2 (<c>dmrs-Type</c>).</summary>
    public DmrsConfigurationType ConfigurationType { get; init; } = DmrsConfigurationType.Type1;

    /// <summary>DM-RS duration in symbols: 1 (single-symbol) or 2 (double-symbol; <c>maxLength</c> = len2 and the DCI).</summary>
    public int Length { get; init; } = 1;

    /// <summary><c>dmrs-AdditionalPosition</c>: 0..3 (0..1 with double-symbol DM-RS).</summary>
    public int AdditionalPosition { get; init; } = 2;

    /// <summary><c>dmrs-TypeA-Position</c>: 2 or 3, the first DM-RS symbol of mapping type A.</summary>
    public int TypeAPosition { get; init; } = 2;

    /// <summary>Number of CDM groups without data (DCI antenna-port tables): 1..2 (type 1) or 1..3 (type 2).</summary>
    public int CdmGroupsWithoutData { get; init; } = 2;

    /// <summary>n_SCID ∈ {0, 1} (DCI DM-RS sequence initialization).</summary>
    public int NScid { get; init; }

    /// <summary>N_ID^0 (<c>scramblingID0</c>), 0..65535; the cell identity when not configured.</summary>
    public int ScramblingId0 { get; init; }

    /// <summary>N_ID^1 (<c>scramblingID1</c>), 0..65535; the cell identity when not configured.</summary>
    public int ScramblingId1 { get; init; }

    /// <summary>
    /// Whether the Release-16 CDM-group dependent initialization applies (<c>dmrs-Downlink-r16</c>/<c>dmrs-Uplink-r16</c>):
    /// λ̄ = λ and n̄_SCID = 1 − n_SCID for CDM group 1. When false, λ̄ = 0 and n̄_SCID = n_SCID for every port.
    /// </summary>
    public bool CdmGroupDependentScrambling { get; init; }

    /// <summary>DM-RS ports, one per layer in layer order, as table indices (PDSCH p − 1000, PUSCH p̃).</summary>
    public IReadOnlyList<int> Ports
    {
        get => _ports;
        init => _ports = [.. value];
    }

    /// <summary>N_ID^{n̄_SCID}: the scrambling identity selected by n̄_SCID.</summary>
    public int ScramblingId(int nScidBar) => nScidBar == 0 ? ScramblingId0 : ScramblingId1;

    /// <summary>The problems of this configuration, each naming the bad value and its valid range; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ConfigurationType is not (DmrsConfigurationType.Type1 or DmrsConfigurationType.Type2))
        {
            problems.Add($"Dmrs.ConfigurationType = {ConfigurationType}; valid: Type1, Type2");
            return problems;
        }

        if (Length is not (1 or 2))
        {
            problems.Add($"Dmrs.Length = {Length}; valid: 1 (single-symbol) or 2 (double-symbol)");
        }

        int maxAdditional = Length == 2 ? 1 : 3;
        if (AdditionalPosition < 0 || AdditionalPosition > maxAdditional)
        {
            problems.Add($"Dmrs.AdditionalPosition = {AdditionalPosition}; valid: 0..{maxAdditional} for {(Length == 2 ? "double" : "single")}-symbol DM-RS");
        }

        if (TypeAPosition is not (2 or 3))
        {
            problems.Add($"Dmrs.TypeAPosition = {TypeAPosition}; valid: 2, 3");
        }

        int groups = DmrsPortTable.CdmGroupCount(ConfigurationType);
        if (CdmGroupsWithoutData < 1 || CdmGroupsWithoutData > groups)
        {
            problems.Add($"Dmrs.CdmGroupsWithoutData = {CdmGroupsWithoutData}; valid: 1..{groups} for {ConfigurationType}");
        }

        if (NScid is not (0 or 1))
        {
            problems.Add($"Dmrs.NScid = {NScid}; valid: 0, 1");
        }

        if (ScramblingId0 is < 0 or > 65535)
        {
            problems.Add($"Dmrs.ScramblingId0 = {ScramblingId0}; valid: 0..65535");
        }

        if (ScramblingId1 is < 0 or > 65535)
        {
            problems.Add($"Dmrs.ScramblingId1 = {ScramblingId1}; valid: 0..65535");
        }

        int maxPorts = DmrsPortTable.MaxPorts(ConfigurationType, Length is 1 or 2 ? Length : 1);
        if (_ports.Length == 0)
        {
            problems.Add("Dmrs.Ports is empty; one port per layer is needed");
        }

        foreach (int port in _ports)
        {
            if (port < 0 || port >= maxPorts)
            {
                problems.Add($"Dmrs.Ports contains {port}; valid: 0..{maxPorts - 1} for {ConfigurationType} with {(Length == 2 ? "double" : "single")}-symbol DM-RS");
            }
        }

        if (_ports.Distinct().Count() != _ports.Length)
        {
            problems.Add($"Dmrs.Ports = [{string.Join(", ", _ports)}] repeats a port (DM-RS collision)");
        }
        else if (problems.Count == 0)
        {
            foreach (int port in _ports)
            {
                int group = DmrsPortTable.CdmGroup(ConfigurationType, port);
                if (group >= CdmGroupsWithoutData)
                {
                    problems.Add($"Dmrs.Ports contains {port} in CDM group {group}, but only CDM groups 0..{CdmGroupsWithoutData - 1} are without data (CdmGroupsWithoutData = {CdmGroupsWithoutData}): the DM-RS would collide with data");
                }
            }
        }

        return problems;
    }

    /// <summary>The DM-RS amplitude scaling β_DMRS (TS 38.214 Table 4.1-1 PDSCH, Table 6.2.2-1 PUSCH): √(CDM groups without data), i.e. 0, 3 or 4.77 dB.</summary>
    public float Beta => MathF.Sqrt(CdmGroupsWithoutData);

    /// <summary>Value equality including the port list.</summary>
    public bool Equals(DmrsConfiguration? other) =>
        other is not null && ConfigurationType == other.ConfigurationType && Length == other.Length && AdditionalPosition == other.AdditionalPosition
        && TypeAPosition == other.TypeAPosition && CdmGroupsWithoutData == other.CdmGroupsWithoutData && NScid == other.NScid
        && ScramblingId0 == other.ScramblingId0 && ScramblingId1 == other.ScramblingId1
        && CdmGroupDependentScrambling == other.CdmGroupDependentScrambling && _ports.SequenceEqual(other._ports);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ConfigurationType, Length, AdditionalPosition, TypeAPosition, CdmGroupsWithoutData, NScid, ScramblingId0, _ports.Length);
}
