using System;
using System.Buffers.Binary;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.Crc;

/// <summary>
/// CRC computation, attachment and checking for the six polynomials of TS 38.212 §5.1: shift register initialised to
/// zero, no reflection, no final inversion; the parity bits p_0 … p_(L−1) follow the message a_0 … a_(A−1) with p_0 the
/// coefficient of D^(L−1) (so appending them makes the remainder zero).
/// </summary>
/// <remarks>
/// Table-driven, eight bits per step (one 256-entry table per polynomial, built once in the constructor), on packed bytes
/// (MSB first, <see cref="BitPacking"/>) or on unpacked bits (one bit per byte), which are packed on the fly eight at a
/// time. The register keeps the CRC in its top L bits so one code path serves every length.
/// Instances are immutable and thread-safe.
/// </remarks>
public sealed class CrcCalculator
{
    private readonly uint[] _table = new uint[256];
    private readonly uint _polynomialTop;

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
        uint reg = 0;
        foreach (byte b in packed[..whole])
        {
            reg = (reg << 8) ^ _table[(reg >> 24) ^ b];
        }

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
        int whole = bits.Length >> 3;
        for (int i = 0; i < whole; i++)
        {
            // Pack eight 0/1 bytes MSB first (see BitPacking.Pack) and take one table step.
            ulong v = BinaryPrimitives.ReadUInt64LittleEndian(bits.Slice(i * 8, 8)) & 0x0101010101010101UL;
            uint b = (uint)((v * 0x8040201008040201UL) >> 56);
            reg = (reg << 8) ^ _table[(reg >> 24) ^ b];
        }

        for (int i = whole * 8; i < bits.Length; i++)
        {
            reg = UpdateBits(reg, (uint)bits[i] & 1, 1);
        }

        return reg;
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
