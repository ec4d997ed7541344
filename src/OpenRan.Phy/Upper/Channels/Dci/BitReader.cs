using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Dci;

/// <summary>Reads fields MSB first from unpacked bits.</summary>
internal ref struct BitReader(ReadOnlySpan<byte> bits)
{
    private readonly ReadOnlySpan<byte> _bits = bits;
    private int _position;

    public int Read(int width)
    {
        int value = (int)BitPacking.ReadUInt(_bits, _position, width);
        _position += width;
        return value;
    }
}
