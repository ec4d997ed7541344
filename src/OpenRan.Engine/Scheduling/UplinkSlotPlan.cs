using System;
using OpenRan.Engine.Timing;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Prach;
using OpenRan.Phy.Upper.Channels.Pusch;

namespace OpenRan.Engine.Scheduling;

/// <summary>One expected PUSCH: configuration, HARQ process with its soft buffer, redundancy version.</summary>
public sealed class PuschPdu
{
    /// <summary>The configuration (one of the scheduler's prebuilt instances).</summary>
    public PuschConfiguration Configuration { get; set; } = null!;

    /// <summary>The HARQ process's soft buffer.</summary>
    public SharedChannelSoftBuffer SoftBuffer { get; set; } = null!;

    /// <summary>rv_id.</summary>
    public int RedundancyVersion { get; set; }

    /// <summary>Whether this is a new transport block.</summary>
    public bool NewData { get; set; }

    /// <summary>The HARQ process.</summary>
    public int HarqProcess { get; set; }

    /// <summary>The RNTI.</summary>
    public int Rnti { get; set; }

    /// <summary>The RNTI type (C-RNTI data or TC-RNTI Msg3).</summary>
    public RntiType RntiType { get; set; }
}

/// <summary>One expected PUCCH: a HARQ-ACK occasion of one UE on one resource of the configuration.</summary>
public sealed class PucchPdu
{
    /// <summary>The index of the resource in the configuration's <c>pucch:</c> list.</summary>
    public int Resource { get; set; }

    /// <summary>The RNTI.</summary>
    public int Rnti { get; set; }

    /// <summary>HARQ-ACK bits expected (1..2 for formats 0/1, up to 8 for formats 2–4).</summary>
    public int HarqAckBits { get; set; }

    /// <summary>The downlink HARQ processes the bits acknowledge, in bit order.</summary>
    public int[] HarqProcesses { get; } = new int[8];
}

/// <summary>One PRACH occasion to search.</summary>
/// <param name="Occasion">The occasion (format, timing) from <see cref="CellPrach"/>.</param>
/// <param name="FrequencyIndex">n_RA, the frequency-multiplexed occasion index.</param>
/// <param name="OffsetSamples">Where t_start^RA lies in the slot, in samples from its start.</param>
/// <param name="RaRnti">The RA-RNTI a response to a preamble of this occasion is addressed to (TS 38.321 §5.1.3).</param>
public readonly record struct PrachOccasionPdu(PrachOccasion Occasion, int FrequencyIndex, int OffsetSamples, int RaRnti);

/// <summary>
/// What one uplink slot is expected to carry: PUSCHs the scheduler granted, PUCCH occasions and PRACH occasions.
/// Preallocated by the engine for each slot of its uplink pipeline; filled by the scheduler while it plans the downlink
/// slot carrying the grant.
/// </summary>
public sealed class UplinkSlotPlan
{
    private readonly PuschPdu[] _pusch;
    private readonly PucchPdu[] _pucch;
    private readonly PrachOccasionPdu[] _prach = new PrachOccasionPdu[8];

    /// <summary>Creates a plan with room for <paramref name="maxPusch"/> PUSCHs and <paramref name="maxPucch"/> PUCCHs.</summary>
    public UplinkSlotPlan(int maxPusch, int maxPucch)
    {
        _pusch = new PuschPdu[maxPusch];
        for (int i = 0; i < maxPusch; i++)
        {
            _pusch[i] = new PuschPdu();
        }

        _pucch = new PucchPdu[maxPucch];
        for (int i = 0; i < maxPucch; i++)
        {
            _pucch[i] = new PucchPdu();
        }
    }

    /// <summary>The slot.</summary>
    public SlotPoint Slot { get; private set; }

    /// <summary>The PUSCHs.</summary>
    public ReadOnlySpan<PuschPdu> Pusch => _pusch.AsSpan(0, PuschCount);

    /// <summary>Number of PUSCHs.</summary>
    public int PuschCount { get; private set; }

    /// <summary>The PUCCHs.</summary>
    public ReadOnlySpan<PucchPdu> Pucch => _pucch.AsSpan(0, PucchCount);

    /// <summary>Number of PUCCHs.</summary>
    public int PucchCount { get; private set; }

    /// <summary>The PRACH occasions.</summary>
    public ReadOnlySpan<PrachOccasionPdu> Prach => _prach.AsSpan(0, PrachCount);

    /// <summary>Number of PRACH occasions.</summary>
    public int PrachCount { get; private set; }

    /// <summary>Whether anything is expected.</summary>
    public bool IsEmpty => PuschCount == 0 && PucchCount == 0 && PrachCount == 0;

    /// <summary>Empties the plan for <paramref name="slot"/>.</summary>
    public void Reset(SlotPoint slot)
    {
        Slot = slot;
        PuschCount = 0;
        PucchCount = 0;
        PrachCount = 0;
    }

    /// <summary>The next PUSCH PDU to fill, or null when full.</summary>
    public PuschPdu? AddPusch() => PuschCount < _pusch.Length ? _pusch[PuschCount++] : null;

    /// <summary>The next PUCCH PDU to fill, or null when full.</summary>
    public PucchPdu? AddPucch() => PucchCount < _pucch.Length ? _pucch[PucchCount++] : null;

    /// <summary>Adds a PRACH occasion (ignored when full).</summary>
    public void AddPrach(PrachOccasionPdu occasion)
    {
        if (PrachCount < _prach.Length)
        {
            _prach[PrachCount++] = occasion;
        }
    }
}
