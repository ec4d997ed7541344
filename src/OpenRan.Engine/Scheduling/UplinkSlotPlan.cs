using System;
using OpenRan.Engine.Timing;

namespace OpenRan.Engine.Scheduling;

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
    public PuschPdu? AddPusch()
    {
        if (PuschCount == _pusch.Length)
        {
            return null;
        }

        PuschPdu pdu = _pusch[PuschCount++];
        pdu.HarqAckBits = 0;
        return pdu;
    }

    /// <summary>The next PUCCH PDU to fill (on a dedicated resource until told otherwise), or null when full.</summary>
    public PucchPdu? AddPucch()
    {
        if (PucchCount == _pucch.Length)
        {
            return null;
        }

        PucchPdu pdu = _pucch[PucchCount++];
        pdu.CommonResource = -1;
        return pdu;
    }

    /// <summary>Removes <paramref name="pdu"/> from the PUCCHs (its HARQ-ACK moved to a PUSCH); the order of the others may change.</summary>
    public void RemovePucch(PucchPdu pdu)
    {
        for (int i = 0; i < PucchCount; i++)
        {
            if (ReferenceEquals(_pucch[i], pdu))
            {
                PucchCount--;
                (_pucch[i], _pucch[PucchCount]) = (_pucch[PucchCount], _pucch[i]);
                return;
            }
        }
    }

    /// <summary>Adds a PRACH occasion (ignored when full).</summary>
    public void AddPrach(PrachOccasionPdu occasion)
    {
        if (PrachCount < _prach.Length)
        {
            _prach[PrachCount++] = occasion;
        }
    }
}
