using System;

namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>
/// A stream of payload bits (one bit per byte, 0 or 1) for a channel of a generated waveform: transport blocks, DCI
/// payloads or, with channel coding off, the codeword itself. Successive calls continue the stream.
/// </summary>
public interface IBitSource
{
    /// <summary>Writes the next <c>bits.Length</c> bits of the stream.</summary>
    void Fill(Span<byte> bits);

    /// <summary>Restarts the stream from its beginning.</summary>
    void Reset();
}
