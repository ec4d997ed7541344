using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Sequences;

/// <summary>
/// The length-31 Gold sequence c(n) of TS 38.211 §5.2.1, generated 28 bits per step with word operations.
/// </summary>
/// <remarks>
/// <para>c(n) = (x1(n + N_C) + x2(n + N_C)) mod 2 with N_C = 1600, x1(n + 31) = (x1(n + 3) + x1(n)) mod 2,
/// x2(n + 31) = (x2(n + 3) + x2(n + 2) + x2(n + 1) + x2(n)) mod 2, x1(0) = 1, x1(1..30) = 0 and
/// c_init = Σ x2(i)·2^i.</para>
/// <para>Each register holds 31 consecutive sequence values, bit i = x(n + i). Because the feedback taps span at most
/// 3 positions, the next 28 values follow from the current window in one shift-and-xor:
/// x1(n + 31 + j) = x1(n + 3 + j) ⊕ x1(n + j) for j = 0..27, and likewise for x2 with four taps.</para>
/// <para>The generator is reused: <see cref="Initialize"/> restarts it for a new c_init without allocating, so a processor
/// keeps one instance. Not thread-safe.</para>
/// </remarks>
public sealed class PseudoRandomSequence
{
    /// <summary>N_C, the initial offset of TS 38.211 §5.2.1.</summary>
    public const int Nc = 1600;

    private const int StepBits = 28;
    private const uint StepMask = (1u << StepBits) - 1;
    private const uint RegisterMask = 0x7FFF_FFFFu;

    /// <summary>For each byte value, its eight bits LSB first as eight 0/1 bytes, little-endian in a ulong.</summary>

    private uint _x1;
    private uint _x2;
    private ulong _buffer;
    private int _buffered;

    /// <summary>Creates a generator positioned at c(0) for <paramref name="cInit"/>.</summary>
    /// <param name="cInit">c_init, 0..2^31 − 1.</param>
    public PseudoRandomSequence(uint cInit = 0) => Initialize(cInit);

    /// <summary>Restarts the sequence for <paramref name="cInit"/>, positioned at c(0) (that is, after the N_C offset).</summary>
    /// <param name="cInit">c_init, 0..2^31 − 1 (TS 38.211 §5.2.1: x2 has 31 bits).</param>
    public void Initialize(uint cInit)
    {
        if (cInit > RegisterMask)
        {
            ThrowHelper.ThrowOutOfRange(nameof(cInit), cInit, "0..2^31 − 1");
        }

        _x1 = 1;
        _x2 = cInit;
        _buffer = 0;
        _buffered = 0;
        Step(Nc);
    }

    /// <summary>Skips <paramref name="count"/> values of c(n) (for example to an offset such as v·864 for PBCH).</summary>
    public void Advance(int count)
    {
        if (count < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(count), count, "≥ 0");
        }

        int fromBuffer = Math.Min(count, _buffered);
        _buffer >>= fromBuffer;
        _buffered -= fromBuffer;
        Step(count - fromBuffer);
    }

    /// <summary>Writes the next bits.Length values of c(n), one 0/1 value per byte.</summary>
    public void Generate(Span<byte> bits)
    {
        int i = 0;
        for (; i + 8 <= bits.Length; i += 8)
        {
            Unsafe.WriteUnaligned(ref bits[i], BitPacking.SpreadLsbFirst((byte)Next(8)));
        }

        for (; i < bits.Length; i++)
        {
            bits[i] = (byte)Next(1);
        }
    }

    /// <summary>Scrambles bits: computes destination[i] = source[i] ⊕ c(n + i) for 0/1 bytes. The spans may be the same.</summary>
    /// <remarks>With AVX2, 32 values per step (the sequence bits expanded to 0/1 bytes as in <see cref="ApplySigns(ReadOnlySpan{sbyte}, Span{sbyte})"/>).</remarks>
    public void ApplyXor(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, source.Length, nameof(destination));
        int i = 0;
        if (Avx2.IsSupported)
        {
            ref byte src = ref MemoryMarshal.GetReference(source);
            ref byte dst = ref MemoryMarshal.GetReference(destination);
            for (; i <= source.Length - 32; i += 32)
            {
                (Vector256.LoadUnsafe(ref src, (nuint)i) ^ (NextMask32() & Vector256<byte>.One)).StoreUnsafe(ref dst, (nuint)i);
            }
        }

        for (; i + 8 <= source.Length; i += 8)
        {
            ulong v = Unsafe.ReadUnaligned<ulong>(ref Unsafe.AsRef(in source[i])) ^ BitPacking.SpreadLsbFirst((byte)Next(8));
            Unsafe.WriteUnaligned(ref destination[i], v);
        }

        for (; i < source.Length; i++)
        {
            destination[i] = (byte)(source[i] ^ Next(1));
        }
    }

    /// <summary>
    /// Descrambles soft bits: computes destination[i] = c(n + i) = 1 ? −source[i] : source[i] (int8 LLRs; −128 maps to 127).
    /// The spans may be the same.
    /// </summary>
    /// <remarks>
    /// With AVX2, 32 values per step: the 32 sequence bits are broadcast, each byte lane picks its byte (vpshufb) and
    /// tests its bit, giving a 0/−1 mask m; destination = m ? −max(source, −127) : source. The scalar loop below is the
    /// reference and handles the tail.
    /// </remarks>
    public void ApplySigns(ReadOnlySpan<sbyte> source, Span<sbyte> destination)
    {
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, source.Length, nameof(destination));
        int i = 0;
        if (Avx2.IsSupported)
        {
            ref sbyte src = ref MemoryMarshal.GetReference(source);
            ref sbyte dst = ref MemoryMarshal.GetReference(destination);
            Vector256<sbyte> floor = Vector256.Create((sbyte)-127);
            for (; i <= source.Length - 32; i += 32)
            {
                Vector256<sbyte> mask = NextMask32().AsSByte();
                Vector256<sbyte> value = Vector256.LoadUnsafe(ref src, (nuint)i);
                Vector256.ConditionalSelect(mask, -Vector256.Max(value, floor), value).StoreUnsafe(ref dst, (nuint)i);
            }
        }

        for (; i < source.Length; i += 8)
        {
            int n = Math.Min(8, source.Length - i);
            uint c = Next(n);
            for (int j = 0; j < n; j++)
            {
                sbyte v = source[i + j];
                destination[i + j] = ((c >> j) & 1) != 0 ? (sbyte)Math.Min(127, -v) : v;
            }
        }
    }

    /// <summary>
    /// Descrambles float soft bits in place: llrs[i] = c(n + i) = 1 ? −llrs[i] : llrs[i], 32 sequence values per step.
    /// </summary>
    public void ApplySigns(Span<float> llrs)
    {
        for (int i = 0; i < llrs.Length; i += 32)
        {
            int n = Math.Min(32, llrs.Length - i);
            uint c = Next(n);
            for (int j = 0; j < n; j++)
            {
                if (((c >> j) & 1) != 0)
                {
                    llrs[i + j] = -llrs[i + j];
                }
            }
        }
    }

    /// <summary>
    /// Writes QPSK symbols r(m) = a·(1 − 2c(2m)) + j·a·(1 − 2c(2m + 1)), consuming two values of c(n) per symbol
    /// (the DM-RS sequences of TS 38.211 §6.4.1.1.1, §7.4.1.1.1, §7.4.1.3.1, §7.4.1.4.1 use a = 1/√2).
    /// </summary>
    /// <param name="destination">Receives the symbols.</param>
    /// <param name="amplitude">a, the amplitude per real dimension.</param>
    public void GenerateQpsk(Span<ComplexF32> destination, float amplitude)
    {
        int m = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // 16 symbols per 32 values: float j of each group of four symbols (re, im, re, im, …) takes bit j of a byte.
            Span<float> floats = ComplexF32.AsFloats(destination);
            ref float target = ref MemoryMarshal.GetReference(floats);
            Vector256<int> bit = Vector256.Create(1, 2, 4, 8, 16, 32, 64, 128);
            Vector256<float> plus = Vector256.Create(amplitude);
            Vector256<float> minus = -plus;
            for (; m <= destination.Length - 16; m += 16)
            {
                uint word = Next(32);
                for (int b = 0; b < 4; b++)
                {
                    Vector256<int> set = Vector256.Equals(Vector256.Create((int)(word >> (8 * b))) & bit, bit);
                    Vector256.ConditionalSelect(set.AsSingle(), minus, plus).StoreUnsafe(ref target, (nuint)((2 * m) + (8 * b)));
                }
            }
        }

        for (; m < destination.Length; m++)
        {
            uint c = Next(2);
            destination[m] = new ComplexF32((c & 1) != 0 ? -amplitude : amplitude, (c & 2) != 0 ? -amplitude : amplitude);
        }
    }

    /// <summary>Returns the next <paramref name="count"/> (1..32) values c(n), c(n+1), … in bits 0, 1, … of the result.</summary>
    public uint Next(int count)
    {
        if ((uint)(count - 1) > 31)
        {
            ThrowHelper.ThrowOutOfRange(nameof(count), count, "1..32");
        }

        while (_buffered < count)
        {
            // c(n..n+27) from the current windows, then advance both registers by 28.
            _buffer |= (ulong)((_x1 ^ _x2) & StepMask) << _buffered;
            _buffered += StepBits;
            Shift(StepBits);
        }

        uint result = (uint)(_buffer & ((1UL << count) - 1));
        _buffer >>= count;
        _buffered -= count;
        return result;
    }

    /// <summary>
    /// The next 32 values c(n) … c(n+31) as byte lanes 0 … 31 of 0xFF (c = 1) or 0 (AVX2 only): the word is broadcast,
    /// byte lane j of each 128-bit half selects byte j/8 (vpshufb; both halves hold the same bytes) and tests bit j mod 8.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<byte> NextMask32()
    {
        Vector256<byte> select = Vector256.Create((byte)0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3);
        Vector256<byte> bit = Vector256.Create((byte)1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128);
        Vector256<byte> word = Vector256.Create(Next(32)).AsByte();
        return Vector256.Equals(Avx2.Shuffle(word, select) & bit, bit);
    }

    private void Step(int count)
    {
        while (count >= StepBits)
        {
            Shift(StepBits);
            count -= StepBits;
        }

        if (count > 0)
        {
            Shift(count);
        }
    }

    /// <summary>Advances both registers by <paramref name="bits"/> (1..28) positions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Shift(int bits)
    {
        uint mask = (1u << bits) - 1;
        uint new1 = ((_x1 >> 3) ^ _x1) & mask;
        uint new2 = ((_x2 >> 3) ^ (_x2 >> 2) ^ (_x2 >> 1) ^ _x2) & mask;
        _x1 = ((_x1 >> bits) | (new1 << (31 - bits))) & RegisterMask;
        _x2 = ((_x2 >> bits) | (new2 << (31 - bits))) & RegisterMask;
    }
}
