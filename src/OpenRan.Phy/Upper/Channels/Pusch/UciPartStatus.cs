namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>The outcome of decoding one UCI part received on PUSCH.</summary>
public enum UciPartStatus : byte
{
    /// <summary>The part was not configured.</summary>
    Absent,

    /// <summary>Decoded: its CRC passed (A ≥ 12, polar) or, without a CRC (A ≤ 11), the maximum-likelihood decision was unique.</summary>
    Valid,

    /// <summary>Not decoded: its CRC failed, or the soft bits supported no unique decision (an erasure, a non-finite value).</summary>
    Invalid,

    /// <summary>
    /// Not received: the part has no CRC (A ≤ 11) and the PUSCH DM-RS failed the receiver's DTX test, so a unique
    /// decision would prove nothing (a decoder without a CRC decides any input, noise included).
    /// </summary>
    Dtx,
}
