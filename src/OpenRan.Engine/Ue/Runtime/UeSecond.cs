namespace OpenRan.Engine.Ue.Runtime;

/// <summary>One second of air time seen from the UE (a row of the per-second table).</summary>
/// <param name="Second">The second of air since the radio started (1, 2, …).</param>
/// <param name="Synced">Whether the UE followed the cell at the end of the second.</param>
/// <param name="DownlinkDecoded">Transport blocks decoded (CRC passed) in the second.</param>
/// <param name="DownlinkFailed">PDSCH receptions that did not decode.</param>
/// <param name="DownlinkBits">Bits of the transport blocks decoded.</param>
/// <param name="UplinkBlocks">PUSCH transport blocks sent.</param>
/// <param name="HarqAcks">HARQ-ACK bits sent as ACK.</param>
/// <param name="HarqNacks">HARQ-ACK bits sent as NACK.</param>
/// <param name="RsrpDb">SSS RSRP of the last block, dB relative to full scale per resource element.</param>
/// <param name="SnrDb">SSS SNR of the last block (against the SSS guard subcarriers), dB.</param>
/// <param name="CfoHz">The carrier frequency offset being corrected, Hz.</param>
/// <param name="TimingOffsetSamples">Where the UE's slot 0 lies in its receive clock relative to where it was found at sync, samples.</param>
/// <param name="TimingAdvanceSamples">N_TA applied to the uplink, samples.</param>
/// <param name="LateSlots">Uplink slots made too late to be sent (cumulative).</param>
/// <param name="SsbDetected">SS/PBCH blocks detected by the tracking in the second.</param>
/// <param name="SsbMissed">SS/PBCH blocks expected but not detected in the second.</param>
public readonly record struct UeSecond(
    long Second,
    bool Synced,
    long DownlinkDecoded,
    long DownlinkFailed,
    long DownlinkBits,
    long UplinkBlocks,
    long HarqAcks,
    long HarqNacks,
    double RsrpDb,
    double SnrDb,
    double CfoHz,
    long TimingOffsetSamples,
    int TimingAdvanceSamples,
    long LateSlots,
    long SsbDetected,
    long SsbMissed)
{
    /// <summary>Downlink goodput, Mbit/s.</summary>
    public double DownlinkMbps => DownlinkBits / 1e6;

    /// <summary>Downlink BLER of the second (NaN without receptions).</summary>
    public double DownlinkBler => DownlinkDecoded + DownlinkFailed == 0 ? double.NaN : (double)DownlinkFailed / (DownlinkDecoded + DownlinkFailed);
}
