using System;
using System.Collections.Generic;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Timing;

namespace OpenRan.Engine.Scheduling;

/// <summary>
/// The fixed part of every slot, from the cell configuration: which SS/PBCH blocks it carries (ssb-periodicityServingCell,
/// ssb-PositionsInBurst, TS 38.213 §4.1), whether it is a SIB1 occasion (Type0-PDCCH CSS, TS 38.213 §13, at the SIB1
/// period), and whether it is a whole downlink or uplink slot. Used by schedulers and by the engine's SS/PBCH-only
/// fallback. Queries allocate nothing.
/// </summary>
public sealed class CellSchedule
{
    private readonly CellSetup _cell;
    private readonly List<SsbPdu>[] _ssbBySlotInHalfFrame;
    private readonly int _slotsPerHalfFrame;

    /// <summary>Precomputes the SS/PBCH slots of <paramref name="cell"/>.</summary>
    public CellSchedule(CellSetup cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        _cell = cell;
        _slotsPerHalfFrame = cell.SlotsPerFrame / 2;
        _ssbBySlotInHalfFrame = new List<SsbPdu>[_slotsPerHalfFrame];
        for (int s = 0; s < _slotsPerHalfFrame; s++)
        {
            _ssbBySlotInHalfFrame[s] = [];
        }

        foreach (int i in cell.SsbIndices)
        {
            (int slot, int symbol) = cell.SsbSlotAndSymbol(i);
            _ssbBySlotInHalfFrame[slot].Add(new SsbPdu(i, symbol));
        }
    }

    /// <summary>The cell.</summary>
    public CellSetup Cell => _cell;

    /// <summary>Adds the SS/PBCH blocks of <paramref name="slot"/> to <paramref name="plan"/>.</summary>
    public void AddSsb(SlotPoint slot, DownlinkSlotPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        List<SsbPdu> blocks = SsbBlocks(slot);
        for (int i = 0; i < blocks.Count; i++)
        {
            plan.AddSsb(blocks[i].Index, blocks[i].FirstSymbol);
        }
    }

    /// <summary>Bit l set: an SS/PBCH block occupies symbol l of <paramref name="slot"/>.</summary>
    public ushort SsbSymbolMask(SlotPoint slot)
    {
        List<SsbPdu> blocks = SsbBlocks(slot);
        int mask = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            mask |= 0xF << blocks[i].FirstSymbol;
        }

        return (ushort)mask;
    }

    /// <summary>
    /// The position in <see cref="CellSetup.SsbIndices"/> of the block whose SIB1 is sent in <paramref name="slot"/>, or −1:
    /// the slot is the block's Type0-PDCCH occasion n_0, in a frame with the occasion's SFN parity, at the SIB1 period.
    /// When two blocks share an occasion slot the first is served.
    /// </summary>
    public int Sib1Block(SlotPoint slot)
    {
        if (_cell.Sib1.IsEmpty)
        {
            return -1;
        }

        int periodFrames = _cell.Options.Sib1.PeriodMs / 10;
        for (int k = 0; k < _cell.Type0Occasions.Count; k++)
        {
            var o = _cell.Type0Occasions[k];
            if (o.Slot == slot.Slot && slot.Sfn % periodFrames == o.SfnParity)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Whether every symbol of slot <paramref name="slotIndex"/> is downlink.</summary>
    public bool IsFullDownlink(long slotIndex) => _cell.DownlinkSymbolMask(slotIndex) == 0x3FFF;

    /// <summary>Whether every symbol of slot <paramref name="slotIndex"/> is uplink.</summary>
    public bool IsFullUplink(long slotIndex) => _cell.UplinkSymbolMask(slotIndex) == 0x3FFF;

    /// <summary>Whether slot <paramref name="slotIndex"/> has any uplink symbol.</summary>
    public bool HasUplink(long slotIndex) => _cell.UplinkSymbolMask(slotIndex) != 0;

    private List<SsbPdu> SsbBlocks(SlotPoint slot)
    {
        int periodMs = _cell.Options.Ssb.PeriodMs;
        int halfFrame = slot.Slot / _slotsPerHalfFrame;
        bool burst = periodMs == 5 || (halfFrame == 0 && slot.Sfn % (periodMs / 10) == 0);
        return burst ? _ssbBySlotInHalfFrame[slot.Slot % _slotsPerHalfFrame] : s_none;
    }

    private static readonly List<SsbPdu> s_none = [];
}
