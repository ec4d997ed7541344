using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>
/// A lifted LDPC code of TS 38.212 §5.3.2: base graph BG and lifting size Z_c. H is H_BG with every non-zero entry
/// replaced by the Z_c × Z_c identity cyclically shifted by P_i,j = mod(V_i,j, Z_c) and every zero by the zero matrix.
/// </summary>
/// <remarks>
/// Circulant convention (TS 38.212 §5.3.2): row m of block (i, j) has its one in column mod(m + P_i,j, Z_c), so block
/// (i, j) applied to the Z_c bits x of column j gives y[m] = x[mod(m + P_i,j, Z_c)] (a cyclic rotation to the left).
/// Instances are immutable and shared: <see cref="Get"/> returns one of 102 codes built once.
/// </remarks>
public sealed class LdpcCode
{
    private static readonly LdpcCode[] s_bg1 = BuildAll(LdpcBaseGraphTable.Bg1);
    private static readonly LdpcCode[] s_bg2 = BuildAll(LdpcBaseGraphTable.Bg2);

    private readonly int[] _rowStart;
    private readonly int[] _edgeColumn;
    private readonly int[] _edgeShift;
    private readonly int[] _duplicatedOffset;

    private LdpcCode(LdpcBaseGraphTable table, int zc)
    {
        Table = table;
        LiftingSize = zc;
        SetIndex = Ldpc.LiftingSize.SetIndex(zc);
        _rowStart = new int[table.RowCount + 1];
        _edgeColumn = new int[table.EntryCount];
        _edgeShift = new int[table.EntryCount];
        int e = 0;
        for (int row = 0; row < table.RowCount; row++)
        {
            _rowStart[row] = e;
            for (int column = 0; column < table.ColumnCount; column++)
            {
                int v = table.Shift(row, column, SetIndex);
                if (v >= 0)
                {
                    _edgeColumn[e] = column;
                    _edgeShift[e] = v % zc;
                    e++;
                }
            }

            MaxRowDegree = Math.Max(MaxRowDegree, e - _rowStart[row]);
        }

        _rowStart[table.RowCount] = e;
        CoreInverseShift = ValidateStructure();
        _duplicatedOffset = new int[table.EntryCount];
        for (int i = 0; i < _duplicatedOffset.Length; i++)
        {
            _duplicatedOffset[i] = (_edgeColumn[i] * 2 * zc) + _edgeShift[i];
        }
    }

    /// <summary>The base graph table.</summary>
    public LdpcBaseGraphTable Table { get; }

    /// <summary>The base graph.</summary>
    public LdpcBaseGraph BaseGraph => Table.BaseGraph;

    /// <summary>The lifting size Z_c.</summary>
    public int LiftingSize { get; }

    /// <summary>The set index i_LS of Z_c (TS 38.212 Table 5.3.2-1).</summary>
    public int SetIndex { get; }

    /// <summary>K: information bits per code block including filler bits (22·Z_c for BG1, 10·Z_c for BG2).</summary>
    public int InformationLength => Table.InformationColumnCount * LiftingSize;

    /// <summary>N: encoded bits d_0 … d_(N−1) after the first 2·Z_c systematic bits are punctured (66·Z_c or 50·Z_c).</summary>
    public int CodewordLength => (Table.ColumnCount - 2) * LiftingSize;

    /// <summary>Number of parity-check rows of H_BG.</summary>
    public int RowCount => Table.RowCount;

    /// <summary>Number of variable-node columns of H_BG.</summary>
    public int ColumnCount => Table.ColumnCount;

    /// <summary>Information columns of H_BG (22 or 10).</summary>
    public int InformationColumnCount => Table.InformationColumnCount;

    /// <summary>The largest number of non-zero blocks in one row of H_BG.</summary>
    public int MaxRowDegree { get; }

    /// <summary>
    /// The shift x with Σ_(i=0..3) P_(i,K_b) = P_x over GF(2): summing the four core rows of H cancels the double-diagonal
    /// parity columns and leaves P_x·p_0 = Σ λ_i, so p_0 is the sum rotated right by x (TS 38.212 §5.3.2 core structure).
    /// </summary>
    internal int CoreInverseShift { get; }

    /// <summary>Edge index range of each row: edges of row i are [RowStart[i], RowStart[i+1]).</summary>
    internal ReadOnlySpan<int> RowStart => _rowStart;

    /// <summary>Column j of every edge, row by row in increasing column order.</summary>
    internal ReadOnlySpan<int> EdgeColumn => _edgeColumn;

    /// <summary>P_i,j = mod(V_i,j, Z_c) of every edge.</summary>
    internal ReadOnlySpan<int> EdgeShift => _edgeShift;

    /// <summary>
    /// For every edge, where P_i,j·x_j starts when each column's Z_c bits are stored duplicated, (x_j, x_j), one column
    /// after another: 2·Z_c·j + P_i,j (the encoder's layout).
    /// </summary>
    internal ReadOnlySpan<int> DuplicatedOffset => _duplicatedOffset;

    /// <summary>The code for <paramref name="baseGraph"/> and lifting size <paramref name="zc"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown base graph or <paramref name="zc"/> not a lifting size.</exception>
    public static LdpcCode Get(LdpcBaseGraph baseGraph, int zc)
    {
        LdpcCode[] codes = baseGraph switch
        {
            LdpcBaseGraph.Bg1 => s_bg1,
            LdpcBaseGraph.Bg2 => s_bg2,
            _ => throw new ArgumentOutOfRangeException(nameof(baseGraph), baseGraph, "valid: Bg1, Bg2."),
        };
        if (!Ldpc.LiftingSize.IsValid(zc))
        {
            ThrowHelper.ThrowOutOfRange(nameof(zc), zc, "a lifting size of TS 38.212 Table 5.3.2-1");
        }

        return codes[Ldpc.LiftingSize.All.IndexOf(zc)];
    }

    /// <summary>
    /// Counts the parity checks of H that the codeword fails (0 for a codeword), from the K information bits c (filler bits as 0)
    /// and the N encoded bits d (TS 38.212 §5.3.2: c_0 … c_(2Z_c−1) are the punctured columns, d_k = c_(k+2Z_c) for k &lt; K − 2Z_c, then parity).
    /// </summary>
    /// <param name="information">c_0 … c_(K−1), one bit per byte.</param>
    /// <param name="codeword">d_0 … d_(N−1), one bit per byte; filler positions are ignored (c supplies them).</param>
    public int CountUnsatisfiedChecks(ReadOnlySpan<byte> information, ReadOnlySpan<byte> codeword)
    {
        ThrowHelper.ThrowIfLengthDiffers(information.Length, InformationLength, nameof(information));
        ThrowHelper.ThrowIfLengthDiffers(codeword.Length, CodewordLength, nameof(codeword));
        int z = LiftingSize;
        int failed = 0;
        for (int row = 0; row < RowCount; row++)
        {
            for (int m = 0; m < z; m++)
            {
                int parity = 0;
                for (int e = _rowStart[row]; e < _rowStart[row + 1]; e++)
                {
                    int bit = (_edgeColumn[e] * z) + ((m + _edgeShift[e]) % z);
                    parity ^= bit < InformationLength ? information[bit] : codeword[bit - (2 * z)];
                }

                failed += parity & 1;
            }
        }

        return failed;
    }

    /// <summary>
    /// Checks the structure the encoder relies on: rows 0..3 form the core (column K_b in an odd number of them with
    /// one shift left over after pairs cancel, columns K_b+1..K_b+3 a double diagonal of identities), and every row i ≥ 4
    /// has the identity at column K_b + i and otherwise only information and core columns. Returns x (see
    /// <see cref="CoreInverseShift"/>).
    /// </summary>
    private int ValidateStructure()
    {
        int kb = InformationColumnCount;
        int x = -1;
        int firstCount = 0;
        int first = -1;
        int distinct = 0;
        for (int row = 0; row < 4; row++)
        {
            for (int e = _rowStart[row]; e < _rowStart[row + 1]; e++)
            {
                int column = _edgeColumn[e];
                if (column == kb)
                {
                    // Shifts of column K_b: pairs of equal shifts cancel; exactly one shift must remain.
                    if (first < 0 || _edgeShift[e] == first)
                    {
                        first = _edgeShift[e];
                        firstCount++;
                    }
                    else
                    {
                        x = _edgeShift[e];
                        distinct++;
                    }
                }
                else if (column > kb && column < kb + 4)
                {
                    bool diagonal = column == kb + 1 + row || column == kb + row;
                    if (!diagonal || _edgeShift[e] != 0)
                    {
                        throw new InvalidOperationException($"LDPC BG{(int)BaseGraph} Z={LiftingSize}: core row {row} has an unexpected entry in column {column}.");
                    }
                }
                else if (column >= kb + 4)
                {
                    throw new InvalidOperationException($"LDPC BG{(int)BaseGraph} Z={LiftingSize}: core row {row} reaches extension column {column}.");
                }
            }
        }

        if (!(firstCount == 2 && distinct == 1))
        {
            throw new InvalidOperationException($"LDPC BG{(int)BaseGraph} Z={LiftingSize}: column {kb} does not have the (a, b, a) core structure.");
        }

        for (int row = 4; row < RowCount; row++)
        {
            bool hasIdentity = false;
            for (int e = _rowStart[row]; e < _rowStart[row + 1]; e++)
            {
                int column = _edgeColumn[e];
                if (column == kb + row && _edgeShift[e] == 0)
                {
                    hasIdentity = true;
                }
                else if (column >= kb + 4)
                {
                    throw new InvalidOperationException($"LDPC BG{(int)BaseGraph} Z={LiftingSize}: extension row {row} has an entry in column {column}.");
                }
            }

            if (!hasIdentity)
            {
                throw new InvalidOperationException($"LDPC BG{(int)BaseGraph} Z={LiftingSize}: extension row {row} lacks the identity at column {kb + row}.");
            }
        }

        return x;
    }

    private static LdpcCode[] BuildAll(LdpcBaseGraphTable table)
    {
        var codes = new LdpcCode[Ldpc.LiftingSize.All.Length];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = new LdpcCode(table, Ldpc.LiftingSize.All[i]);
        }

        return codes;
    }
}
