namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>The outcome of one polar decode.</summary>
/// <param name="CheckPassed">Whether the returned path passed the path check (for CRC-aided decoding: the CRC); always false for an erased input.</param>
/// <param name="PathMetric">The path metric of the returned path (sum of the LLR magnitudes of its contradicted decisions; 0 is a perfect fit).</param>
/// <param name="PathRank">Rank of the returned path in metric order (0 = most likely), or −1 when no path passed.</param>
/// <param name="Erased">
/// Whether the input carried no information and was not decoded: every LLR is 0, subnormal or exactly the known-zero value
/// of a shortened bit (<see cref="PolarRateDematcher.KnownZeroLlr"/>), or one is not finite. Ties would otherwise decide every bit
/// 0, and the all-zero word passes every unmasked CRC.
/// </param>
public readonly record struct PolarDecodeResult(bool CheckPassed, float PathMetric, int PathRank, bool Erased = false);
