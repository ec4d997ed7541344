using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>The outcome of decoding one PBCH.</summary>
/// <param name="CrcPassed">The verdict: a signal was detected, the BCH CRC checked and the message is an MIB (<paramref name="Mib"/> is set).</param>
/// <param name="Mib">The MIB (full SFN and k_SSB) when the CRC passed and the message is an MIB.</param>
/// <param name="HalfFrame">The half-frame bit from the payload.</param>
/// <param name="SsbIndex">The SS/PBCH block index: ī_SSB mod L_max for L_max ≤ 8 (its DM-RS hypothesis), plus the payload bits 5..3 for L_max = 64.</param>
/// <param name="IBarSsb">The detected DM-RS hypothesis ī_SSB (0..7).</param>
/// <param name="DmrsMetric">Normalized DM-RS correlation of the chosen hypothesis, 0..1 (1 = noiseless, flat channel): the DTX statistic C/E.</param>
/// <param name="NoiseVariance">The estimated noise variance per RE.</param>
/// <param name="PathMetric">The polar decoder's path metric.</param>
/// <param name="SignalDetected">
/// Whether the PBCH DM-RS was detected against the noise (<see cref="PbchReceiver.DtxFalseAlarmProbability"/>); false is DTX,
/// "nothing there", and the block is not decoded.
/// </param>
/// <param name="ErasedResourceElements">PBCH and DM-RS REs that were not finite or absurd and were treated as erasures (see <see cref="ComplexErasure"/>).</param>
public readonly record struct PbchReceiveResult(bool CrcPassed, Mib? Mib, int HalfFrame, int SsbIndex, int IBarSsb, float DmrsMetric, float NoiseVariance, float PathMetric, bool SignalDetected = true, int ErasedResourceElements = 0);
