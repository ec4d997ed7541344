using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// TS 38.211 Table 6.3.3.1-4 (Release 17): mapping from the logical root sequence index i (0..137) to the sequence number
/// u for L_RA = 139. Source of the numbers: the specification table, which lists u = 1, 138, 2, 137, …, 69, 70 in index
/// order. Checked at load: 138 entries, a permutation of 1..138, u(0) = 1, u(137) = 70.
/// </summary>
public static class Ts38211Table6_3_3_1_4
{
    private static readonly byte[] s_sequenceNumbers = Check(
    [
        1, 138, 2, 137, 3, 136, 4, 135, 5, 134, 6, 133, 7, 132, 8, 131, 9, 130, 10, 129,
        11, 128, 12, 127, 13, 126, 14, 125, 15, 124, 16, 123, 17, 122, 18, 121, 19, 120, 20, 119,
        21, 118, 22, 117, 23, 116, 24, 115, 25, 114, 26, 113, 27, 112, 28, 111, 29, 110, 30, 109,
        31, 108, 32, 107, 33, 106, 34, 105, 35, 104, 36, 103, 37, 102, 38, 101, 39, 100, 40, 99,
        41, 98, 42, 97, 43, 96, 44, 95, 45, 94, 46, 93, 47, 92, 48, 91, 49, 90, 50, 89,
        51, 88, 52, 87, 53, 86, 54, 85, 55, 84, 56, 83, 57, 82, 58, 81, 59, 80, 60, 79,
        61, 78, 62, 77, 63, 76, 64, 75, 65, 74, 66, 73, 67, 72, 68, 71, 69, 70,
    ]);

    /// <summary>Number of logical root indices, 138.</summary>
    public const int Count = 138;

    /// <summary>u for logical root index <paramref name="logicalIndex"/> (0..137).</summary>
    public static int SequenceNumber(int logicalIndex)
    {
        ThrowHelper.ThrowIfOutside(logicalIndex, 0, Count - 1);
        return s_sequenceNumbers[logicalIndex];
    }

    private static byte[] Check(byte[] table)
    {
        bool[] seen = new bool[139];
        bool ok = table.Length == Count && table[0] == 1 && table[Count - 1] == 70;
        for (int i = 0; ok && i < table.Length; i++)
        {
            int u = table[i];
            ok = u is >= 1 and <= 138 && !seen[u];
            seen[u] = true;
        }

        return ok ? table : throw new InvalidOperationException("TS 38.211 Table 6.3.3.1-4 failed its load check (size, permutation of 1..138, known entries).");
    }
}
