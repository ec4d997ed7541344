using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>
/// The parity checks H·c = 0 of a lifted LDPC code (TS 38.212 §5.3.2) evaluated on a hard-decided word, the one
/// definition every decoder implementation uses for its verdict and for early termination.
/// </summary>
/// <remarks>
/// <para>The word is given as a-posteriori LLRs (project convention, <see cref="LogLikelihoodRatio"/>): bit c_i is 1 where
/// L_i &lt; 0, 0 where L_i &gt; 0, and <b>undecided</b> where L_i = 0. A parity check holds when every bit it involves is
/// decided and their XOR is 0; the word passes when every check of the first <c>rowCount</c> rows of H holds.</para>
/// <para>Why undecided bits fail: the all-zero word satisfies every parity check (and every NR CRC), and a decoder fed
/// nothing (all-zero LLRs: a silent radio, an erased slot, a retransmission whose bit selection skipped the systematic
/// bits) ends with exactly-zero LLRs, whose conventional hard decision 0 would make it "decode" the all-zero block. A bit
/// the decoder could not decide makes every check it is part of undetermined, so such a word is never a codeword. Every
/// column of H_BG lies in at least one of the four core rows or in its own extension row, so every bit of the active
/// columns (including the punctured c_0 … c_(2Z_c−1) and the information bits handed to the caller) is covered.</para>
/// </remarks>
public static class LdpcParityCheck
{
    /// <summary>The number of columns of H_BG that rows 0 … <paramref name="rowCount"/>−1 reach: K_b + max(rowCount, 4).</summary>
    public static int ColumnCount(LdpcCode code, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.InformationColumnCount + Math.Max(rowCount, 4);
    }

    /// <summary>
    /// Whether the hard decisions of <paramref name="word"/> satisfy every check of rows 0 … <paramref name="rowCount"/>−1
    /// (scalar reference; see the remarks for the undecided rule).
    /// </summary>
    /// <param name="code">The code.</param>
    /// <param name="rowCount">Rows of H_BG to check, 1..<see cref="LdpcCode.RowCount"/>.</param>
    /// <param name="word">LLRs of c_0 … c_(n−1) in natural order (c_(j·Z_c + m) is bit m of column j), at least
    /// <see cref="ColumnCount"/>·Z_c of them; the punctured columns 0 and 1 included.</param>
    public static bool Holds(LdpcCode code, int rowCount, ReadOnlySpan<sbyte> word)
    {
        ArgumentNullException.ThrowIfNull(code);
        ThrowHelper.ThrowIfOutside(rowCount, 1, code.RowCount);
        int z = code.LiftingSize;
        if (word.Length < ColumnCount(code, rowCount) * z)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(word), word.Length, ColumnCount(code, rowCount) * z);
        }

        ReadOnlySpan<int> rowStart = code.RowStart;
        ReadOnlySpan<int> edgeColumn = code.EdgeColumn;
        ReadOnlySpan<int> edgeShift = code.EdgeShift;
        for (int row = 0; row < rowCount; row++)
        {
            for (int m = 0; m < z; m++)
            {
                // Check m of the row sees bit mod(m + P, Z_c) of each of its columns.
                int parity = 0;
                bool undecided = false;
                for (int e = rowStart[row]; e < rowStart[row + 1]; e++)
                {
                    int lane = m + edgeShift[e];
                    lane -= lane >= z ? z : 0;
                    int value = word[(edgeColumn[e] * z) + lane];
                    parity ^= value;
                    undecided |= value == 0;
                }

                if (parity < 0 || undecided)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// <see cref="Holds(LdpcCode, int, ReadOnlySpan{sbyte})"/> on the column layout of the vectorized decoders: column j
    /// keeps its Z_c LLRs written twice back to back, (x, x), from <c>storage[columnStart[j]]</c>, with element m holding bit
    /// mod(m + columnRotation[j], Z_c), so that any cyclic shift of a column is one contiguous read. Vectorized over the Z_c
    /// checks of a row (32 per Vector256, scalar without SIMD), stopping at the first failing vector.
    /// </summary>
    /// <param name="code">The code.</param>
    /// <param name="rowCount">Rows to check, 1..<see cref="LdpcCode.RowCount"/>.</param>
    /// <param name="storage">The column buffers. Each must be readable from columnStart[j] for Z_c − 1 + ⌈Z_c/32⌉·32 bytes
    /// (the bytes past 2·Z_c are padding; their lanes are masked out).</param>
    /// <param name="columnStart">Start of each column's (x, x) buffer in <paramref name="storage"/>, for the
    /// <see cref="ColumnCount"/> columns.</param>
    /// <param name="columnRotation">The rotation s_j of each column, 0..Z_c−1.</param>
    internal static bool Holds(LdpcCode code, int rowCount, ReadOnlySpan<sbyte> storage, ReadOnlySpan<int> columnStart, ReadOnlySpan<int> columnRotation)
    {
        int z = code.LiftingSize;
        int padded = (z + Vector256<sbyte>.Count - 1) & ~(Vector256<sbyte>.Count - 1);
        Debug.Assert(columnStart.Length >= ColumnCount(code, rowCount) && columnRotation.Length >= ColumnCount(code, rowCount));
        ReadOnlySpan<int> rowStart = code.RowStart;
        ReadOnlySpan<int> edgeColumn = code.EdgeColumn;
        ReadOnlySpan<int> edgeShift = code.EdgeShift;
        Span<int> offsets = stackalloc int[LdpcDecoderBase.MaxRowDegree];
        ref sbyte origin = ref MemoryMarshal.GetReference(storage);
        for (int row = 0; row < rowCount; row++)
        {
            int first = rowStart[row];
            int degree = rowStart[row + 1] - first;

            // Bit mod(m + P, Z_c) of column j sits at element mod(m + P − s_j, Z_c) = m + δ of the duplicated buffer.
            for (int i = 0; i < degree; i++)
            {
                int column = edgeColumn[first + i];
                int delta = edgeShift[first + i] - columnRotation[column];
                delta += delta < 0 ? z : 0;
                offsets[i] = columnStart[column] + delta;
                Debug.Assert(offsets[i] + padded <= storage.Length);
            }

            if (Vector256.IsHardwareAccelerated)
            {
                for (int k = 0; k < padded; k += Vector256<sbyte>.Count)
                {
                    // Lane m: the XOR of the row's LLRs (bit 7 = parity of check k + m) and, per lane, whether any was 0.
                    Vector256<sbyte> parity = Vector256<sbyte>.Zero;
                    Vector256<sbyte> undecided = Vector256<sbyte>.Zero;
                    for (int i = 0; i < degree; i++)
                    {
                        Vector256<sbyte> value = Vector256.LoadUnsafe(ref origin, (nuint)(offsets[i] + k));
                        parity ^= value;
                        undecided |= Vector256.Equals(value, Vector256<sbyte>.Zero);
                    }

                    // Padding lanes (k + m ≥ Z_c) are masked out.
                    uint failed = (parity | undecided).ExtractMostSignificantBits();
                    int valid = z - k;
                    if (valid < Vector256<sbyte>.Count)
                    {
                        failed &= (1u << valid) - 1;
                    }

                    if (failed != 0)
                    {
                        return false;
                    }
                }
            }
            else
            {
                for (int m = 0; m < z; m++)
                {
                    int parity = 0;
                    bool undecided = false;
                    for (int i = 0; i < degree; i++)
                    {
                        int value = storage[offsets[i] + m];
                        parity ^= value;
                        undecided |= value == 0;
                    }

                    if (parity < 0 || undecided)
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }
}

