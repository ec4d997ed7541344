namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>The result of receiving one PUCCH occasion; the UCI bits are in the caller's <see cref="PucchUciMessage"/>.</summary>
/// <param name="Status">DTX, valid UCI, or detected but invalid (a CRC failed).</param>
/// <param name="Part1Valid">UCI part 1 (HARQ-ACK, SR, CSI part 1) decoded (its CRC passed where it has one).</param>
/// <param name="Part2Valid">UCI part 2 (CSI part 2) decoded (its CRC passed where it has one); false when absent.</param>
/// <param name="Measurements">SINR, RSRP, EPRE, time alignment and the detection metric.</param>
public readonly record struct PucchReceiveResult(PucchDetectionStatus Status, bool Part1Valid, bool Part2Valid, PucchMeasurements Measurements)
{
    /// <summary>Whether the UCI is valid (every part decoded).</summary>
    public bool IsValid => Status == PucchDetectionStatus.Valid;
}
