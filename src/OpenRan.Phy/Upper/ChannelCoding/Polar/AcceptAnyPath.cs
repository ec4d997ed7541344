using System;

namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>Accepts every candidate: the decoder returns the path with the best metric.</summary>
public readonly struct AcceptAnyPath : IPolarPathCheck
{
    /// <inheritdoc />
    public bool Accept(ReadOnlySpan<byte> bits) => true;
}
