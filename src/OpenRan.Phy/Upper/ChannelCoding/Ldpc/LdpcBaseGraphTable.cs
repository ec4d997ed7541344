using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>
/// One LDPC base graph H_BG with its shift coefficients V_i,j for the eight lifting-size sets (TS 38.212 §5.3.2,
/// Tables 5.3.2-2 and 5.3.2-3), loaded once from the table files and checked (size and a known entry).
/// </summary>
public sealed class LdpcBaseGraphTable
{
    private readonly short[] _dense; // [setIndex][row][column], −1 = no edge

    private LdpcBaseGraphTable(LdpcBaseGraph baseGraph, ReadOnlySpan<short> entries, int rows, int columns, int entryCount, int informationColumns, (int Row, int Column, int SetIndex, int Value) known)
    {
        const int perEntry = Ts38212Table5_3_2_2.ValuesPerEntry;
        if (entries.Length != entryCount * perEntry)
        {
            throw new InvalidOperationException($"TS 38.212 base graph {(int)baseGraph} table holds {entries.Length / perEntry} entries; expected {entryCount}.");
        }

        BaseGraph = baseGraph;
        RowCount = rows;
        ColumnCount = columns;
        EntryCount = entryCount;
        InformationColumnCount = informationColumns;
        _dense = new short[Ts38212Table5_3_2_1.SetCount * rows * columns];
        _dense.AsSpan().Fill(-1);
        for (int e = 0; e < entryCount; e++)
        {
            ReadOnlySpan<short> entry = entries.Slice(e * perEntry, perEntry);
            int row = entry[0], column = entry[1];
            if ((uint)row >= (uint)rows || (uint)column >= (uint)columns)
            {
                throw new InvalidOperationException($"TS 38.212 base graph {(int)baseGraph} entry {e} at ({row}, {column}) lies outside {rows} × {columns}.");
            }

            for (int set = 0; set < Ts38212Table5_3_2_1.SetCount; set++)
            {
                _dense[Index(set, row, column)] = entry[2 + set];
            }
        }

        if (Shift(known.Row, known.Column, known.SetIndex) != known.Value)
        {
            throw new InvalidOperationException($"TS 38.212 base graph {(int)baseGraph}: V({known.Row},{known.Column}) for i_LS = {known.SetIndex} is {Shift(known.Row, known.Column, known.SetIndex)}; expected {known.Value}.");
        }
    }

    /// <summary>Base graph 1 (TS 38.212 Table 5.3.2-2).</summary>
    public static LdpcBaseGraphTable Bg1 { get; } = new(
        LdpcBaseGraph.Bg1, Ts38212Table5_3_2_2.Entries, Ts38212Table5_3_2_2.RowCount, Ts38212Table5_3_2_2.ColumnCount, Ts38212Table5_3_2_2.EntryCount, 22, (0, 0, 0, 250));

    /// <summary>Base graph 2 (TS 38.212 Table 5.3.2-3).</summary>
    public static LdpcBaseGraphTable Bg2 { get; } = new(
        LdpcBaseGraph.Bg2, Ts38212Table5_3_2_3.Entries, Ts38212Table5_3_2_3.RowCount, Ts38212Table5_3_2_3.ColumnCount, Ts38212Table5_3_2_3.EntryCount, 10, (0, 0, 1, 174));

    /// <summary>Which base graph this is.</summary>
    public LdpcBaseGraph BaseGraph { get; }

    /// <summary>Rows of H_BG (46 or 42).</summary>
    public int RowCount { get; }

    /// <summary>Columns of H_BG (68 or 52).</summary>
    public int ColumnCount { get; }

    /// <summary>Number of non-zero entries (316 or 197).</summary>
    public int EntryCount { get; }

    /// <summary>Columns carrying information bits (22 or 10); the code has K = this · Z_c information bits including fillers.</summary>
    public int InformationColumnCount { get; }

    /// <summary>The table for <paramref name="baseGraph"/>.</summary>
    public static LdpcBaseGraphTable For(LdpcBaseGraph baseGraph) => baseGraph switch
    {
        LdpcBaseGraph.Bg1 => Bg1,
        LdpcBaseGraph.Bg2 => Bg2,
        _ => throw new ArgumentOutOfRangeException(nameof(baseGraph), baseGraph, "valid: Bg1, Bg2."),
    };

    /// <summary>V_i,j of row <paramref name="row"/> and column <paramref name="column"/> for set <paramref name="setIndex"/>, or −1 where H_BG is zero.</summary>
    public int Shift(int row, int column, int setIndex)
    {
        ThrowHelper.ThrowIfOutside(row, 0, RowCount - 1);
        ThrowHelper.ThrowIfOutside(column, 0, ColumnCount - 1);
        ThrowHelper.ThrowIfOutside(setIndex, 0, Ts38212Table5_3_2_1.SetCount - 1);
        return _dense[Index(setIndex, row, column)];
    }

    private int Index(int set, int row, int column) => (((set * RowCount) + row) * ColumnCount) + column;
}
