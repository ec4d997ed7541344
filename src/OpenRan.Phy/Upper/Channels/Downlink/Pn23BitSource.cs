using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>
/// The 2^23 − 1 pseudo-random test pattern of ITU-T O.150 §5.8 (the PN23 of the NR test models, TS 38.141-1 §4.9.2.3): a
/// 23-stage shift register whose 18th and 23rd stage outputs are added modulo 2 and fed back to the first stage, started
/// from all ones; the output is the 23rd stage (the feedback polynomial x^23 + x^18 + 1).
/// </summary>
/// <remarks>
/// Stage s holds output o[n + 23 − s], so the register is the next 23 outputs and o[n + 23] = o[n] ⊕ o[n + 5]. Sixteen
/// outputs are produced at a time from the register read in output order (<see cref="FillWords"/>); the bit-serial
/// register (<see cref="FillSerial"/>) is the reference and handles the tail.
/// </remarks>
public sealed class Pn23BitSource : IBitSource
{
    private const uint AllOnes = (1u << 23) - 1;

    private uint _register = AllOnes;

    /// <inheritdoc />
    public void Fill(Span<byte> bits)
    {
        int words = bits.Length / 16;
        if (words > 0)
        {
            _register = FillWords(_register, bits[..(words * 16)]);
        }

        _register = FillSerial(_register, bits[(words * 16)..]);
    }

    /// <inheritdoc />
    public void Reset() => _register = AllOnes;

    /// <summary>The shift register clocked once per bit (the definition); returns the register after the last bit.</summary>
    internal static uint FillSerial(uint register, Span<byte> bits)
    {
        uint r = register;
        for (int i = 0; i < bits.Length; i++)
        {
            // Stage s is bit s − 1: output stage 23, feedback stage 18 ⊕ stage 23 into stage 1.
            uint output = (r >> 22) & 1;
            uint feedback = output ^ ((r >> 17) & 1);
            r = ((r << 1) | feedback) & AllOnes;
            bits[i] = (byte)output;
        }

        return r;
    }

    /// <summary>Sixteen outputs per step; <paramref name="bits"/> is a multiple of 16 long.</summary>
    private static uint FillWords(uint register, Span<byte> bits)
    {
        // t bit k = o[n + k], k = 0..22 (the register reversed).
        uint t = Reverse23(register);
        Span<ulong> destination = MemoryMarshal.Cast<byte, ulong>(bits);
        for (int i = 0; i < destination.Length; i += 2)
        {
            uint next = (t ^ (t >> 5)) & 0xFFFF; // o[n + 23 + j] = o[n + j] ⊕ o[n + 5 + j], j = 0..15
            destination[i] = LittleEndian(BitPacking.SpreadLsbFirst((byte)t));
            destination[i + 1] = LittleEndian(BitPacking.SpreadLsbFirst((byte)(t >> 8)));
            t = (t >> 16) | (next << 7);
        }

        return Reverse23(t);
    }

    private static ulong LittleEndian(ulong value) => BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);

    private static uint Reverse23(uint value) => (uint)(Reverse32(value) >> 9);

    private static uint Reverse32(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
        return (v >> 16) | (v << 16);
    }
}
