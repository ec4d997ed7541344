namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>The UCI outcome of receiving one PUSCH, each part with its own validity; the bits are in the caller's <see cref="PuschUciMessage"/>.</summary>
/// <param name="HarqAck">The HARQ-ACK.</param>
/// <param name="CsiPart1">CSI part 1.</param>
/// <param name="CsiPart2">CSI part 2.</param>
public readonly record struct PuschUciResult(UciPartStatus HarqAck, UciPartStatus CsiPart1, UciPartStatus CsiPart2)
{
    /// <summary>Whether every configured part is valid (true when no UCI was configured).</summary>
    public bool AllValid => HarqAck is UciPartStatus.Valid or UciPartStatus.Absent
        && CsiPart1 is UciPartStatus.Valid or UciPartStatus.Absent
        && CsiPart2 is UciPartStatus.Valid or UciPartStatus.Absent;
}
