using System.Threading;

namespace OpenRan.Engine.Metrics;

/// <summary>
/// The engine's counters, written on the slot thread (and the histograms by workers) without locks or allocation, and
/// read by the reporter once per second into a snapshot.
/// </summary>
public sealed class EngineMetrics
{
    private long _slots;
    private long _downlinkLate;
    private long _uplinkLate;
    private long _shedSlots;
    private long _uplinkLost;
    private long _downlinkTransportBlocks;
    private long _downlinkBits;
    private long _downlinkRetransmissions;
    private long _sib1;
    private long _uplinkCrcPassed;
    private long _uplinkCrcFailed;
    private long _uplinkBits;
    private long _uplinkRetransmissions;
    private long _prachDetections;
    private long _randomAccessResponses;
    private long _msg3Decoded;
    private long _msg3Failed;
    private long _contentionResolutions;
    private long _harqAck;
    private long _harqNack;
    private long _pucchDtx;
    private double _uplinkSinrSum;
    private double _uplinkEvmSum;
    private double _uplinkTimingSum;
    private long _uplinkMeasurements;
    private long _lastLateSlot = -1;

    /// <summary>Downlink processing per slot (upper PHY + OFDM).</summary>
    public LatencyHistogram Downlink { get; } = new();

    /// <summary>Uplink processing per slot (OFDM + channels).</summary>
    public LatencyHistogram Uplink { get; } = new();

    /// <summary>Slot-thread work outside the channel processors per slot (scheduling, hand-off, radio writes, bookkeeping).</summary>
    public LatencyHistogram Overhead { get; } = new();

    /// <summary>Slots run.</summary>
    public long Slots => Volatile.Read(ref _slots);

    /// <summary>Downlink slots whose samples were not ready at their deadline (replaced by SS/PBCH only).</summary>
    public long DownlinkLate => Volatile.Read(ref _downlinkLate);

    /// <summary>Uplink slots whose decode missed its budget.</summary>
    public long UplinkLate => Volatile.Read(ref _uplinkLate);

    /// <summary>Slots whose PDCCH/PDSCH/PUSCH work was dropped because the radio reported lateness (overload).</summary>
    public long ShedSlots => Volatile.Read(ref _shedSlots);

    /// <summary>Uplink slots with scheduled work whose samples never arrived (gap, no receiver).</summary>
    public long UplinkLost => Volatile.Read(ref _uplinkLost);

    /// <summary>The latest slot counted late (downlink or uplink), or −1.</summary>
    public long LastLateSlot => Volatile.Read(ref _lastLateSlot);

    /// <summary>Downlink transport blocks sent (C-RNTI).</summary>
    public long DownlinkTransportBlocks => Volatile.Read(ref _downlinkTransportBlocks);

    /// <summary>Bits of new downlink transport blocks sent (C-RNTI).</summary>
    public long DownlinkBits => Volatile.Read(ref _downlinkBits);

    /// <summary>Downlink retransmissions.</summary>
    public long DownlinkRetransmissions => Volatile.Read(ref _downlinkRetransmissions);

    /// <summary>SIB1 transmissions.</summary>
    public long Sib1Transmissions => Volatile.Read(ref _sib1);

    /// <summary>PUSCH transmissions that passed their CRC.</summary>
    public long UplinkCrcPassed => Volatile.Read(ref _uplinkCrcPassed);

    /// <summary>PUSCH transmissions that failed (or missed their deadline).</summary>
    public long UplinkCrcFailed => Volatile.Read(ref _uplinkCrcFailed);

    /// <summary>Bits of uplink transport blocks decoded.</summary>
    public long UplinkBits => Volatile.Read(ref _uplinkBits);

    /// <summary>PUSCH retransmissions received.</summary>
    public long UplinkRetransmissions => Volatile.Read(ref _uplinkRetransmissions);

    /// <summary>PRACH preambles detected.</summary>
    public long PrachDetections => Volatile.Read(ref _prachDetections);

    /// <summary>Random-access responses transmitted.</summary>
    public long RandomAccessResponses => Volatile.Read(ref _randomAccessResponses);

    /// <summary>Msg3 PUSCHs decoded (CRC passed).</summary>
    public long Msg3Decoded => Volatile.Read(ref _msg3Decoded);

    /// <summary>Msg3 PUSCHs that failed (CRC or deadline).</summary>
    public long Msg3Failed => Volatile.Read(ref _msg3Failed);

    /// <summary>Contention resolutions: Msg4s acknowledged on PUCCH (HARQ-ACK with a TC-RNTI, TS 38.213 §8.4).</summary>
    public long ContentionResolutions => Volatile.Read(ref _contentionResolutions);

    /// <summary>Downlink HARQ-ACK bits received as ACK on PUCCH.</summary>
    public long HarqAcks => Volatile.Read(ref _harqAck);

    /// <summary>Downlink HARQ-ACK bits received as NACK (or lost with an invalid or late PUCCH).</summary>
    public long HarqNacks => Volatile.Read(ref _harqNack);

    /// <summary>PUCCH occasions where nothing was detected (DTX).</summary>
    public long PucchDtx => Volatile.Read(ref _pucchDtx);

    /// <summary>Sum of PUSCH SINR in dB (for means).</summary>
    public double UplinkSinrSum => Volatile.Read(ref _uplinkSinrSum);

    /// <summary>Sum of PUSCH EVM in percent.</summary>
    public double UplinkEvmSum => Volatile.Read(ref _uplinkEvmSum);

    /// <summary>Sum of PUSCH timing offsets in seconds.</summary>
    public double UplinkTimingSum => Volatile.Read(ref _uplinkTimingSum);

    /// <summary>PUSCH measurements summed.</summary>
    public long UplinkMeasurements => Volatile.Read(ref _uplinkMeasurements);

    /// <summary>The downlink MCS in use.</summary>
    public int DownlinkMcs { get; internal set; }

    /// <summary>The uplink MCS in use.</summary>
    public int UplinkMcs { get; internal set; }

    /// <summary>Bytes allocated by the engine's threads since start (steady state: constant).</summary>
    public long EngineAllocatedBytes { get; internal set; }

    internal void CountSlot() => Volatile.Write(ref _slots, _slots + 1);

    internal void CountDownlinkLate(long slot)
    {
        Volatile.Write(ref _downlinkLate, _downlinkLate + 1);
        Volatile.Write(ref _lastLateSlot, slot);
    }

    internal void CountUplinkLate(long slot)
    {
        Volatile.Write(ref _uplinkLate, _uplinkLate + 1);
        Volatile.Write(ref _lastLateSlot, slot);
    }

    internal void CountShed() => Volatile.Write(ref _shedSlots, _shedSlots + 1);

    internal void CountUplinkLost() => Volatile.Write(ref _uplinkLost, _uplinkLost + 1);

    internal void CountSib1() => Volatile.Write(ref _sib1, _sib1 + 1);

    internal void CountDownlink(int bits, bool newData)
    {
        Volatile.Write(ref _downlinkTransportBlocks, _downlinkTransportBlocks + 1);
        if (newData)
        {
            Volatile.Write(ref _downlinkBits, _downlinkBits + bits);
        }
        else
        {
            Volatile.Write(ref _downlinkRetransmissions, _downlinkRetransmissions + 1);
        }
    }

    internal void CountUplink(bool crc, int bits, bool retransmission, double sinrDb, double evmPercent, double timingSeconds)
    {
        if (crc)
        {
            Volatile.Write(ref _uplinkCrcPassed, _uplinkCrcPassed + 1);
            Volatile.Write(ref _uplinkBits, _uplinkBits + bits);
        }
        else
        {
            Volatile.Write(ref _uplinkCrcFailed, _uplinkCrcFailed + 1);
        }

        if (retransmission)
        {
            Volatile.Write(ref _uplinkRetransmissions, _uplinkRetransmissions + 1);
        }

        if (crc && double.IsFinite(sinrDb))
        {
            Volatile.Write(ref _uplinkSinrSum, _uplinkSinrSum + sinrDb);
            Volatile.Write(ref _uplinkEvmSum, _uplinkEvmSum + (double.IsFinite(evmPercent) ? evmPercent : 0));
            Volatile.Write(ref _uplinkTimingSum, _uplinkTimingSum + timingSeconds);
            Volatile.Write(ref _uplinkMeasurements, _uplinkMeasurements + 1);
        }
    }

    /// <summary>Counts the HARQ-ACK bits multiplexed on a PUSCH like PUCCH ones (an undecoded part as DTX).</summary>
    internal void CountHarqAckOnPusch(Scheduling.PuschResult result)
    {
        if (result.HarqAckBits == 0)
        {
            return;
        }

        if (!result.HarqAckValid)
        {
            Volatile.Write(ref _pucchDtx, _pucchDtx + 1);
            return;
        }

        for (int i = 0; i < result.HarqAckBits; i++)
        {
            if (result.HarqAck[i] == 1)
            {
                Volatile.Write(ref _harqAck, _harqAck + 1);
            }
            else
            {
                Volatile.Write(ref _harqNack, _harqNack + 1);
            }
        }
    }

    internal void CountPucch(Scheduling.PucchResult result)
    {
        if (result.RntiType != Scheduling.RntiType.CRnti)
        {
            // A Msg4's HARQ-ACK (TC-RNTI): an ACK completes a contention resolution.
            if (result.Valid && result.HarqAckBits > 0 && result.HarqAck[0] == 1)
            {
                Volatile.Write(ref _contentionResolutions, _contentionResolutions + 1);
            }

            return;
        }

        if (result.Dtx)
        {
            Volatile.Write(ref _pucchDtx, _pucchDtx + 1);
            return;
        }

        for (int i = 0; i < result.HarqAckBits; i++)
        {
            if (result.Valid && result.HarqAck[i] == 1)
            {
                Volatile.Write(ref _harqAck, _harqAck + 1);
            }
            else
            {
                Volatile.Write(ref _harqNack, _harqNack + 1);
            }
        }
    }

    internal void CountRandomAccessResponse() => Volatile.Write(ref _randomAccessResponses, _randomAccessResponses + 1);

    internal void CountMsg3(bool crc)
    {
        if (crc)
        {
            Volatile.Write(ref _msg3Decoded, _msg3Decoded + 1);
        }
        else
        {
            Volatile.Write(ref _msg3Failed, _msg3Failed + 1);
        }
    }

    internal void CountPrach(int detections) => Volatile.Write(ref _prachDetections, _prachDetections + detections);
}
