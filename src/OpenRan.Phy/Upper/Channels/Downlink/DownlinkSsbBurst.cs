using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>
/// The SS/PBCH blocks of a waveform (TS 38.213 §4.1, TS 38.211 §7.4.3, TS 38.331 MIB): block pattern (its subcarrier
/// spacing may differ from the carrier's), L_max, the transmitted blocks, the burst period, the position from point A
/// (offsetToPointA N_CRB^SSB and k_SSB; in FR1 both count 15 kHz units, so an odd k_SSB puts a 30 kHz block half a
/// subcarrier off the 30 kHz grid), the MIB fields (the SFN follows the frame) and the port and power.
/// </summary>
public sealed record DownlinkSsbBurst
{
    private readonly bool[] _transmitted = [true];

    /// <summary>The block pattern (case A..E).</summary>
    public SsbCase Case { get; init; } = SsbCase.A;

    /// <summary>L_max (4, 8 or 64; TS 38.213 §4.1).</summary>
    public int LMax { get; init; } = 4;

    /// <summary>ssb-PositionsInBurst: entry i transmits candidate block i (length ≤ L_max).</summary>
    public IReadOnlyList<bool> TransmittedBlocks
    {
        get => _transmitted;
        init => _transmitted = [.. value];
    }

    /// <summary>The burst period in ms: 5, 10, 20, 40, 80 or 160.</summary>
    public int PeriodMs { get; init; } = 20;

    /// <summary>N_CRB^SSB (offsetToPointA): 15 kHz resource blocks in FR1, 60 kHz in FR2.</summary>
    public int NCrbSsb { get; init; }

    /// <summary>k_SSB: 15 kHz subcarriers in FR1 (0..23), subCarrierSpacingCommon subcarriers in FR2 (0..11).</summary>
    public int KSsb { get; init; }

    /// <summary>MIB subCarrierSpacingCommon: false = scs15or60, true = scs30or120.</summary>
    public bool SubCarrierSpacingCommon { get; init; }

    /// <summary>MIB dmrs-TypeA-Position, 2 or 3.</summary>
    public int DmrsTypeAPosition { get; init; } = 2;

    /// <summary>MIB pdcch-ConfigSIB1, 0..255.</summary>
    public int PdcchConfigSib1 { get; init; }

    /// <summary>MIB cellBarred = barred.</summary>
    public bool CellBarred { get; init; }

    /// <summary>MIB intraFreqReselection = allowed.</summary>
    public bool IntraFreqReselectionAllowed { get; init; } = true;

    /// <summary>The antenna port.</summary>
    public int Port { get; init; }

    /// <summary>Power of every block component relative to unit energy per RE, dB (β_PSS = β_SSS = β_PBCH = β_DMRS).</summary>
    public double PowerDb { get; init; }

    /// <summary>The subcarrier spacing of the blocks, kHz.</summary>
    public int SubcarrierSpacingKhz => SsbBlockPattern.SubcarrierSpacingKhz(Case);

    /// <summary>Whether FR2 units apply (block subcarrier spacing 120 kHz or more).</summary>
    public bool IsFr2 => SubcarrierSpacingKhz >= 120;

    /// <summary>Frequency of block subcarrier 0 above point A, Hz: 12·N_CRB^SSB·(15 or 60 kHz) + k_SSB·(15 kHz, or 60/120 kHz in FR2).</summary>
    public double FirstSubcarrierOffsetHz =>
        (12.0 * NCrbSsb * (IsFr2 ? 60e3 : 15e3)) + (KSsb * (IsFr2 ? (SubCarrierSpacingCommon ? 120e3 : 60e3) : 15e3));

    /// <summary>The MIB of frame <paramref name="frame"/>.</summary>
    public Mib MibFor(int frame) => new(frame & 1023, SubCarrierSpacingCommon, KSsb, DmrsTypeAPosition, PdcchConfigSib1, CellBarred, IntraFreqReselectionAllowed);

    /// <summary>Whether half frame <paramref name="halfFrame"/> of frame <paramref name="frame"/> carries the burst: (10·n_f + 5·h) mod period = 0.</summary>
    public bool IsTransmitted(long frame, int halfFrame) => ((10 * frame) + (5 * halfFrame)) % PeriodMs == 0;

    /// <summary>The problems of this burst; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (LMax is not (4 or 8 or 64))
        {
            problems.Add($"Ssb.LMax = {LMax}; valid: 4, 8, 64");
        }

        if (_transmitted.Length == 0 || _transmitted.Length > LMax || !_transmitted.Any(b => b))
        {
            problems.Add($"Ssb.TransmittedBlocks has {_transmitted.Length} entries ({_transmitted.Count(b => b)} set); valid: 1..L_max = {LMax} entries with at least one set");
        }

        if (PeriodMs is not (5 or 10 or 20 or 40 or 80 or 160))
        {
            problems.Add($"Ssb.PeriodMs = {PeriodMs}; valid: 5, 10, 20, 40, 80, 160");
        }

        if (KSsb < 0 || KSsb > (IsFr2 ? 11 : 23))
        {
            problems.Add($"Ssb.KSsb = {KSsb}; valid: 0..{(IsFr2 ? 11 : 23)}");
        }

        if (NCrbSsb is < 0 or > 2199)
        {
            problems.Add($"Ssb.NCrbSsb = {NCrbSsb}; valid: 0..2199");
        }

        if (DmrsTypeAPosition is not (2 or 3))
        {
            problems.Add($"Ssb.DmrsTypeAPosition = {DmrsTypeAPosition}; valid: 2, 3");
        }

        if (PdcchConfigSib1 is < 0 or > 255)
        {
            problems.Add($"Ssb.PdcchConfigSib1 = {PdcchConfigSib1}; valid: 0..255");
        }

        if (!double.IsFinite(PowerDb) || Math.Abs(PowerDb) > 30)
        {
            problems.Add($"Ssb.PowerDb = {PowerDb}; valid: −30..30 dB");
        }

        return problems;
    }

    /// <summary>Value equality including the block list.</summary>
    public bool Equals(DownlinkSsbBurst? other) =>
        other is not null && Case == other.Case && LMax == other.LMax && _transmitted.AsSpan().SequenceEqual(other._transmitted) && PeriodMs == other.PeriodMs
        && NCrbSsb == other.NCrbSsb && KSsb == other.KSsb && SubCarrierSpacingCommon == other.SubCarrierSpacingCommon && DmrsTypeAPosition == other.DmrsTypeAPosition
        && PdcchConfigSib1 == other.PdcchConfigSib1 && CellBarred == other.CellBarred && IntraFreqReselectionAllowed == other.IntraFreqReselectionAllowed
        && Port == other.Port && PowerDb.Equals(other.PowerDb);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Case, LMax, PeriodMs, NCrbSsb, KSsb, Port);
}
