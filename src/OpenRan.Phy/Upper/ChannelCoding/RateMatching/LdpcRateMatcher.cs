using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.RateMatching;

/// <summary>
/// LDPC rate matching of one code block (TS 38.212 §5.4.2): bit selection from the circular buffer (§5.4.2.1) followed by
/// bit interleaving (§5.4.2.2), on unpacked bits.
/// </summary>
public static class LdpcRateMatcher
{
    /// <summary>
    /// Computes f_0 … f_(E−1): e_k = d_((k0 + j) mod N_cb) skipping fillers (§5.4.2.1), then f_(i + j·Q_m) = e_(i·E/Q_m + j)
    /// for i &lt; Q_m, j &lt; E/Q_m (§5.4.2.2).
    /// </summary>
    /// <param name="codeword">d_0 … d_(N_cb−1) (longer is allowed; filler positions are not read), one bit per byte.</param>
    /// <param name="buffer">N_cb, k0 and the filler positions.</param>
    /// <param name="modulationOrder">Q_m: 1 (π/2-BPSK), 2, 4, 6, 8 or 10.</param>
    /// <param name="output">Receives the E rate-matched bits; E must be a multiple of Q_m.</param>
    public static void Match(ReadOnlySpan<byte> codeword, LdpcCircularBuffer buffer, int modulationOrder, Span<byte> output)
    {
        ValidateModulationOrder(modulationOrder, output.Length);
        if (codeword.Length < buffer.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(codeword), codeword.Length, buffer.Length);
        }

        int rowLength = output.Length / modulationOrder;
        if (modulationOrder <= 8)
        {
            MatchTransposed(codeword, buffer, modulationOrder, output);
            return;
        }

        BitSelectionRuns runs = buffer.Runs(output.Length);
        while (runs.MoveNext())
        {
            ReadOnlySpan<byte> source = codeword.Slice(runs.Position, runs.Length);
            if (modulationOrder == 1)
            {
                source.CopyTo(output[runs.OutputIndex..]);
                continue;
            }

            // Within interleaver row i the selected bits e_(i·E/Qm + j) go to f_(i + j·Qm): a stride-Qm scatter.
            int k = runs.OutputIndex;
            while (!source.IsEmpty)
            {
                int i = k / rowLength;
                int j = k - (i * rowLength);
                int count = Math.Min(source.Length, rowLength - j);
                // Bounds: the last element written is i + (j + count − 1)·Q_m < E since j + count ≤ E/Q_m.
                ref byte destination = ref Unsafe.Add(ref MemoryMarshal.GetReference(output), i + (j * modulationOrder));
                ref byte from = ref MemoryMarshal.GetReference(source);
                for (int t = 0; t < count; t++)
                {
                    Unsafe.Add(ref destination, t * modulationOrder) = Unsafe.Add(ref from, t);
                }

                source = source[count..];
                k += count;
            }
        }
    }

    /// <summary>Interleaver columns handled per block of <see cref="MatchTransposed"/>.</summary>
    private const int TransposeColumns = 256;

    /// <summary>
    /// Bit selection and interleaving for Q_m = 2..8 by blocks of <see cref="TransposeColumns"/> interleaver columns: the
    /// Q_m row segments e_(i·E/Q_m + j), j in the block, are gathered from the circular buffer, then transposed eight
    /// columns at a time as an 8 × 8 byte matrix in eight 64-bit words (rows Q_m..7 zero), each column giving the Q_m
    /// bits f_(j·Q_m) … f_(j·Q_m + Q_m − 1).
    /// </summary>
    private static void MatchTransposed(ReadOnlySpan<byte> codeword, LdpcCircularBuffer buffer, int q, Span<byte> output)
    {
        int rowLength = output.Length / q;
        Span<byte> rows = stackalloc byte[8 * TransposeColumns];
        Span<byte> columns = stackalloc byte[(TransposeColumns * 8) + 32];
        rows.Clear();
        int transmittable = buffer.TransmittableLength;
        int startIndex = buffer.StartPosition < buffer.FillerStart ? buffer.StartPosition
            : buffer.StartPosition < buffer.FillerEnd ? buffer.FillerStart
            : buffer.StartPosition - (buffer.FillerEnd - buffer.FillerStart);
        for (int j0 = 0; j0 < rowLength; j0 += TransposeColumns)
        {
            int width = Math.Min(TransposeColumns, rowLength - j0);
            for (int i = 0; i < q; i++)
            {
                GatherSelected(codeword, buffer, transmittable, startIndex, (i * rowLength) + j0, rows.Slice(i * TransposeColumns, width));
            }

            // A partial last block transposes whole groups of 8 columns; the columns past its width are not copied out.
            int c = 0;
            if (Avx2.IsSupported)
            {
                for (; c < width; c += 32)
                {
                    TransposeBlockAvx2(rows, c, columns.Slice(c * q), q);
                }
            }

            for (; c < width; c += 8)
            {
                TransposeBlock(rows, c, columns.Slice(c * q), q);
            }

            columns[..(width * q)].CopyTo(output.Slice(j0 * q));
        }
    }

    /// <summary>Copies the selected bits e_k … e_(k+n−1) (n = destination length) from the circular buffer.</summary>
    private static void GatherSelected(ReadOnlySpan<byte> codeword, LdpcCircularBuffer buffer, int transmittable, int startIndex, int k, Span<byte> destination)
    {
        // Transmittable index t counts buffer positions without the fillers; e_k is at t = (t(k0) + k) mod (N_cb − F).
        int t = startIndex + k;
        if (t >= transmittable)
        {
            t %= transmittable;
        }

        int fillerStart = buffer.FillerStart;
        int fillers = buffer.FillerEnd - fillerStart;
        while (!destination.IsEmpty)
        {
            int position = t < fillerStart ? t : t + fillers;
            int run = Math.Min(destination.Length, t < fillerStart ? fillerStart - t : transmittable - t);
            codeword.Slice(position, run).CopyTo(destination);
            destination = destination[run..];
            t += run;
            if (t == transmittable)
            {
                t = 0;
            }
        }
    }

    /// <summary>
    /// Transposes columns c … c+7 of the 8 row segments (each <see cref="TransposeColumns"/> bytes) into 8 groups of
    /// <paramref name="q"/> bytes, the 64-bit word of each column written at q-byte steps (later words overwrite the
    /// unused top bytes of earlier ones; the destination has 8 − q bytes of slack).
    /// </summary>
    private static void TransposeBlock(ReadOnlySpan<byte> rows, int c, Span<byte> destination, int q)
    {
        ulong a0 = BinaryPrimitives.ReadUInt64LittleEndian(rows[c..]);
        ulong a1 = BinaryPrimitives.ReadUInt64LittleEndian(rows[(TransposeColumns + c)..]);
        ulong a2 = BinaryPrimitives.ReadUInt64LittleEndian(rows[((2 * TransposeColumns) + c)..]);
        ulong a3 = BinaryPrimitives.ReadUInt64LittleEndian(rows[((3 * TransposeColumns) + c)..]);
        ulong a4 = BinaryPrimitives.ReadUInt64LittleEndian(rows[((4 * TransposeColumns) + c)..]);
        ulong a5 = BinaryPrimitives.ReadUInt64LittleEndian(rows[((5 * TransposeColumns) + c)..]);
        ulong a6 = BinaryPrimitives.ReadUInt64LittleEndian(rows[((6 * TransposeColumns) + c)..]);
        ulong a7 = BinaryPrimitives.ReadUInt64LittleEndian(rows[((7 * TransposeColumns) + c)..]);

        // Byte j of word i is element (i, j); swap 4 × 4, then 2 × 2, then 1 × 1 blocks across the diagonal.
        Swap(ref a0, ref a4, 32, 0x0000_0000_FFFF_FFFFUL);
        Swap(ref a1, ref a5, 32, 0x0000_0000_FFFF_FFFFUL);
        Swap(ref a2, ref a6, 32, 0x0000_0000_FFFF_FFFFUL);
        Swap(ref a3, ref a7, 32, 0x0000_0000_FFFF_FFFFUL);
        Swap(ref a0, ref a2, 16, 0x0000_FFFF_0000_FFFFUL);
        Swap(ref a1, ref a3, 16, 0x0000_FFFF_0000_FFFFUL);
        Swap(ref a4, ref a6, 16, 0x0000_FFFF_0000_FFFFUL);
        Swap(ref a5, ref a7, 16, 0x0000_FFFF_0000_FFFFUL);
        Swap(ref a0, ref a1, 8, 0x00FF_00FF_00FF_00FFUL);
        Swap(ref a2, ref a3, 8, 0x00FF_00FF_00FF_00FFUL);
        Swap(ref a4, ref a5, 8, 0x00FF_00FF_00FF_00FFUL);
        Swap(ref a6, ref a7, 8, 0x00FF_00FF_00FF_00FFUL);

        BinaryPrimitives.WriteUInt64LittleEndian(destination, a0);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[q..], a1);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[(2 * q)..], a2);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[(3 * q)..], a3);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[(4 * q)..], a4);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[(5 * q)..], a5);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[(6 * q)..], a6);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[(7 * q)..], a7);
    }

    /// <summary>
    /// <see cref="TransposeBlock"/> for 32 columns with AVX2: byte, word and doubleword unpacks of the eight 32-byte row
    /// segments give, per 128-bit lane, two 8-byte columns in each of eight vectors (lane 0 holds columns c … c+15,
    /// lane 1 columns c+16 … c+31); each column's 64-bit word is written at its q-byte step.
    /// </summary>
    private static void TransposeBlockAvx2(ReadOnlySpan<byte> rows, int c, Span<byte> destination, int q)
    {
        ref byte origin = ref MemoryMarshal.GetReference(rows);
        Vector256<byte> r0 = Vector256.LoadUnsafe(ref origin, (nuint)c);
        Vector256<byte> r1 = Vector256.LoadUnsafe(ref origin, (nuint)(TransposeColumns + c));
        Vector256<byte> r2 = Vector256.LoadUnsafe(ref origin, (nuint)((2 * TransposeColumns) + c));
        Vector256<byte> r3 = Vector256.LoadUnsafe(ref origin, (nuint)((3 * TransposeColumns) + c));
        Vector256<byte> r4 = Vector256.LoadUnsafe(ref origin, (nuint)((4 * TransposeColumns) + c));
        Vector256<byte> r5 = Vector256.LoadUnsafe(ref origin, (nuint)((5 * TransposeColumns) + c));
        Vector256<byte> r6 = Vector256.LoadUnsafe(ref origin, (nuint)((6 * TransposeColumns) + c));
        Vector256<byte> r7 = Vector256.LoadUnsafe(ref origin, (nuint)((7 * TransposeColumns) + c));

        // Per lane: t.. interleave byte pairs of two rows (low: columns 0-7 of the lane, high: 8-15).
        Vector256<ushort> t01L = Avx2.UnpackLow(r0, r1).AsUInt16(), t01H = Avx2.UnpackHigh(r0, r1).AsUInt16();
        Vector256<ushort> t23L = Avx2.UnpackLow(r2, r3).AsUInt16(), t23H = Avx2.UnpackHigh(r2, r3).AsUInt16();
        Vector256<ushort> t45L = Avx2.UnpackLow(r4, r5).AsUInt16(), t45H = Avx2.UnpackHigh(r4, r5).AsUInt16();
        Vector256<ushort> t67L = Avx2.UnpackLow(r6, r7).AsUInt16(), t67H = Avx2.UnpackHigh(r6, r7).AsUInt16();

        // u..: four rows per column, columns 0-3, 4-7, 8-11, 12-15 of the lane.
        Vector256<uint> u0 = Avx2.UnpackLow(t01L, t23L).AsUInt32(), u1 = Avx2.UnpackHigh(t01L, t23L).AsUInt32();
        Vector256<uint> u2 = Avx2.UnpackLow(t01H, t23H).AsUInt32(), u3 = Avx2.UnpackHigh(t01H, t23H).AsUInt32();
        Vector256<uint> w0 = Avx2.UnpackLow(t45L, t67L).AsUInt32(), w1 = Avx2.UnpackHigh(t45L, t67L).AsUInt32();
        Vector256<uint> w2 = Avx2.UnpackLow(t45H, t67H).AsUInt32(), w3 = Avx2.UnpackHigh(t45H, t67H).AsUInt32();

        // Eight rows per column: each vector holds lane columns (2m, 2m+1).
        Span<ulong> words = stackalloc ulong[32];
        StoreColumns(Avx2.UnpackLow(u0, w0).AsUInt64(), words, 0);
        StoreColumns(Avx2.UnpackHigh(u0, w0).AsUInt64(), words, 2);
        StoreColumns(Avx2.UnpackLow(u1, w1).AsUInt64(), words, 4);
        StoreColumns(Avx2.UnpackHigh(u1, w1).AsUInt64(), words, 6);
        StoreColumns(Avx2.UnpackLow(u2, w2).AsUInt64(), words, 8);
        StoreColumns(Avx2.UnpackHigh(u2, w2).AsUInt64(), words, 10);
        StoreColumns(Avx2.UnpackLow(u3, w3).AsUInt64(), words, 12);
        StoreColumns(Avx2.UnpackHigh(u3, w3).AsUInt64(), words, 14);
        if (q == 8)
        {
            MemoryMarshal.AsBytes(words).CopyTo(destination);
            return;
        }

        for (int column = 0; column < 32; column++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination[(column * q)..], words[column]);
        }
    }

    /// <summary>Stores lane 0's columns (m, m+1) and lane 1's (m+16, m+17) of a transposed vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreColumns(Vector256<ulong> v, Span<ulong> words, int m)
    {
        words[m] = v.GetElement(0);
        words[m + 1] = v.GetElement(1);
        words[m + 16] = v.GetElement(2);
        words[m + 17] = v.GetElement(3);
    }

    /// <summary>Exchanges the masked bytes of <paramref name="high"/> shifted down by <paramref name="shift"/> with those of <paramref name="low"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Swap(ref ulong high, ref ulong low, int shift, ulong mask)
    {
        ulong t = ((high >> shift) ^ low) & mask;
        low ^= t;
        high ^= t << shift;
    }

    /// <summary>Checks Q_m ∈ {1, 2, 4, 6, 8, 10} and that E is a multiple of it.</summary>
    internal static void ValidateModulationOrder(int modulationOrder, int e)
    {
        if (modulationOrder is not (1 or 2 or 4 or 6 or 8 or 10))
        {
            ThrowHelper.ThrowOutOfRange(nameof(modulationOrder), modulationOrder, "1, 2, 4, 6, 8 or 10");
        }

        if (e % modulationOrder != 0)
        {
            ThrowHelper.ThrowArgument("output", $"E = {e} is not a multiple of Q_m = {modulationOrder} (TS 38.212 §5.4.2.1).");
        }
    }
}
