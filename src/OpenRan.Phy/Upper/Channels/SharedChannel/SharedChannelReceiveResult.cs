using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>The outcome of receiving one PDSCH/PUSCH transmission.</summary>
/// <param name="Decoding">Transport-block decoding: CRC, code blocks passed, LDPC iterations.</param>
/// <param name="Measurements">Slot measurements: noise variance, SNR, SINR, EVM, timing and frequency offset.</param>
public readonly record struct SharedChannelReceiveResult(SharedChannelDecodeResult Decoding, SharedChannelMeasurements Measurements)
{
    /// <summary>Whether the transport-block CRC passed.</summary>
    public bool CrcPassed => Decoding.CrcPassed;

    /// <summary>The largest LDPC iteration count of any code block.</summary>
    public int MaxIterations => Decoding.MaxIterations;
}
