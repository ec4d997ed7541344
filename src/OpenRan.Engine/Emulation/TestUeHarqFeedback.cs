using System;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pucch;

namespace OpenRan.Engine.Emulation;

/// <summary>
/// The downlink HARQ feedback of the emulated phy-test UE (<c>dl-harq-feedback: pucch</c>): for each assignment that
/// <see cref="TestUeDownlink"/> found (K1 = PDSCH-to-HARQ feedback timing indicator + 1, dl-DataToUL-ACK = {1..8}, and the
/// PUCCH resource indicator) it queues the PDSCH's CRC verdict as ACK or NACK, and sends the HARQ-ACK bits of each
/// uplink slot, in downlink-slot order, on the PUCCH resource (TS 38.213 §9.2.3; <see cref="PucchTransmitter"/>). Faults
/// can be injected, deterministically from a hash of the slot: with probability <c>ue_bler</c> an ACK becomes a NACK, and
/// with probability <c>ue_dtx</c> the UE misses the DCI and sends nothing for it (DTX). Allocation-free after construction.
/// </summary>
public sealed class TestUeHarqFeedback
{
    private const int MaxPending = 32;

    private readonly CellSetup _cell;
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
    public TestUeHarqFeedback(CellSetup cell, double bler, double dtx)
    {
        ArgumentNullException.ThrowIfNull(cell);
        _cell = cell;
        _bler = bler;
        _dtx = dtx;
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

    /// <summary>
    /// Counts a downlink assignment of slot <paramref name="slot"/> and decides whether the UE misses it (probability
    /// <c>ue_dtx</c>): then it is neither received nor answered.
    /// </summary>
    public bool MissesAssignment(long slot)
    {
        Assignments++;
        if (Draw(slot, 0x51) < _dtx)
        {
            Missed++;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Queues the HARQ-ACK of the PDSCH of slot <paramref name="slot"/> for slot + <paramref name="k1"/> on PUCCH resource
    /// <paramref name="resource"/>: ACK when <paramref name="decoded"/> (its CRC passed), turned into a NACK with
    /// probability <c>ue_bler</c>.
    /// </summary>
    public void Report(long slot, int k1, int resource, bool decoded)
    {
        if (_pendingCount < MaxPending && resource < _resources.Length)
        {
            _pendingSlot[_pendingCount] = slot + k1;
            _pendingResource[_pendingCount] = resource;
            _pendingBit[_pendingCount++] = decoded && Draw(slot, 0xB1) >= _bler ? (byte)1 : (byte)0;
        }
    }

    /// <summary>Writes the PUCCH of uplink slot <paramref name="slot"/> into <paramref name="grid"/>; false when there is none.</summary>
    public bool Transmit(long slot, ResourceGrid grid)
    {
        int count = TakeDue(slot, _bits, out int resource);
        if (count == 0)
        {
            return false;
        }

        _pucch.Transmit(_resources[resource], new PucchUciPayload(_bits.AsSpan(0, count)), (int)(slot % _cell.SlotsPerFrame), grid);
        return true;
    }

    /// <summary>
    /// Takes the HARQ-ACK bits due in uplink slot <paramref name="slot"/> (in downlink-slot order, at most 8) into
    /// <paramref name="bits"/> and returns their number: for UCI on PUSCH (TS 38.213 §9.3), when the UE has a PUSCH there,
    /// the caller multiplexes them on it instead of sending the PUCCH. Counted as sent.
    /// </summary>
    public int TakeDue(long slot, Span<byte> bits) => TakeDue(slot, bits, out _);

    private int TakeDue(long slot, Span<byte> bits, out int resource)
    {
        int count = 0;
        resource = 0;
        int kept = 0;
        for (int i = 0; i < _pendingCount; i++)
        {
            if (_pendingSlot[i] == slot && count < bits.Length)
            {
                bits[count++] = _pendingBit[i];
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
        for (int i = 0; i < count; i++)
        {
            AcksSent += bits[i];
            NacksSent += 1 - bits[i];
        }

        return count;
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
