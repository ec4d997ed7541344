namespace OpenRan.Engine.Cell;

/// <summary>One second of air time of an <see cref="EmulatedCell"/> (the last may be shorter).</summary>
/// <param name="Second">1-based index.</param>
/// <param name="AirSeconds">Air time covered, seconds.</param>
/// <param name="DownlinkMbps">Bits of downlink transport blocks the UE decoded, Mbit/s.</param>
/// <param name="UplinkMbps">Bits of uplink transport blocks the gNB decoded, Mbit/s.</param>
/// <param name="DownlinkBler">UE PDSCH receptions that failed over receptions.</param>
/// <param name="UplinkBler">gNB PUSCH decodes that failed over decodes.</param>
/// <param name="DownlinkRetransmissions">PDSCH retransmissions the gNB sent.</param>
/// <param name="UplinkRetransmissions">PUSCH retransmissions the gNB asked for.</param>
/// <param name="DownlinkSinrDb">Mean PDSCH SINR at the UE, dB (NaN without receptions).</param>
/// <param name="UplinkSinrDb">Mean PUSCH SINR at the gNB, dB (NaN without decodes).</param>
/// <param name="GnbDownlinkP99Microseconds">99th percentile of the gNB's downlink processing per slot, µs.</param>
/// <param name="GnbUplinkP99Microseconds">99th percentile of the gNB's uplink processing per slot, µs.</param>
/// <param name="LateSlots">Late downlink slots and uplink decodes since start.</param>
public readonly record struct CellSecond(
    int Second,
    double AirSeconds,
    double DownlinkMbps,
    double UplinkMbps,
    double DownlinkBler,
    double UplinkBler,
    long DownlinkRetransmissions,
    long UplinkRetransmissions,
    double DownlinkSinrDb,
    double UplinkSinrDb,
    double GnbDownlinkP99Microseconds,
    double GnbUplinkP99Microseconds,
    long LateSlots);
