using System;
using OpenRan.Engine.Timing;

namespace OpenRan.Engine.Scheduling;

/// <summary>
/// Everything one downlink slot carries, as the scheduler decided it: SS/PBCH blocks, PDCCHs and PDSCHs. Preallocated
/// by the engine (one per slot of its pipeline) and reset for each slot; filling it allocates nothing.
/// </summary>
public sealed class DownlinkSlotPlan
{
    private readonly SsbPdu[] _ssb = new SsbPdu[4];
    private readonly PdcchPdu[] _pdcch;
    private readonly PdschPdu[] _pdsch;

    /// <summary>Creates a plan with room for <paramref name="maxPdcch"/> DCIs and <paramref name="maxPdsch"/> PDSCHs.</summary>
    public DownlinkSlotPlan(int maxPdcch, int maxPdsch, int maxTransportBlockBytes)
    {
        _pdcch = new PdcchPdu[maxPdcch];
        for (int i = 0; i < maxPdcch; i++)
        {
            _pdcch[i] = new PdcchPdu();
        }

        _pdsch = new PdschPdu[maxPdsch];
        for (int i = 0; i < maxPdsch; i++)
        {
            _pdsch[i] = new PdschPdu(maxTransportBlockBytes);
        }
    }

    /// <summary>The slot.</summary>
    public SlotPoint Slot { get; private set; }

    /// <summary>The MIB's SFN and half frame for the SS/PBCH blocks of this slot come from <see cref="Slot"/>.</summary>
    public ReadOnlySpan<SsbPdu> Ssb => _ssb.AsSpan(0, SsbCount);

    /// <summary>Number of SS/PBCH blocks.</summary>
    public int SsbCount { get; private set; }

    /// <summary>The PDCCHs in use.</summary>
    public ReadOnlySpan<PdcchPdu> Pdcch => _pdcch.AsSpan(0, PdcchCount);

    /// <summary>Number of PDCCHs.</summary>
    public int PdcchCount { get; private set; }

    /// <summary>The PDSCHs in use.</summary>
    public ReadOnlySpan<PdschPdu> Pdsch => _pdsch.AsSpan(0, PdschCount);

    /// <summary>Number of PDSCHs.</summary>
    public int PdschCount { get; private set; }

    /// <summary>Whether the slot carries nothing but SS/PBCH blocks.</summary>
    public bool IsSsbOnly => PdcchCount == 0 && PdschCount == 0;

    /// <summary>Empties the plan for <paramref name="slot"/>.</summary>
    public void Reset(SlotPoint slot)
    {
        Slot = slot;
        SsbCount = 0;
        PdcchCount = 0;
        PdschCount = 0;
    }

    /// <summary>Adds an SS/PBCH block.</summary>
    public void AddSsb(int index, int firstSymbol)
    {
        if (SsbCount == _ssb.Length)
        {
            throw new InvalidOperationException("at most 4 SS/PBCH blocks per slot.");
        }

        _ssb[SsbCount++] = new SsbPdu(index, firstSymbol);
    }

    /// <summary>Takes the next PDCCH PDU to fill, or null when the plan is full.</summary>
    public PdcchPdu? AddPdcch() => PdcchCount < _pdcch.Length ? _pdcch[PdcchCount++] : null;

    /// <summary>Takes the next PDSCH PDU to fill, or null when the plan is full.</summary>
    public PdschPdu? AddPdsch() => PdschCount < _pdsch.Length ? _pdsch[PdschCount++] : null;

    /// <summary>Removes everything but the SS/PBCH blocks (what an overloaded engine still transmits).</summary>
    public void KeepSsbOnly()
    {
        PdcchCount = 0;
        PdschCount = 0;
    }
}
