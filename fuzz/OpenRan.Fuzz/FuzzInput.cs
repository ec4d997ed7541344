using System;
using System.Buffers.Binary;
using OpenRan.Dsp;

namespace OpenRan.Fuzz;

/// <summary>
/// Reads the header of a fuzz input (configuration choices, each a byte) and then its payload as samples or LLRs. Reading
/// past the end yields zeros, so every input is complete: short inputs mean mostly-zero grids.
/// </summary>
internal ref struct FuzzInput
{
    private readonly ReadOnlySpan<byte> _bytes;
    private int _offset;

    public FuzzInput(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
        _offset = 0;
    }

    /// <summary>The bytes not read yet.</summary>
    public readonly ReadOnlySpan<byte> Rest => _bytes[Math.Min(_offset, _bytes.Length)..];

    /// <summary>The next byte, or 0 past the end.</summary>
    public byte Byte() => _offset < _bytes.Length ? _bytes[_offset++] : (byte)0;

    /// <summary>An integer in 0..<paramref name="count"/>−1 from the next byte.</summary>
    public int Choose(int count) => Byte() % count;

    /// <summary>An integer in 0..65535 from the next two bytes.</summary>
    public int UInt16() => Byte() | (Byte() << 8);

    /// <summary>
    /// Fills <paramref name="destination"/> with samples from the rest of the input. <paramref name="format"/> even: raw
    /// little-endian float32 pairs (every bit pattern, NaN, infinities and denormals included); odd: int8 pairs scaled by
    /// 1/16 (realistic magnitudes). Samples beyond the input are zero.
    /// </summary>
    public void Samples(int format, Span<ComplexF32> destination)
    {
        ReadOnlySpan<byte> rest = Rest;
        destination.Clear();
        if (format % 2 == 0)
        {
            int n = Math.Min(destination.Length, rest.Length / 8);
            for (int i = 0; i < n; i++)
            {
                destination[i] = new ComplexF32(BinaryPrimitives.ReadSingleLittleEndian(rest[(8 * i)..]), BinaryPrimitives.ReadSingleLittleEndian(rest[((8 * i) + 4)..]));
            }

            _offset += 8 * n;
        }
        else
        {
            int n = Math.Min(destination.Length, rest.Length / 2);
            for (int i = 0; i < n; i++)
            {
                destination[i] = new ComplexF32((sbyte)rest[2 * i] / 16f, (sbyte)rest[(2 * i) + 1] / 16f);
            }

            _offset += 2 * n;
        }
    }

    /// <summary>Fills <paramref name="destination"/> with LLRs: one signed byte each; zero beyond the input.</summary>
    public void Llrs(Span<sbyte> destination)
    {
        ReadOnlySpan<byte> rest = Rest;
        destination.Clear();
        int n = Math.Min(destination.Length, rest.Length);
        for (int i = 0; i < n; i++)
        {
            destination[i] = (sbyte)rest[i];
        }

        _offset += n;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with float LLRs: <paramref name="format"/> even, raw float32 (every bit pattern);
    /// odd, one signed byte each divided by 8. Zero beyond the input.
    /// </summary>
    public void Llrs(int format, Span<float> destination)
    {
        ReadOnlySpan<byte> rest = Rest;
        destination.Clear();
        if (format % 2 == 0)
        {
            int n = Math.Min(destination.Length, rest.Length / 4);
            for (int i = 0; i < n; i++)
            {
                destination[i] = BinaryPrimitives.ReadSingleLittleEndian(rest[(4 * i)..]);
            }

            _offset += 4 * n;
        }
        else
        {
            int n = Math.Min(destination.Length, rest.Length);
            for (int i = 0; i < n; i++)
            {
                destination[i] = (sbyte)rest[i] / 8f;
            }

            _offset += n;
        }
    }
}
