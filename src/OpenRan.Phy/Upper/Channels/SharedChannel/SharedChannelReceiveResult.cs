using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Pusch;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>The outcome of receiving one PDSCH/PUSCH transmission.</summary>
/// <param name="Decoding">Transport-block decoding: CRC, code blocks passed, LDPC iterations.</param>
/// <param name="Measurements">Slot measurements: noise variance, SNR, SINR, EVM, timing and frequency offset.</param>
/// <param name="Uci">The UCI parts multiplexed on a PUSCH, each with its validity (all <see cref="UciPartStatus.Absent"/> without UCI).</param>
/// <remarks>A PUSCH without UL-SCH reports a default <paramref name="Decoding"/> (no code blocks, CRC not passed).</remarks>
public readonly record struct SharedChannelReceiveResult(SharedChannelDecodeResult Decoding, SharedChannelMeasurements Measurements, PuschUciResult Uci = default)
{
    /// <summary>Whether the transport-block CRC passed.</summary>
    public bool CrcPassed => Decoding.CrcPassed;

    /// <summary>The largest LDPC iteration count of any code block.</summary>
    public int MaxIterations => Decoding.MaxIterations;
}
