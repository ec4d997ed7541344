using System;
using System.Numerics;

namespace OpenRan.Engine.Rrc;

/// <summary>
/// A bounded reader of ASN.1 unaligned PER (ITU-T X.691, the encoding of TS 38.331 messages): bits MSB first, constrained
/// whole numbers in the fewest bits of their range, extension bits, optional-component bitmaps, length determinants and
/// the skipping of unknown extension additions as open types. Every read checks the remaining length and throws
/// <see cref="RrcFormatException"/> (with the bit position) rather than reading past the end.
/// </summary>
public ref struct UperReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    /// <summary>Reads <paramref name="data"/> from its first bit.</summary>
    public UperReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>The index of the next bit.</summary>
    public readonly int Position => _position;

    /// <summary>The bits left.</summary>
    public readonly int Remaining => (_data.Length * 8) - _position;

    /// <summary>One bit.</summary>
    public bool Bit() => Bits(1) == 1;

    /// <summary><paramref name="count"/> bits (0..63) as an unsigned number, MSB first.</summary>
    public ulong Bits(int count)
    {
        if (count < 0 || count > 63)
        {
            throw new RrcFormatException($"a field of {count} bits is not supported (bit {_position})");
        }

        if (count > Remaining)
        {
            throw new RrcFormatException($"message ends at bit {_data.Length * 8}: {count} more bits needed at bit {_position}");
        }

        ulong value = 0;
        for (int i = 0; i < count; i++)
        {
            int p = _position + i;
            value = (value << 1) | (uint)((_data[p >> 3] >> (7 - (p & 7))) & 1);
        }

        _position += count;
        return value;
    }

    /// <summary>A constrained whole number in [<paramref name="minimum"/>, <paramref name="maximum"/>] (X.691 §11.5.7.1).</summary>
    public long Integer(long minimum, long maximum)
    {
        int width = WidthOf(maximum - minimum + 1);
        long value = minimum + (long)Bits(width);
        if (value > maximum)
        {
            throw new RrcFormatException($"value {value} above its constraint {minimum}..{maximum} (bit {_position - width})");
        }

        return value;
    }

    /// <summary>An ENUMERATED index among <paramref name="count"/> root values, after the extension bit when <paramref name="extensible"/>.</summary>
    public int Enumerated(int count, bool extensible = false)
    {
        if (extensible && Bit())
        {
            throw new RrcFormatException($"an extension value of an ENUMERATED is not supported (bit {_position - 1})");
        }

        return (int)Integer(0, count - 1);
    }

    /// <summary>The index of a CHOICE among <paramref name="count"/> root alternatives, after the extension bit when <paramref name="extensible"/>.</summary>
    public int Choice(int count, bool extensible = false)
    {
        if (extensible && Bit())
        {
            throw new RrcFormatException($"an extension alternative of a CHOICE is not supported (bit {_position - 1})");
        }

        return (int)Integer(0, count - 1);
    }

    /// <summary>The size of a SEQUENCE OF / BIT STRING constrained to [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public int Size(int minimum, int maximum) => (int)Integer(minimum, maximum);

    /// <summary>The presence bits of <paramref name="count"/> optional components (≤ 32), first component in the MSB.</summary>
    public uint Optionals(int count) => (uint)Bits(count);

    /// <summary>
    /// Skips the extension additions of a SEQUENCE whose extension bit was set (X.691 §19.7-19.9): a normally small length n,
    /// n presence bits, and each present addition as an open type (length in octets, then its octets).
    /// </summary>
    public void SkipExtensionAdditions()
    {
        int count = NormallySmallLength();
        ulong present = Bits(count);
        for (int i = 0; i < count; i++)
        {
            if (((present >> (count - 1 - i)) & 1) != 0)
            {
                int octets = Length();
                Skip(octets * 8);
            }
        }
    }

    /// <summary>Skips <paramref name="bits"/> bits.</summary>
    public void Skip(int bits)
    {
        if (bits < 0 || bits > Remaining)
        {
            throw new RrcFormatException($"message ends at bit {_data.Length * 8}: cannot skip {bits} bits at bit {_position}");
        }

        _position += bits;
    }

    /// <summary>An unconstrained length determinant (X.691 §11.9.3.6-7): 0xxxxxxx or 10xxxxxx xxxxxxxx; fragments are not supported.</summary>
    public int Length()
    {
        if (!Bit())
        {
            return (int)Bits(7);
        }

        if (!Bit())
        {
            return (int)Bits(14);
        }

        throw new RrcFormatException($"a fragmented length determinant is not supported (bit {_position - 2})");
    }

    /// <summary>A normally small length (X.691 §11.9.3.4): 0 + 6 bits of length − 1, else a length determinant.</summary>
    public int NormallySmallLength() => Bit() ? Length() : (int)Bits(6) + 1;

    /// <summary>The bits of a range of <paramref name="rangeSize"/> values: ⌈log2 range⌉ (0 for a single value).</summary>
    public static int WidthOf(long rangeSize) => rangeSize <= 1 ? 0 : 64 - BitOperations.LeadingZeroCount((ulong)(rangeSize - 1));
}
