using System;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;

namespace OpenRan.Phy.Tests.Upper.ChannelCoding.Ldpc;

public class LdpcParityCheckTests
{
    public static TheoryData<LdpcBaseGraph, int> Codes()
    {
        var data = new TheoryData<LdpcBaseGraph, int>();
        foreach (int z in new[] { 2, 7, 15, 30, 32, 36, 64, 96, 176, 384 })
        {
            data.Add(LdpcBaseGraph.Bg1, z);
            data.Add(LdpcBaseGraph.Bg2, z);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Holds_Codeword_TrueOnBothLayouts(LdpcBaseGraph bg, int z)
    {
        LdpcCode code = LdpcCode.Get(bg, z);
        var random = new Random(z);
        sbyte[] word = CodewordLlrs(code, random);
        foreach (int rows in new[] { 1, 4, code.RowCount / 2, code.RowCount })
        {
            Assert.True(LdpcParityCheck.Holds(code, rows, word));
            Assert.True(HoldsOnRotatedLayout(code, rows, word, random));
        }
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Holds_OneFlippedOrUndecidedBit_FalseWhereverItIs(LdpcBaseGraph bg, int z)
    {
        // Every column of H_BG is reached by the core rows or its own extension row, so a flipped or undecided (LLR 0) bit
        // anywhere in the checked columns, the punctured columns 0 and 1 included, fails the word.
        LdpcCode code = LdpcCode.Get(bg, z);
        var random = new Random(100 + z);
        sbyte[] word = CodewordLlrs(code, random);
        int rows = code.RowCount;
        for (int column = 0; column < LdpcParityCheck.ColumnCount(code, rows); column++)
        {
            int bit = (column * z) + random.Next(z);
            sbyte saved = word[bit];
            word[bit] = (sbyte)-saved;
            Assert.False(LdpcParityCheck.Holds(code, rows, word), $"flip in column {column}");
            Assert.False(HoldsOnRotatedLayout(code, rows, word, random), $"flip in column {column}");
            word[bit] = 0;
            Assert.False(LdpcParityCheck.Holds(code, rows, word), $"undecided bit in column {column}");
            Assert.False(HoldsOnRotatedLayout(code, rows, word, random), $"undecided bit in column {column}");
            word[bit] = saved;
        }

        // Columns beyond the checked rows do not count.
        int outside = LdpcParityCheck.ColumnCount(code, 4) * z;
        word.AsSpan(outside).Clear();
        Assert.True(LdpcParityCheck.Holds(code, 4, word));
        Assert.True(HoldsOnRotatedLayout(code, 4, word, random));
    }

    [Fact]
    public void Holds_AllZeroWord_FalseAlthoughEveryXorIsZero()
    {
        foreach (LdpcBaseGraph bg in new[] { LdpcBaseGraph.Bg1, LdpcBaseGraph.Bg2 })
        {
            LdpcCode code = LdpcCode.Get(bg, 16);
            var word = new sbyte[code.ColumnCount * 16];
            Assert.False(LdpcParityCheck.Holds(code, code.RowCount, word));
            Assert.False(HoldsOnRotatedLayout(code, code.RowCount, word, new Random(1)));
        }
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Holds_RandomWords_LayoutsAgreeWithScalarReference(LdpcBaseGraph bg, int z)
    {
        LdpcCode code = LdpcCode.Get(bg, z);
        var random = new Random(7 * z);
        for (int trial = 0; trial < 60; trial++)
        {
            // Codewords with a few random flips and zeros, so that both outcomes occur and failures sit in any row.
            sbyte[] word = CodewordLlrs(code, random);
            int damage = random.Next(3);
            for (int d = 0; d < damage; d++)
            {
                int bit = random.Next(word.Length);
                word[bit] = random.Next(2) == 0 ? (sbyte)0 : (sbyte)-word[bit];
            }

            int rows = random.Next(1, code.RowCount + 1);
            bool expected = ReferenceHolds(code, rows, word);
            Assert.Equal(expected, LdpcParityCheck.Holds(code, rows, word));
            Assert.Equal(expected, HoldsOnRotatedLayout(code, rows, word, random));
        }
    }

    [Fact]
    public void Holds_BadArguments_ThrowNamingParameter()
    {
        LdpcCode code = LdpcCode.Get(LdpcBaseGraph.Bg2, 8);
        Assert.Equal("rowCount", Assert.Throws<ArgumentOutOfRangeException>(() => LdpcParityCheck.Holds(code, 0, new sbyte[52 * 8])).ParamName);
        Assert.Equal("word", Assert.Throws<ArgumentException>(() => LdpcParityCheck.Holds(code, 42, new sbyte[(52 * 8) - 1])).ParamName);
    }

    /// <summary>LLRs ±(1..100) of a random codeword c_0 … c_(68·Z_c or 52·Z_c − 1), punctured columns included.</summary>
    private static sbyte[] CodewordLlrs(LdpcCode code, Random random)
    {
        (byte[] message, byte[] codeword) = LdpcTestSignals.RandomCodeword(code, 0, random);
        int z = code.LiftingSize;
        var word = new sbyte[code.ColumnCount * z];
        for (int i = 0; i < word.Length; i++)
        {
            int bit = i < code.InformationLength ? message[i] : codeword[i - (2 * z)];
            int magnitude = random.Next(1, 101);
            word[i] = (sbyte)(bit == 0 ? magnitude : -magnitude);
        }

        return word;
    }

    /// <summary>The bit-level count of <see cref="LdpcCode.CountUnsatisfiedChecks"/> restricted to the first rows, with zeros failing.</summary>
    private static bool ReferenceHolds(LdpcCode code, int rows, sbyte[] word)
    {
        int z = code.LiftingSize;
        for (int row = 0; row < rows; row++)
        {
            for (int column = 0; column < code.ColumnCount; column++)
            {
                int shift = code.Table.Shift(row, column, code.SetIndex);
                if (shift < 0)
                {
                    continue;
                }

                for (int m = 0; m < z; m++)
                {
                    if (word[(column * z) + ((m + shift) % z)] == 0)
                    {
                        return false;
                    }
                }
            }

            for (int m = 0; m < z; m++)
            {
                int parity = 0;
                for (int column = 0; column < code.ColumnCount; column++)
                {
                    int shift = code.Table.Shift(row, column, code.SetIndex);
                    if (shift >= 0)
                    {
                        parity ^= word[(column * z) + ((m + shift) % z)] < 0 ? 1 : 0;
                    }
                }

                if (parity != 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Stores the word in the vectorized decoders' layout (each column duplicated, rotated by a random s_j, at a random
    /// offset, padding filled with garbage) and checks it there.
    /// </summary>
    private static bool HoldsOnRotatedLayout(LdpcCode code, int rows, sbyte[] word, Random random)
    {
        int z = code.LiftingSize;
        int columns = LdpcParityCheck.ColumnCount(code, rows);
        int stride = (2 * z) + 64;
        var storage = new sbyte[(columns * stride) + 64];
        random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(storage.AsSpan()));
        var start = new int[columns];
        var rotation = new int[columns];
        for (int j = 0; j < columns; j++)
        {
            start[j] = (j * stride) + random.Next(32);
            rotation[j] = random.Next(z);
            for (int m = 0; m < z; m++)
            {
                sbyte value = word[(j * z) + ((m + rotation[j]) % z)];
                storage[start[j] + m] = value;
                storage[start[j] + z + m] = value;
            }
        }

        return LdpcParityCheck.Holds(code, rows, storage, start, rotation);
    }
}
