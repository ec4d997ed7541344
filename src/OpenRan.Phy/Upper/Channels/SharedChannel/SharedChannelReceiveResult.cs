using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Pusch;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>The outcome of receiving one PDSCH/PUSCH transmission.</summary>
/// <param name="Decoding">Transport-block decoding: the verdict (every code block's parity checks and CRC, and the TB CRC), code blocks passed, LDPC iterations.</param>
/// <param name="Measurements">Slot measurements: noise variance, SNR, SINR, EVM, timing and frequency offset, erased REs and the DTX decision.</param>
/// <param name="Uci">The UCI parts multiplexed on a PUSCH, each with its validity (all <see cref="UciPartStatus.Absent"/> without UCI).</param>
/// <remarks>A PUSCH without UL-SCH reports a default <paramref name="Decoding"/> (no code blocks, not decoded).</remarks>
public readonly record struct SharedChannelReceiveResult(SharedChannelDecodeResult Decoding, SharedChannelMeasurements Measurements, PuschUciResult Uci = default)
{
    /// <summary>Whether the transport block is decoded (every code block passed parity and CRC, and the TB CRC passed).</summary>
    public bool CrcPassed => Decoding.Decoded;

    /// <summary>The largest LDPC iteration count of any code block.</summary>
    public int MaxIterations => Decoding.MaxIterations;

    /// <summary>
    /// Decoded, CRC failure, or DTX. A decoded block is <see cref="SharedChannelReceiveOutcome.Decoded"/> even when its
    /// DM-RS missed the DTX threshold (the LDPC parity checks and the CRCs are the stronger test); a block that did not
    /// decode is <see cref="SharedChannelReceiveOutcome.Dtx"/> when its DM-RS failed the DTX test, else
    /// <see cref="SharedChannelReceiveOutcome.CrcFailed"/>.
    /// </summary>
    public SharedChannelReceiveOutcome Outcome => Decoding.Decoded
        ? SharedChannelReceiveOutcome.Decoded
        : (Measurements.SignalDetected ? SharedChannelReceiveOutcome.CrcFailed : SharedChannelReceiveOutcome.Dtx);
}
