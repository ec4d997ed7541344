using System;
using System.Collections.Generic;
using System.Globalization;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// Reads the random-access configuration tables kept as text in the <c>Ts38211Table6_3_3_2_*</c> files: one row per line,
/// <c>index format x y subframes l0 slots Nt Ndur</c>, lists comma-separated, <c>-</c> for "not applicable" (long formats),
/// combined formats written <c>A1/B1</c>. Checks the size (256 rows, indices 0..255 in order) and one known row per table.
/// </summary>
internal static class PrachConfigurationTableParser
{
    public static PrachConfigurationTableRow[] Parse(string tableName, string text, int maxUnit, Func<PrachConfigurationTableRow[], bool> knownRow)
    {
        var rows = new List<PrachConfigurationTableRow>(256);
        foreach (string raw in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] f = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 9)
            {
                throw Invalid(tableName, raw, "expected 9 fields");
            }

            int index = Int(f[0]);
            string[] formats = f[1].Split('/');
            PrachPreambleFormat format = PrachFormatNames.Parse(formats[0]);
            PrachPreambleFormat? last = formats.Length == 2 ? PrachFormatNames.Parse(formats[1]) : null;
            int[] subframes = List(f[4]);
            foreach (int s in subframes)
            {
                if (s < 0 || s > maxUnit)
                {
                    throw Invalid(tableName, raw, $"subframe/slot number {s} outside 0..{maxUnit}");
                }
            }

            bool isLong = format <= PrachPreambleFormat.Format3;
            var row = new PrachConfigurationTableRow(
                index,
                format,
                last,
                Int(f[2]),
                List(f[3]),
                subframes,
                Int(f[5]),
                isLong ? 0 : Int(f[6]),
                isLong ? 0 : Int(f[7]),
                isLong ? 0 : Int(f[8]));
            if (row.X <= 0 || (!isLong && (row.PrachSlotsPerUnit is < 1 or > 2 || row.OccasionsPerPrachSlot < 1 || row.Duration < 1)))
            {
                throw Invalid(tableName, raw, "x, PRACH slots, N_t or N_dur out of range");
            }

            rows.Add(row);
        }

        PrachConfigurationTableRow[] result = rows.ToArray();
        bool ordered = result.Length == 256;
        for (int i = 0; ordered && i < result.Length; i++)
        {
            ordered = result[i].Index == i;
        }

        if (!ordered || !knownRow(result))
        {
            throw new InvalidOperationException($"TS 38.211 {tableName} failed its load check (256 rows with indices 0..255 in order and a known row).");
        }

        return result;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static int[] List(string s) => Array.ConvertAll(s.Split(','), Int);

    private static InvalidOperationException Invalid(string table, string line, string why) =>
        new($"TS 38.211 {table}: bad row '{line}': {why}.");
}
