using System.Collections.Generic;

namespace OpenRan.Engine.Cell;

/// <summary>
/// The outcome of an <see cref="EmulatedCell"/> run: random access, goodput against the configured maximum, BLER, HARQ,
/// timing and CPU, the per-second rows, and the verdict (<see cref="Passed"/>: the UE attached and traffic flowed in both
/// directions with BLER at most <see cref="MaxBler"/>). Goodput counts the bits of transport blocks decoded (downlink: by
/// the UE, over the downlink slots it was assigned; uplink: by the gNB, over the run); the maximum is what the phy-test
/// scheduler carries over the same slots when every transport block is acknowledged at the first transmission.
/// </summary>
public sealed record CellReport
{
    /// <summary>The cell (band, duplex, bandwidth, MCS).</summary>
    public required string Cell { get; init; }

    /// <summary>The channel between gNB and UE.</summary>
    public required string Channel { get; init; }

    /// <summary>"virtual" or "realtime".</summary>
    public required string Mode { get; init; }

    /// <summary>
    /// Whether the UE attached: its preamble was answered, the gNB decoded its Msg3, the UE matched the Msg4's contention
    /// resolution identity (its TC-RNTI became its C-RNTI) and the gNB received its HARQ-ACK.
    /// </summary>
    public bool Attached { get; init; }

    /// <summary>How the test UE's traffic starts: <c>random-access</c> (after the contention resolution) or <c>preconfigured</c>.</summary>
    public string AttachMode { get; init; } = "random-access";

    /// <summary>The slot of the UE's preamble (−1: none sent).</summary>
    public long PreambleSlot { get; init; }

    /// <summary>The slot of the RAR the UE decoded (−1: none).</summary>
    public long RarSlot { get; init; }

    /// <summary>The T_A of that RAR (−1: none).</summary>
    public int TimingAdvance { get; init; }

    /// <summary>The slot of the UE's Msg3 (−1: none).</summary>
    public long Msg3Slot { get; init; }

    /// <summary>Msg3 PUSCHs the gNB decoded.</summary>
    public long Msg3Decoded { get; init; }

    /// <summary>Msg3 transmissions the UE made (1 + the retransmissions granted by DCI 0_0 with the TC-RNTI).</summary>
    public int Msg3Transmissions { get; init; }

    /// <summary>The slot of the Msg4 whose contention resolution identity the UE matched (−1: none).</summary>
    public long Msg4Slot { get; init; } = -1;

    /// <summary>The slot of the UE's HARQ-ACK of that Msg4 on PUCCH (−1: none).</summary>
    public long Msg4AckSlot { get; init; } = -1;

    /// <summary>Contention resolutions the gNB completed (Msg4 acknowledged).</summary>
    public long ContentionResolutions { get; init; }

    /// <summary>The first slot the gNB scheduled the test UE's traffic in (−1: never).</summary>
    public long TrafficStartSlot { get; init; } = -1;

    /// <summary>Slots run.</summary>
    public long Slots { get; init; }

    /// <summary>Air time run, seconds.</summary>
    public double AirSeconds { get; init; }

    /// <summary>Wall-clock time of the slot loop (after warm-up), seconds.</summary>
    public double WallSeconds { get; init; }

    /// <summary>Air time over wall-clock time (≥ 1: faster than real time).</summary>
    public double RealTimeRatio { get; init; }

    /// <summary>Downlink goodput, Mbit/s.</summary>
    public double DlGoodputMbps { get; init; }

    /// <summary>The configured downlink maximum over the same slots, Mbit/s.</summary>
    public double DlMaxMbps { get; init; }

    /// <summary>Uplink goodput, Mbit/s.</summary>
    public double UlGoodputMbps { get; init; }

    /// <summary>The configured uplink maximum over the same slots, Mbit/s.</summary>
    public double UlMaxMbps { get; init; }

    /// <summary>Downlink transport blocks the UE decoded.</summary>
    public long DlTransportBlocks { get; init; }

    /// <summary>PDSCH receptions by the UE (first transmissions and retransmissions).</summary>
    public long DlReceptions { get; init; }

    /// <summary>PDSCH receptions that did not decode.</summary>
    public long DlFailures { get; init; }

    /// <summary>Downlink BLER: failed receptions over receptions.</summary>
    public double DlBler { get; init; }

    /// <summary>Uplink transport blocks the gNB decoded.</summary>
    public long UlTransportBlocks { get; init; }

    /// <summary>PUSCH decodes that failed.</summary>
    public long UlFailures { get; init; }

    /// <summary>Uplink BLER: failed decodes over decodes.</summary>
    public double UlBler { get; init; }

    /// <summary>PDSCH retransmissions sent.</summary>
    public long DlRetransmissions { get; init; }

    /// <summary>PUSCH retransmissions asked for.</summary>
    public long UlRetransmissions { get; init; }

    /// <summary>HARQ retransmissions in both directions.</summary>
    public long HarqRetransmissions { get; init; }

    /// <summary>HARQ-ACK bits the gNB received as ACK.</summary>
    public long HarqAcks { get; init; }

    /// <summary>HARQ-ACK bits the gNB received as NACK.</summary>
    public long HarqNacks { get; init; }

    /// <summary>PUCCH occasions the gNB found empty (DTX).</summary>
    public long PucchDtx { get; init; }

    /// <summary>HARQ-ACK bits the gNB received multiplexed on the UE's PUSCH (<c>test-ue.uci-on-pusch</c>) rather than on PUCCH.</summary>
    public long HarqAckBitsOnPusch { get; init; }

    /// <summary>Mean PDSCH SINR at the UE, dB.</summary>
    public double DlSinrDb { get; init; }

    /// <summary>Mean PUSCH SINR at the gNB, dB.</summary>
    public double UlSinrDb { get; init; }

    /// <summary>Late downlink slots and uplink decodes.</summary>
    public long LateSlots { get; init; }

    /// <summary>The slot duration, µs.</summary>
    public double SlotBudgetMicroseconds { get; init; }

    /// <summary>The worst second's 99th percentile of the gNB's downlink processing per slot, µs.</summary>
    public double GnbDownlinkP99Microseconds { get; init; }

    /// <summary>The worst second's 99th percentile of the gNB's uplink processing per slot, µs.</summary>
    public double GnbUplinkP99Microseconds { get; init; }

    /// <summary>Mean time of the emulated UE and its channels per slot, µs.</summary>
    public double UeMicrosecondsPerSlot { get; init; }

    /// <summary>Wall-clock time per slot of the whole process, µs.</summary>
    public double WallMicrosecondsPerSlot { get; init; }

    /// <summary>Bytes the gNB's slot thread and workers allocated in steady state.</summary>
    public long GnbSteadyStateAllocatedBytes { get; init; }

    /// <summary>Bytes the emulated UE allocated in steady state.</summary>
    public long UeSteadyStateAllocatedBytes { get; init; }

    /// <summary>The BLER bound of the verdict.</summary>
    public double MaxBler { get; init; }

    /// <summary>Whether the cell worked.</summary>
    public bool Passed { get; init; }

    /// <summary>What worked, or what was found and what is missing.</summary>
    public required string Verdict { get; init; }

    /// <summary>One row per second of air time.</summary>
    public required IReadOnlyList<CellSecond> Seconds { get; init; }
}
