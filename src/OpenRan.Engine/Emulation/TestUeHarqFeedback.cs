using System;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pucch;

namespace OpenRan.Engine.Emulation;

/// <summary>
/// The downlink HARQ feedback of the emulated phy-test UE (<c>dl-harq-feedback: pucch</c>): in every downlink slot it
/// searches its UE-specific search space on CORESET#1 for a DCI 1_1/1_0 with its C-RNTI (TS 38.213 §10.1), reads the
/// PDSCH-to-HARQ feedback timing indicator (K1 = value + 1, dl-DataToUL-ACK = {1..8}) and the PUCCH resource indicator,
/// decides ACK or NACK — NACK with probability <c>ue_bler</c> from a deterministic hash of the slot, standing for a PDSCH
/// CRC failure; the PDSCH itself is not decoded — and sends the HARQ-ACK bits of each uplink slot, in downlink-slot
/// order, on the PUCCH resource (TS 38.213 §9.2.3; <see cref="PucchTransmitter"/>). With probability <c>ue_dtx</c> it
/// misses the DCI and sends nothing for it (DTX). Allocation-free after construction.
/// </summary>
public sealed class TestUeHarqFeedback
{
    private const int MaxPending = 32;

    private readonly CellSetup _cell;
    private readonly PhyTestScheduler _scheduler;
    private readonly PdcchReceiver _pdcch = new();
    private readonly PdcchDetection[] _detections = [new PdcchDetection(), new PdcchDetection()];
    private readonly ushort[] _rntis = new ushort[1];
    private readonly int[] _sizes;
    private readonly DciSizes0_0And1_0 _fallbackSizes;
    private readonly PdcchSearchRequest[] _requests;
    private readonly PucchTransmitter _pucch = new();
    private readonly PucchConfiguration[] _resources;
    private readonly long[] _pendingSlot = new long[MaxPending];
    private readonly byte[] _pendingBit = new byte[MaxPending];
    private readonly int[] _pendingResource = new int[MaxPending];
    private readonly byte[] _bits = new byte[8];
    private readonly double _bler;
    private readonly double _dtx;
    private int _pendingCount;

    /// <summary>Prepares the feedback of the test UE of <paramref name="cell"/>.</summary>
    public TestUeHarqFeedback(CellSetup cell, PhyTestScheduler scheduler, double bler, double dtx)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(scheduler);
        _cell = cell;
        _scheduler = scheduler;
        _bler = bler;
        _dtx = dtx;
        _rntis[0] = (ushort)cell.Options.TestUe.Rnti;
        _sizes = [scheduler.UeDownlinkDciSize];
        _fallbackSizes = new DciSizes0_0And1_0(cell.NRb, cell.NRb, CommonSearchSpace: false);
        _requests = new PdcchSearchRequest[cell.SlotsPerFrame];
        for (int s = 0; s < _requests.Length; s++)
        {
            _requests[s] = new PdcchSearchRequest(s, scheduler.Coreset1, scheduler.UeSearchSpace, cell.Options.TestUe.Rnti, 0, cell.Pci);
        }

        _resources = new PucchConfiguration[cell.Options.Pucch.Count];
        for (int i = 0; i < _resources.Length; i++)
        {
            _resources[i] = CellPucch.Configuration(cell, i, cell.Options.TestUe.Rnti);
        }
    }

    /// <summary>Downlink assignments found.</summary>
    public long Assignments { get; private set; }

    /// <summary>HARQ-ACK bits sent as ACK.</summary>
    public long AcksSent { get; private set; }

    /// <summary>HARQ-ACK bits sent as NACK.</summary>
    public long NacksSent { get; private set; }

    /// <summary>Assignments deliberately missed (no feedback: DTX at the gNB when it was the only bit).</summary>
    public long Missed { get; private set; }

    /// <summary>Looks for the UE's downlink assignment in slot <paramref name="slot"/>.</summary>
    public void OnDownlinkSlot(long slot, ResourceGrid grid)
    {
        int slotInFrame = (int)(slot % _cell.SlotsPerFrame);
        int found = _pdcch.Search(grid, 0, _requests[slotInFrame], _sizes, _rntis, 1, _detections);
        for (int i = 0; i < found; i++)
        {
            PdcchDetection d = _detections[i];
            ReadOnlySpan<byte> bits = d.Payload.AsSpan(0, d.PayloadSize);
            int k1;
            int resource;
            if (_cell.Downlink.FallbackDci)
            {
                // DCI 1_0 with C-RNTI (TS 38.212 §7.3.1.2.1): the identifier bit is 1 for a downlink assignment.
                if (bits[0] != 1)
                {
                    continue;
                }

                var dci = _fallbackSizes.Parse1_0(bits, DciRntiType.CRnti);
                k1 = dci.PdschToHarqTiming + 1;
                resource = dci.PucchResourceIndicator;
            }
            else
            {
                DciFieldLayout f = _scheduler.Dci1_1;
                if (DciFieldLayout.Read(bits, f["Identifier for DCI formats"]) != 1)
                {
                    continue;
                }

                k1 = DciFieldLayout.Read(bits, f["PDSCH-to-HARQ feedback timing indicator"]) + 1;
                resource = DciFieldLayout.Read(bits, f["PUCCH resource indicator"]);
            }

            Assignments++;
            if (Draw(slot, 0x51) < _dtx)
            {
                Missed++;
                continue;
            }

            if (_pendingCount < MaxPending && resource < _resources.Length)
            {
                _pendingSlot[_pendingCount] = slot + k1;
                _pendingResource[_pendingCount] = resource;
                _pendingBit[_pendingCount++] = Draw(slot, 0xB1) < _bler ? (byte)0 : (byte)1;
            }
        }
    }

    /// <summary>Writes the PUCCH of uplink slot <paramref name="slot"/> into <paramref name="grid"/>; false when there is none.</summary>
    public bool Transmit(long slot, ResourceGrid grid)
    {
        int count = 0;
        int resource = 0;
        int kept = 0;
        for (int i = 0; i < _pendingCount; i++)
        {
            if (_pendingSlot[i] == slot && count < _bits.Length)
            {
                _bits[count++] = _pendingBit[i];
                resource = _pendingResource[i];
                continue;
            }

            if (_pendingSlot[i] > slot)
            {
                _pendingSlot[kept] = _pendingSlot[i];
                _pendingBit[kept] = _pendingBit[i];
                _pendingResource[kept++] = _pendingResource[i];
            }
        }

        _pendingCount = kept;
        if (count == 0)
        {
            return false;
        }

        for (int i = 0; i < count; i++)
        {
            AcksSent += _bits[i];
            NacksSent += 1 - _bits[i];
        }

        _pucch.Transmit(_resources[resource], new PucchUciPayload(_bits.AsSpan(0, count)), (int)(slot % _cell.SlotsPerFrame), grid);
        return true;
    }

    /// <summary>Forgets pending feedback.</summary>
    public void Reset() => _pendingCount = 0;

    /// <summary>A uniform draw in [0, 1) from the slot (deterministic, so runs repeat).</summary>
    private static double Draw(long slot, ulong salt)
    {
        ulong x = ((ulong)slot * 0x9E3779B97F4A7C15UL) ^ (salt * 0xD1B54A32D192ED03UL);
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        return (x >> 11) * (1.0 / (1UL << 53));
    }
}
