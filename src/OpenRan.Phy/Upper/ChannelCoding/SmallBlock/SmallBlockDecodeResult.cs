namespace OpenRan.Phy.Upper.ChannelCoding.SmallBlock;

/// <summary>The outcome of a maximum-likelihood small-block decode (TS 38.212 §5.3.3 codes).</summary>
/// <param name="Decided">
/// Whether one message is strictly the most likely. False when the input carries no information (every LLR 0 or subnormal,
/// or one not finite) or when two messages share the best metric (bits the observation cannot separate).
/// </param>
/// <param name="Metric">The winning correlation Σ (1 − 2·d_i)·L_i over the coded positions.</param>
/// <param name="NormalizedMetric">
/// <paramref name="Metric"/> / Σ |L_i|, in −1..1: 1 when every LLR agrees with the codeword. Noise alone gives smaller values,
/// so a receiver may threshold it for DTX detection.
/// </param>
public readonly record struct SmallBlockDecodeResult(bool Decided, float Metric, float NormalizedMetric);
