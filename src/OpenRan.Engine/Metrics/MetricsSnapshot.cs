using System;
using OpenRan.Radio;

namespace OpenRan.Engine.Metrics;

/// <summary>One reporting interval (about a second) of the engine, built off the slot path.</summary>
public sealed record MetricsSnapshot
{
    /// <summary>Wall-clock time of the snapshot (for logs only).</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>The latest slot run (SFN.slot).</summary>
    public string Slot { get; init; } = string.Empty;

    /// <summary>Seconds of air time in the interval (slots × slot duration).</summary>
    public double IntervalAirSeconds { get; init; }

    /// <summary>Slots run since start.</summary>
    public long Slots { get; init; }

    /// <summary>Downlink throughput of new C-RNTI transport blocks, Mbit/s of air time.</summary>
    public double DownlinkMbps { get; init; }

    /// <summary>Uplink throughput of decoded transport blocks, Mbit/s of air time.</summary>
    public double UplinkMbps { get; init; }

    /// <summary>Downlink BLER (retransmissions over transmissions in the interval; with assumed ACKs only drops count).</summary>
    public double DownlinkBler { get; init; }

    /// <summary>Uplink BLER (CRC failures over decodes in the interval).</summary>
    public double UplinkBler { get; init; }

    /// <summary>Downlink retransmissions in the interval.</summary>
    public long DownlinkRetransmissions { get; init; }

    /// <summary>Uplink retransmissions in the interval.</summary>
    public long UplinkRetransmissions { get; init; }

    /// <summary>Downlink MCS.</summary>
    public int DownlinkMcs { get; init; }

    /// <summary>Uplink MCS.</summary>
    public int UplinkMcs { get; init; }

    /// <summary>Mean PUSCH SINR in dB (NaN without measurements).</summary>
    public double UplinkSinrDb { get; init; }

    /// <summary>Mean PUSCH EVM in percent.</summary>
    public double UplinkEvmPercent { get; init; }

    /// <summary>Mean PUSCH timing offset in µs (what the TA loop corrects).</summary>
    public double UplinkTimingMicroseconds { get; init; }

    /// <summary>PRACH detections in the interval.</summary>
    public long PrachDetections { get; init; }

    /// <summary>Random-access responses since start.</summary>
    public long RandomAccessResponses { get; init; }

    /// <summary>Msg3 PUSCHs decoded since start.</summary>
    public long Msg3Decoded { get; init; }

    /// <summary>Msg3 PUSCHs failed since start.</summary>
    public long Msg3Failed { get; init; }

    /// <summary>Msg4s acknowledged (contention resolutions) since start.</summary>
    public long ContentionResolutions { get; init; }

    /// <summary>Downlink HARQ-ACK bits received as ACK since start.</summary>
    public long HarqAcks { get; init; }

    /// <summary>Downlink HARQ-ACK bits received as NACK since start.</summary>
    public long HarqNacks { get; init; }

    /// <summary>PUCCH occasions detected as DTX since start.</summary>
    public long PucchDtx { get; init; }

    /// <summary>SIB1 transmissions in the interval.</summary>
    public long Sib1Transmissions { get; init; }

    /// <summary>Downlink processing per slot.</summary>
    public LatencySummary Downlink { get; init; }

    /// <summary>Uplink processing per slot.</summary>
    public LatencySummary Uplink { get; init; }

    /// <summary>Engine overhead per slot (outside the channel processors).</summary>
    public LatencySummary Overhead { get; init; }

    /// <summary>The slot budget in µs.</summary>
    public double SlotBudgetMicroseconds { get; init; }

    /// <summary>Late downlink slots since start.</summary>
    public long DownlinkLate { get; init; }

    /// <summary>Late uplink decodes since start.</summary>
    public long UplinkLate { get; init; }

    /// <summary>Slots whose work was shed after radio faults, since start.</summary>
    public long ShedSlots { get; init; }

    /// <summary>The latest late slot (−1 when none).</summary>
    public long LastLateSlot { get; init; }

    /// <summary>Radio event counters since start.</summary>
    public RadioEventCounters Radio { get; init; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Gen-0/1/2 collections since start.</summary>
    public int GcCollections { get; init; }

    /// <summary>Total GC pause since start, ms.</summary>
    public double GcPauseMilliseconds { get; init; }

    /// <summary>Bytes allocated by the engine threads in steady state.</summary>
    public long EngineAllocatedBytes { get; init; }
}
