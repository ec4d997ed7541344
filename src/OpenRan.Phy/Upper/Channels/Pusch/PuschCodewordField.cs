namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>What a run of coded bits of a PUSCH codeword carries (TS 38.212 §6.2.7).</summary>
public enum PuschCodewordField : byte
{
    /// <summary>Nothing: reserved resource elements no HARQ-ACK, UL-SCH or CSI part 2 uses, or data resource elements of a UCI-only PUSCH the UCI leaves free (zero bits).</summary>
    Empty,

    /// <summary>UL-SCH coded bits g^UL-SCH.</summary>
    Ulsch,

    /// <summary>HARQ-ACK coded bits g^ACK.</summary>
    HarqAck,

    /// <summary>CSI part 1 coded bits g^CSI-part1.</summary>
    CsiPart1,

    /// <summary>CSI part 2 coded bits g^CSI-part2.</summary>
    CsiPart2,
}
