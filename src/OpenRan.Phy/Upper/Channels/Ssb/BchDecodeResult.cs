namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>The decoded content of a BCH transport block.</summary>
/// <param name="CrcPassed">Whether the CRC24C checked.</param>
/// <param name="Mib">The MIB with the full SFN and k_SSB, or null when the CRC failed or the message is not an MIB.</param>
/// <param name="HalfFrame">The half-frame bit.</param>
/// <param name="BlockIndexMsbs">For L_max = 64: bits 5..3 of the SS/PBCH block index, else 0.</param>
/// <param name="PathMetric">The polar decoder's path metric of the returned candidate.</param>
public readonly record struct BchDecodeResult(bool CrcPassed, Mib? Mib, int HalfFrame, int BlockIndexMsbs, float PathMetric);
