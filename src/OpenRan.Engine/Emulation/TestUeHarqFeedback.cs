using System;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pucch;

namespace OpenRan.Engine.Emulation;

/// <summary>
/// The downlink HARQ feedback of the emulated phy-test UE (<c>dl-harq-feedback: pucch</c>): for each assignment that
/// <see cref="TestUeDownlink"/> found (K1 = PDSCH-to-HARQ feedback timing indicator + 1, dl-DataToUL-ACK = {1..8}, and the
/// PUCCH resource indicator) it queues the PDSCH's CRC verdict as ACK or NACK with the DCI's counter DAI, and sends the
/// HARQ-ACK codebook of each uplink slot on the PUCCH resource (TS 38.213 §9.2.3; <see cref="PucchTransmitter"/>) or on the
/// PUSCH. The codebook is the dynamic (Type-2) one of TS 38.213 §9.1.3.1: each bit sits at the position its counter DAI
/// names, so an assignment the UE missed between two it received leaves a NACK in its place; on a PUSCH granted by
/// DCI 0_1 the total DAI V_T-DAI,UL also sizes it (§9.1.3.2), which covers missed last assignments. Faults
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
    private readonly int[] _pendingDai = new int[MaxPending];
    private readonly long[] _totalDaiSlot = new long[MaxPending];
    private readonly int[] _totalDai = new int[MaxPending];
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

    /// <summary>Codebook positions no received assignment filled (a missed DCI found from the DAIs): sent as NACK.</summary>
    public long MissedFromDai { get; private set; }

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
    /// <paramref name="resource"/> at the codebook position of counter DAI <paramref name="counterDai"/> (V_C-DAI, 1..4):
    /// ACK when <paramref name="decoded"/> (its CRC passed), turned into a NACK with probability <c>ue_bler</c>.
    /// </summary>
    public void Report(long slot, int k1, int resource, int counterDai, bool decoded)
    {
        if (_pendingCount < MaxPending && resource < _resources.Length)
        {
            _pendingSlot[_pendingCount] = slot + k1;
            _pendingResource[_pendingCount] = resource;
            _pendingDai[_pendingCount] = counterDai;
            _pendingBit[_pendingCount++] = decoded && Draw(slot, 0xB1) >= _bler ? (byte)1 : (byte)0;
        }
    }

    /// <summary>
    /// Records the total DAI V_T-DAI,UL (1..4) of the DCI 0_1 that granted the PUSCH of slot <paramref name="puschSlot"/>
    /// (TS 38.213 §9.1.3.2): the HARQ-ACK multiplexed on it is sized by it.
    /// </summary>
    public void OnUplinkTotalDai(long puschSlot, int totalDai)
    {
        int i = (int)(puschSlot % MaxPending);
        _totalDaiSlot[i] = puschSlot;
        _totalDai[i] = totalDai;
    }

    /// <summary>Writes the PUCCH of uplink slot <paramref name="slot"/> into <paramref name="grid"/>; false when there is none.</summary>
    public bool Transmit(long slot, ResourceGrid grid)
    {
        int count = TakeDue(slot, _bits, 0, out int resource);
        if (count == 0)
        {
            return false;
        }

        _pucch.Transmit(_resources[resource], new PucchUciPayload(_bits.AsSpan(0, count)), (int)(slot % _cell.SlotsPerFrame), grid);
        return true;
    }

    /// <summary>
    /// Takes the HARQ-ACK codebook due in uplink slot <paramref name="slot"/> (at most <paramref name="bits"/>.Length bits)
    /// into <paramref name="bits"/> and returns its size: for UCI on PUSCH (TS 38.213 §9.3), when the UE has a PUSCH there,
    /// the caller multiplexes them on it instead of sending the PUCCH; a DCI 0_1's total DAI for that slot then sizes the
    /// codebook (TS 38.213 §9.1.3.2). Counted as sent.
    /// </summary>
    public int TakeDue(long slot, Span<byte> bits)
    {
        int i = (int)(((slot % MaxPending) + MaxPending) % MaxPending);
        int totalDai = _totalDaiSlot[i] == slot ? _totalDai[i] : 0;
        return TakeDue(slot, bits, totalDai, out _);
    }

    /// <summary>
    /// The codebook of TS 38.213 §9.1.3.1 for one serving cell, one transport block per PDSCH and one assignment per PDCCH
    /// monitoring occasion: the assignments in the order of their occasions; a counter DAI not above the previous one
    /// starts a new round of four (j + 1); a bit sits at 4·j + V_C-DAI − 1; the size is 4·j + V_temp2 with V_temp2 the last
    /// counter DAI or, when a total DAI V_T-DAI,UL is given (<paramref name="totalDai"/> 1..4, 0: none), that total (one
    /// more round when it is below the last counter DAI; none at all when no assignment was received and it is 4).
    /// Positions no received assignment filled are NACK.
    /// </summary>
    private int TakeDue(long slot, Span<byte> bits, int totalDai, out int resource)
    {
        resource = 0;
        int kept = 0;
        int rounds = 0;
        int last = 0;
        int received = 0;
        int size = 0;
        bits.Clear();
        for (int i = 0; i < _pendingCount; i++)
        {
            if (_pendingSlot[i] == slot)
            {
                int dai = _pendingDai[i];
                if (dai <= last)
                {
                    rounds++;
                }

                last = dai;
                int position = (4 * rounds) + dai - 1;
                if (position < bits.Length)
                {
                    bits[position] = _pendingBit[i];
                    received++;
                    size = Math.Max(size, position + 1);
                }

                resource = _pendingResource[i];
                continue;
            }

            if (_pendingSlot[i] > slot)
            {
                _pendingSlot[kept] = _pendingSlot[i];
                _pendingBit[kept] = _pendingBit[i];
                _pendingDai[kept] = _pendingDai[i];
                _pendingResource[kept++] = _pendingResource[i];
            }
        }

        _pendingCount = kept;
        if (totalDai > 0 && !(received == 0 && totalDai == 4))
        {
            size = (4 * (totalDai < last ? rounds + 1 : rounds)) + totalDai;
        }

        int count = Math.Min(size, bits.Length);
        MissedFromDai += Math.Max(0, count - received);
        for (int i = 0; i < count; i++)
        {
            AcksSent += bits[i];
            NacksSent += 1 - bits[i];
        }

        return count;
    }

    /// <summary>Forgets pending feedback.</summary>
    public void Reset()
    {
        _pendingCount = 0;
        _totalDaiSlot.AsSpan().Fill(-1);
    }

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
