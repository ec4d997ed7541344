using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>
/// LDPC encoder of TS 38.212 §5.3.2 for every base graph and lifting size, on unpacked bits (one bit per byte), with
/// whole-block circulant shifts (each Z_c-bit block is XORed as a vector, never bit by bit) and the base graph's structure:
/// the double-diagonal 4 × 4 core gives the first 4·Z_c parity bits by one rotation and three block sums, then every
/// extension row gives its Z_c parity bits directly.
/// </summary>
/// <remarks>
/// Instances hold scratch sized for the largest code (BG1, Z_c = 384), so encoding allocates nothing; they are not
/// thread-safe (one per worker).
/// </remarks>
public sealed class LdpcEncoder
{
    private const int CoreColumns = 4;
    private const int MaxBlocks = 22 + CoreColumns;

    // Duplicated blocks (x, x) of the information columns and the core parity columns, 2·Z_c bytes each.
    private readonly byte[] _blocks = new byte[MaxBlocks * 2 * LiftingSize.Max];

    // λ_0..λ_3 (core row sums over the information columns), then one scratch block.
    private readonly byte[] _rows = new byte[(CoreColumns + 1) * LiftingSize.Max];

    /// <summary>
    /// Encodes one code block: d_0 … d_(L−1) of the N encoded bits, where L = <paramref name="codeword"/>.Length ≤ N
    /// (extension parity rows beyond L are not computed, which suits rate matching that reads only a prefix).
    /// </summary>
    /// <param name="information">c_0 … c_(K−1), K = <see cref="LdpcCode.InformationLength"/>, one bit per byte; filler bits must be 0 (TS 38.212 §5.3.2 encodes them as 0).</param>
    /// <param name="codeword">Receives d_k = c_(k+2Z_c) for k &lt; K − 2Z_c (filler positions as 0), then the parity bits; length 1..N.</param>
    /// <param name="code">The code (base graph and lifting size).</param>
    public void Encode(ReadOnlySpan<byte> information, Span<byte> codeword, LdpcCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        ThrowHelper.ThrowIfLengthDiffers(information.Length, code.InformationLength, nameof(information));
        if (codeword.Length < 1 || codeword.Length > code.CodewordLength)
        {
            ThrowHelper.ThrowOutOfRange(nameof(codeword), codeword.Length, $"length 1..{code.CodewordLength} (N for BG{(int)code.BaseGraph}, Z_c = {code.LiftingSize})");
        }

        int z = code.LiftingSize;
        int kb = code.InformationColumnCount;
        int k = code.InformationLength;
        Span<byte> blocks = _blocks;
        for (int column = 0; column < kb; column++)
        {
            BitBlock.Duplicate(information.Slice(column * z, z), blocks.Slice(column * 2 * z, 2 * z));
        }

        // Systematic part: d_k = c_(k+2Z_c).
        int systematic = Math.Min(codeword.Length, k - (2 * z));
        information.Slice(2 * z, systematic).CopyTo(codeword);
        if (codeword.Length == systematic)
        {
            return;
        }

        // λ_i = Σ_j P_i,j c_j over the information columns of core rows i = 0..3.
        ReadOnlySpan<int> rowStart = code.RowStart;
        ReadOnlySpan<int> edgeColumn = code.EdgeColumn;
        ReadOnlySpan<int> edgeShift = code.EdgeShift;
        Span<byte> lambda = _rows.AsSpan(0, CoreColumns * z);
        for (int row = 0; row < CoreColumns; row++)
        {
            AccumulateRow(blocks, code, rowStart[row], rowStart[row + 1], kb, lambda.Slice(row * z, z));
        }

        // Core parity p_0..p_3 (columns K_b..K_b+3), written duplicated after the information blocks.
        Span<byte> sum = _rows.AsSpan(CoreColumns * z, z);
        lambda[..z].CopyTo(sum);
        for (int row = 1; row < CoreColumns; row++)
        {
            BitBlock.XorInto(lambda.Slice(row * z, z), sum);
        }

        // P_x·p_0 = Σ λ_i, so p_0[m] = sum[mod(m − x, Z_c)]: read (sum, sum) from Z_c − x.
        Span<byte> p0 = blocks.Slice(kb * 2 * z, 2 * z);
        BitBlock.Duplicate(sum, p0);
        int x = code.CoreInverseShift;
        if (x != 0)
        {
            sum.CopyTo(p0[z..]);
            p0.Slice(z - x, z).CopyTo(sum);
            BitBlock.Duplicate(sum, p0);
        }

        // Row i (i = 0..2) gives p_(i+1) = λ_i + Σ P_i,j p_j over its known core columns j ∈ [K_b, K_b + i].
        for (int row = 0; row < CoreColumns - 1; row++)
        {
            Span<byte> next = blocks.Slice((kb + row + 1) * 2 * z, z);
            lambda.Slice(row * z, z).CopyTo(next);
            for (int e = rowStart[row]; e < rowStart[row + 1]; e++)
            {
                int column = edgeColumn[e];
                if (column >= kb && column <= kb + row)
                {
                    BitBlock.XorInto(blocks.Slice((column * 2 * z) + edgeShift[e], z), next);
                }
            }

            next.CopyTo(blocks.Slice(((kb + row + 1) * 2 * z) + z, z));
        }

        for (int column = kb; column < kb + CoreColumns; column++)
        {
            if (!WriteBlock(blocks.Slice(column * 2 * z, z), codeword, (column - 2) * z))
            {
                return;
            }
        }

        // Extension rows i ≥ 4: the parity block of column K_b + i is Σ P_i,j x_j over information and core columns,
        // written straight into the codeword (through scratch only for a last, partial block).
        Span<byte> parity = sum;
        for (int row = CoreColumns; row < code.RowCount; row++)
        {
            int offset = (kb + row - 2) * z;
            if (offset + z <= codeword.Length)
            {
                AccumulateRow(blocks, code, rowStart[row], rowStart[row + 1], kb + CoreColumns, codeword.Slice(offset, z));
                if (offset + z == codeword.Length)
                {
                    return;
                }

                continue;
            }

            AccumulateRow(blocks, code, rowStart[row], rowStart[row + 1], kb + CoreColumns, parity);
            WriteBlock(parity, codeword, offset);
            return;
        }
    }

    /// <summary>
    /// destination = Σ P_e·x_(column e) over the edges [first, end) whose column is below <paramref name="columnLimit"/>; edges
    /// are sorted by column, so these are a prefix of the row.
    /// </summary>
    private static void AccumulateRow(ReadOnlySpan<byte> blocks, LdpcCode code, int first, int end, int columnLimit, Span<byte> destination)
    {
        ReadOnlySpan<int> columns = code.EdgeColumn;
        int last = first;
        while (last < end && columns[last] < columnLimit)
        {
            last++;
        }

        if (last == first)
        {
            destination.Clear();
            return;
        }

        // The rotated block P·x of a column is (x, x)[P .. P + Z_c): one contiguous read per edge.
        BitBlock.XorSum(blocks, code.DuplicatedOffset[first..last], destination);
    }

    /// <summary>Copies as much of <paramref name="block"/> as fits at <paramref name="offset"/>; false when the codeword is full.</summary>
    private static bool WriteBlock(ReadOnlySpan<byte> block, Span<byte> codeword, int offset)
    {
        int n = Math.Min(block.Length, codeword.Length - offset);
        block[..n].CopyTo(codeword.Slice(offset, n));
        return offset + block.Length < codeword.Length;
    }
}
