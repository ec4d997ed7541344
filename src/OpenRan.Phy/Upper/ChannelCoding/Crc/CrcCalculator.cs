using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.Crc;

/// <summary>
/// CRC computation, attachment and checking for the six polynomials of TS 38.212 §5.1: shift register initialised to
/// zero, no reflection, no final inversion; the parity bits p_0 … p_(L−1) follow the message a_0 … a_(A−1) with p_0 the
/// coefficient of D^(L−1) (so appending them makes the remainder zero).
/// </summary>
/// <remarks>
/// Table-driven with slicing-by-8 (eight 256-entry tables per polynomial, built once in the constructor: table k gives the
/// register contribution of a byte followed by k zero bytes, so eight bytes take one step of eight lookups), on packed
/// bytes (MSB first, <see cref="BitPacking"/>) or on unpacked bits (one bit per byte), which are packed on the fly
/// (64 bits per step: an in-lane byte shuffle, a shift and a sign-bit extraction with AVX-512BW, AVX2 or Vector128; scalar:
/// a multiply per 8 bits). The register keeps the CRC in its top L bits, that is, it is the remainder modulo
/// G = x^(32−L)·g(x), so one code path serves every length.
/// <para>Long unpacked messages are folded with carry-less multiplication (PCLMULQDQ) instead of table steps: the 64 bits
/// pending B = B_h·x^32 + B_l are carried past the next 64 message bits D as B·x^64 + D ≡ B_h·(x^96 mod G) ⊕
/// B_l·(x^64 mod G) ⊕ D (mod G), two 32×32-bit products; only the last 64 bits take a table step, R = B·x^32 mod G.
/// Congruence modulo G is all the register needs, so the result is bit-identical to the table path (tested).</para>
/// Instances are immutable and thread-safe.
/// </remarks>
public sealed class CrcCalculator
{
    private const int Slices = 8;
    private readonly uint[] _table = new uint[Slices * 256];
    private readonly uint _polynomialTop;
    private readonly ulong _x96ModG;
    private readonly ulong _x64ModG;

    /// <summary>Builds the calculator and its table for <paramref name="polynomial"/>.</summary>
    public CrcCalculator(CrcPolynomial polynomial)
    {
        (Length, uint generator) = polynomial switch
        {
            CrcPolynomial.Crc24A => (24, 0x864CFBu),
            CrcPolynomial.Crc24B => (24, 0x800063u),
            CrcPolynomial.Crc24C => (24, 0xB2B117u),
            CrcPolynomial.Crc16 => (16, 0x1021u),
            CrcPolynomial.Crc11 => (11, 0x621u),
            CrcPolynomial.Crc6 => (6, 0x21u),
            _ => throw new ArgumentOutOfRangeException(nameof(polynomial), polynomial, "unknown CRC polynomial; valid: Crc24A, Crc24B, Crc24C, Crc16, Crc11, Crc6."),
        };
        Polynomial = polynomial;
        _polynomialTop = generator << (32 - Length);
        for (uint i = 0; i < 256; i++)
        {
            uint reg = i << 24;
            for (int b = 0; b < 8; b++)
            {
                reg = (reg & 0x80000000u) != 0 ? (reg << 1) ^ _polynomialTop : reg << 1;
            }

            _table[i] = reg;
        }

        // Table k (k ≥ 1): a byte followed by k zero bytes = table k−1 advanced by one zero byte.
        for (int k = 1; k < Slices; k++)
        {
            for (int i = 0; i < 256; i++)
            {
                uint previous = _table[((k - 1) * 256) + i];
                _table[(k * 256) + i] = (previous << 8) ^ _table[previous >> 24];
            }
        }

        _x64ModG = PowerOfXModG(64);
        _x96ModG = PowerOfXModG(96);
    }

    /// <summary>The polynomial.</summary>
    public CrcPolynomial Polynomial { get; }

    /// <summary>Number of parity bits L.</summary>
    public int Length { get; }

    /// <summary>Returns the L parity bits of <paramref name="bits"/> (unpacked, one bit per byte) as an integer, p_0 in the most significant bit.</summary>
    public uint Compute(ReadOnlySpan<byte> bits) => Finish(Update(0, bits));

    /// <summary>Returns the parity bits of the first <paramref name="bitCount"/> bits of <paramref name="packed"/> (MSB first).</summary>
    public uint ComputePacked(ReadOnlySpan<byte> packed, int bitCount)
    {
        if ((uint)bitCount > (uint)packed.Length * 8)
        {
            ThrowHelper.ThrowOutOfRange(nameof(bitCount), bitCount, $"0..{packed.Length * 8} (the bits in packed)");
        }

        int whole = bitCount >> 3;
        uint reg = UpdateBytes(0, packed[..whole]);
        int rest = bitCount & 7;
        if (rest > 0)
        {
            reg = UpdateBits(reg, (uint)packed[whole] >> (8 - rest), rest);
        }

        return Finish(reg);
    }

    /// <summary>
    /// Writes the parity bits of bits[0..<paramref name="payloadLength"/>) into bits[payloadLength..payloadLength + L).
    /// </summary>
    /// <param name="bits">Unpacked message followed by room for L parity bits.</param>
    /// <param name="payloadLength">Message length A.</param>
    public void Attach(Span<byte> bits, int payloadLength)
    {
        if ((uint)payloadLength > (uint)(bits.Length - Length))
        {
            ThrowHelper.ThrowOutOfRange(nameof(payloadLength), payloadLength, $"0..{bits.Length - Length} (bits.Length − {Length} parity bits)");
        }

        BitPacking.WriteUInt(Compute(bits[..payloadLength]), bits, payloadLength, Length);
    }

    /// <summary>Whether <paramref name="bitsWithCrc"/> (message then L parity bits, unpacked) has a zero remainder.</summary>
    public bool Check(ReadOnlySpan<byte> bitsWithCrc)
    {
        if (bitsWithCrc.Length < Length)
        {
            ThrowHelper.ThrowOutOfRange(nameof(bitsWithCrc), bitsWithCrc.Length, $"length ≥ {Length}");
        }

        return Compute(bitsWithCrc) == 0;
    }

    /// <summary>Whether the first <paramref name="bitCount"/> packed bits (message then parity) have a zero remainder.</summary>
    public bool CheckPacked(ReadOnlySpan<byte> packed, int bitCount) => ComputePacked(packed, bitCount) == 0;

    /// <summary>Continues a CRC register over more unpacked bits (register holds the CRC in its top <see cref="Length"/> bits).</summary>
    internal uint Update(uint reg, ReadOnlySpan<byte> bits)
    {
        int i = 0;
        if (Vector128.IsHardwareAccelerated && bits.Length >= 64)
        {
            ref byte source = ref MemoryMarshal.GetReference(bits);
            if (Pclmulqdq.IsSupported && bits.Length >= 128)
            {
                // Fold 64 bits per step with two carry-less products; one table step for the last 64 (see remarks).
                ulong pending = ((ulong)reg << 32) ^ Pack64(ref source, 0);
                for (i = 64; i <= bits.Length - 64; i += 64)
                {
                    pending = Fold(pending) ^ Pack64(ref source, i);
                }

                reg = Step8((uint)(pending >> 32), (uint)pending);
            }
            else
            {
                // 64 bits per step: pack them into two big-endian words, then one slicing-by-8 step.
                for (; i <= bits.Length - 64; i += 64)
                {
                    ulong word = Pack64(ref source, i);
                    reg = Step8(reg ^ (uint)(word >> 32), (uint)word);
                }
            }
        }

        for (; i <= bits.Length - 8; i += 8)
        {
            // Pack eight 0/1 bytes MSB first (see BitPacking.Pack) and take one table step.
            ulong v = BinaryPrimitives.ReadUInt64LittleEndian(bits.Slice(i, 8)) & 0x0101010101010101UL;
            uint b = (uint)((v * 0x8040201008040201UL) >> 56);
            reg = (reg << 8) ^ _table[(reg >> 24) ^ b];
        }

        for (; i < bits.Length; i++)
        {
            reg = UpdateBits(reg, (uint)bits[i] & 1, 1);
        }

        return reg;
    }

    /// <summary>Continues a CRC register over whole packed bytes: folded 8 at a time with PCLMULQDQ, else slicing-by-8.</summary>
    private uint UpdateBytes(uint reg, ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        if (Pclmulqdq.IsSupported && bytes.Length >= 16)
        {
            // The same carry-less folding as the unpacked path, 8 bytes per step (see remarks).
            ulong pending = ((ulong)reg << 32) ^ BinaryPrimitives.ReadUInt64BigEndian(bytes);
            for (i = 8; i <= bytes.Length - 8; i += 8)
            {
                pending = Fold(pending) ^ BinaryPrimitives.ReadUInt64BigEndian(bytes[i..]);
            }

            reg = Step8((uint)(pending >> 32), (uint)pending);
        }

        for (; i <= bytes.Length - 8; i += 8)
        {
            reg = Step8(reg ^ BinaryPrimitives.ReadUInt32BigEndian(bytes[i..]), BinaryPrimitives.ReadUInt32BigEndian(bytes[(i + 4)..]));
        }

        for (; i < bytes.Length; i++)
        {
            reg = (reg << 8) ^ _table[(reg >> 24) ^ bytes[i]];
        }

        return reg;
    }

    /// <summary>
    /// Eight byte steps at once: <paramref name="first"/> is the register XOR the next four message bytes (big-endian),
    /// <paramref name="second"/> the four bytes after them; byte j of the eight (0 = first) indexes table 7 − j.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Step8(uint first, uint second)
    {
        ref uint t = ref MemoryMarshal.GetArrayDataReference(_table);
        return Unsafe.Add(ref t, (7 * 256) + (int)(first >> 24))
            ^ Unsafe.Add(ref t, (6 * 256) + (int)((first >> 16) & 0xFF))
            ^ Unsafe.Add(ref t, (5 * 256) + (int)((first >> 8) & 0xFF))
            ^ Unsafe.Add(ref t, (4 * 256) + (int)(first & 0xFF))
            ^ Unsafe.Add(ref t, (3 * 256) + (int)(second >> 24))
            ^ Unsafe.Add(ref t, (2 * 256) + (int)((second >> 16) & 0xFF))
            ^ Unsafe.Add(ref t, 256 + (int)((second >> 8) & 0xFF))
            ^ Unsafe.Add(ref t, (int)(second & 0xFF));
    }

    /// <summary>B·x^64 mod G up to congruence: B_h·(x^96 mod G) ⊕ B_l·(x^64 mod G), each a 32×32-bit carry-less product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Fold(ulong pending)
    {
        Vector128<ulong> halves = Vector128.Create(pending >> 32, pending & 0xFFFF_FFFFUL);
        Vector128<ulong> constants = Vector128.Create(_x96ModG, _x64ModG);
        return Pclmulqdq.CarrylessMultiply(halves, constants, 0x00).ToScalar()
            ^ Pclmulqdq.CarrylessMultiply(halves, constants, 0x11).ToScalar();
    }

    /// <summary>x^<paramref name="power"/> mod G (G = x^32 + the register polynomial), by shifting.</summary>
    private ulong PowerOfXModG(int power)
    {
        uint reg = 1;   // x^0
        for (int k = 0; k < power; k++)
        {
            reg = (reg & 0x80000000u) != 0 ? (reg << 1) ^ _polynomialTop : reg << 1;
        }

        return reg;
    }

    /// <summary>
    /// Packs 64 unpacked bits (bytes 0/1) at <paramref name="offset"/> MSB first: bit 63 of the result is the first. Each
    /// 8-byte group is reversed in its lane, so the sign-bit mask holds every group's first bit in its byte's top bit, and
    /// a byte swap puts the first group on top.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Pack64(ref byte source, int offset)
    {
        if (Avx512BW.IsSupported)
        {
            Vector512<byte> v = Vector512.LoadUnsafe(ref source, (nuint)offset);
            Vector512<byte> reversed = Avx512BW.Shuffle(v, Vector512.Create(Vector256.Create(GroupReverse, GroupReverse), Vector256.Create(GroupReverse, GroupReverse)));
            ulong mask = Vector512.ShiftLeft(reversed.AsUInt16(), 7).AsByte().ExtractMostSignificantBits();
            return BinaryPrimitives.ReverseEndianness(mask);
        }

        if (Avx2.IsSupported)
        {
            Vector256<byte> order = Vector256.Create(GroupReverse, GroupReverse);
            uint first = (uint)Avx2.MoveMask(Avx2.ShiftLeftLogical(Avx2.Shuffle(Vector256.LoadUnsafe(ref source, (nuint)offset), order).AsUInt16(), 7).AsByte());
            uint second = (uint)Avx2.MoveMask(Avx2.ShiftLeftLogical(Avx2.Shuffle(Vector256.LoadUnsafe(ref source, (nuint)(offset + 32)), order).AsUInt16(), 7).AsByte());
            return ((ulong)BinaryPrimitives.ReverseEndianness(first) << 32) | BinaryPrimitives.ReverseEndianness(second);
        }

        ulong high = (PackMsbFirst(ref source, offset) << 16) | PackMsbFirst(ref source, offset + 16);
        ulong low = (PackMsbFirst(ref source, offset + 32) << 16) | PackMsbFirst(ref source, offset + 48);
        return (high << 32) | low;
    }

    /// <summary>Byte indices that reverse each 8-byte group of a 128-bit lane.</summary>
    private static Vector128<byte> GroupReverse => Vector128.Create((byte)7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8);

    /// <summary>
    /// Packs 16 unpacked bits (bytes 0/1) at <paramref name="offset"/> MSB first into the low 16 bits: bit 15 is the first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint PackMsbFirst(ref byte source, int offset)
    {
        // Reverse the byte order (lanes 15..0), move each byte's bit 0 to its sign bit (shift the 16-bit lanes left by 7:
        // a byte's own bit 0 lands on bit 7 of that byte; the low byte's other bits land below the high byte's bit 7),
        // then gather the sign bits: bit j of the mask = input byte 15 − j, so input byte 0 becomes bit 15.
        Vector128<byte> v = Vector128.LoadUnsafe(ref source, (nuint)offset);
        Vector128<byte> reversed = Vector128.Shuffle(v, Vector128.Create((byte)15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0));
        return Vector128.ShiftLeft(reversed.AsUInt16(), 7).AsByte().ExtractMostSignificantBits();
    }

    /// <summary>Extracts the L parity bits from a register.</summary>
    internal uint Finish(uint reg) => reg >> (32 - Length);

    private uint UpdateBits(uint reg, uint value, int count)
    {
        for (int j = count - 1; j >= 0; j--)
        {
            reg ^= ((value >> j) & 1) << 31;
            reg = (reg & 0x80000000u) != 0 ? (reg << 1) ^ _polynomialTop : reg << 1;
        }

        return reg;
    }
}
