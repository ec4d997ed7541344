using System;

namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>
/// Decides whether a decoded candidate is acceptable (typically a CRC check), so that a list decoder can return the most
/// likely path that passes it (CRC-aided SCL). Implemented by structs so the decoder calls it without boxing.
/// </summary>
public interface IPolarPathCheck
{
    /// <summary>Whether the K decoded bits c_0 … c_(K−1) (de-interleaved, CRC included) are acceptable.</summary>
    bool Accept(ReadOnlySpan<byte> bits);
}
