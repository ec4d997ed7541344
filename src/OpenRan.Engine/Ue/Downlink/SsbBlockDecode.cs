using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>What <see cref="SsbBlockDecoder.Decode"/> found in a window of samples.</summary>
/// <param name="Detected">The PSS metric reached the threshold and N_ID^(2) matched the cell (when known).</param>
/// <param name="PssUsefulPartStart">The absolute sample index of the PSS symbol's useful part.</param>
/// <param name="Pci">N_ID^cell from PSS and SSS.</param>
/// <param name="Pbch">The PBCH decode (CRC, MIB, block index, half frame).</param>
/// <param name="FrequencyOffsetHz">The carrier frequency offset: the integer hypothesis plus the residual measured on the PSS.</param>
/// <param name="PssMetric">The normalised PSS correlation.</param>
public readonly record struct SsbBlockDecode(bool Detected, long PssUsefulPartStart, int Pci, PbchReceiveResult Pbch, double FrequencyOffsetHz, float PssMetric);
