using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Dci;

/// <summary>Writes fields MSB first into unpacked bits.</summary>
internal ref struct BitWriter(Span<byte> bits)
{
    private readonly Span<byte> _bits = bits;
    private int _position;

    public void Write(int value, int width)
    {
        if (width == 0)
        {
            return;
        }

        if (value < 0 || (width < 31 && value >= (1 << width)))
        {
            ThrowHelper.ThrowOutOfRange("field value", value, $"0..{(1L << width) - 1} ({width} bits)");
        }

        BitPacking.WriteUInt((ulong)value, _bits, _position, width);
        _position += width;
    }
}
