using System;
using OpenRan.Phy.Upper.ChannelCoding.Crc;

namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>A path check that accepts candidates whose CRC (the last L bits) checks: zero remainder over the K bits.</summary>
public readonly struct CrcPathCheck : IPolarPathCheck
{
    private readonly CrcCalculator _crc;

    /// <summary>Checks with <paramref name="crc"/>.</summary>
    public CrcPathCheck(CrcCalculator crc) => _crc = crc;

    /// <inheritdoc />
    public bool Accept(ReadOnlySpan<byte> bits) => _crc.Check(bits);
}
