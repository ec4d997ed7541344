using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// The embedded LDPC base graphs (TS 38.212 Tables 5.3.2-2 and 5.3.2-3) against every copy of the tables in the vector root:
/// the derived CSV and dense NPY (<c>derived/</c>), Sionna's CSV (<c>sionna/ldpc</c>), OAI's text tables
/// (<c>oai/ldpc_base_graphs</c>) and MATLAB's <c>.mat1</c> files (<c>py5gphy_matlab/ldpc_base_graph_tables</c>).
/// One case per file; every entry (edge or no edge, and V_i,j) must agree.
/// </summary>
public sealed class LdpcBaseGraphCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "ldpc-base-graph";

    /// <inheritdoc />
    public string Description => "LDPC base graphs and shift coefficients (TS 38.212 Tables 5.3.2-2/-3), all copies";

    /// <inheritdoc />
    public string RelativeFolder => ".";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder)
    {
        (string Folder, string Pattern)[] sources =
        [
            ("derived", "ldpc_bg*_shifts.csv"),
            ("derived", "ldpc_bg*_dense_int16.npy"),
            ("sionna/ldpc", "5G_bg*.csv"),
            ("oai/ldpc_base_graphs", "BG*_I*.txt"),
            ("py5gphy_matlab/ldpc_base_graph_tables", "BG*S*.mat1"),
        ];
        foreach ((string sub, string pattern) in sources)
        {
            string path = Path.Combine(folder, sub);
            if (Directory.Exists(path))
            {
                foreach (string file in ConformanceRunner.FilesIn(path, pattern))
                {
                    yield return file;
                }
            }
        }
    }

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        string name = Path.GetFileName(caseId);
        LdpcBaseGraphTable table = LdpcBaseGraphTable.For(name.Contains("bg1", StringComparison.OrdinalIgnoreCase) ? LdpcBaseGraph.Bg1 : LdpcBaseGraph.Bg2);
        string? diff;
        int compared;
        if (name.EndsWith("_shifts.csv", StringComparison.Ordinal) || name.StartsWith("5G_bg", StringComparison.Ordinal))
        {
            (diff, compared) = CompareSparse(table, ReadSparse(caseId, name.StartsWith("5G_bg", StringComparison.Ordinal)), caseId);
        }
        else if (name.EndsWith(".npy", StringComparison.Ordinal))
        {
            NpyArray dense = NpyArray.Load(caseId);
            (diff, compared) = CompareDense(table, dense.Shape, dense.ToInt32Array(), sets: [0, 1, 2, 3, 4, 5, 6, 7], rowMajor: true, caseId);
        }
        else if (name.EndsWith(".txt", StringComparison.Ordinal))
        {
            int set = name[^5] - '0';
            int[] values = File.ReadAllText(caseId).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            (diff, compared) = CompareDense(table, [1, table.RowCount, table.ColumnCount], values, sets: [set], rowMajor: true, caseId);
        }
        else
        {
            int set = name[^6] - '0';
            MatNumericArray bg = MatFile.Load(caseId).Numeric("BG");
            (diff, compared) = CompareDense(table, [1, bg.Rows, bg.Columns], bg.ToInt32Array(), sets: [set], rowMajor: false, caseId);
        }

        return diff is null ? CaseResult.Pass($"BG{(int)table.BaseGraph}: {compared} entries agree") : CaseResult.Fail(diff);
    }

    /// <summary>Reads (row, column, V for i_LS 0..7) lines; Sionna's format leaves the row empty when it repeats and has two header lines.</summary>
    private static List<int[]> ReadSparse(string path, bool sionna)
    {
        var entries = new List<int[]>();
        char separator = sionna ? ';' : ',';
        int row = -1;
        foreach (string line in File.ReadLines(path).Skip(sionna ? 2 : 1))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string[] fields = line.Split(separator);
            if (fields[0].Trim().Length > 0)
            {
                row = int.Parse(fields[0], CultureInfo.InvariantCulture);
            }

            var entry = new int[10];
            entry[0] = row;
            for (int i = 1; i < 10; i++)
            {
                entry[i] = int.Parse(fields[i], CultureInfo.InvariantCulture);
            }

            entries.Add(entry);
        }

        return entries;
    }

    private static (string? Diff, int Compared) CompareSparse(LdpcBaseGraphTable table, List<int[]> entries, string source)
    {
        if (entries.Count != table.EntryCount)
        {
            return ($"{source}: {entries.Count} entries, expected {table.EntryCount}", 0);
        }

        foreach (int[] e in entries)
        {
            for (int set = 0; set < 8; set++)
            {
                int expected = table.Shift(e[0], e[1], set);
                if (expected != e[2 + set])
                {
                    return ($"V({e[0]},{e[1]}) for i_LS = {set}: file {e[2 + set]}, embedded table {expected}", 0);
                }
            }
        }

        return (null, entries.Count * 8);
    }

    private static (string? Diff, int Compared) CompareDense(LdpcBaseGraphTable table, int[] shape, int[] values, int[] sets, bool rowMajor, string source)
    {
        int rows = table.RowCount, columns = table.ColumnCount;
        if (shape.Aggregate(1, (a, b) => a * b) != sets.Length * rows * columns || values.Length != sets.Length * rows * columns)
        {
            return ($"{source}: shape ({string.Join('x', shape)}), expected {sets.Length}×{rows}×{columns}", 0);
        }

        for (int s = 0; s < sets.Length; s++)
        {
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    int index = rowMajor ? (((s * rows) + r) * columns) + c : (c * rows) + r;
                    int expected = table.Shift(r, c, sets[s]);
                    if (values[index] != expected)
                    {
                        return ($"entry ({r},{c}) for i_LS = {sets[s]}: file {values[index]}, embedded table {expected}", 0);
                    }
                }
            }
        }

        return (null, sets.Length * rows * columns);
    }
}
