using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>The LDPC lifting sizes Z_c of TS 38.212 Table 5.3.2-1 and their set indices i_LS.</summary>
public static class LiftingSize
{
    /// <summary>The largest lifting size, 384.</summary>
    public const int Max = Ts38212Table5_3_2_1.MaxLiftingSize;

    private static readonly int[] s_sizes = BuildSizes();
    private static readonly sbyte[] s_setIndex = BuildSetIndex();

    /// <summary>All 51 lifting sizes in increasing order.</summary>
    public static ReadOnlySpan<int> All => s_sizes;

    /// <summary>Whether <paramref name="zc"/> is one of the 51 lifting sizes.</summary>
    public static bool IsValid(int zc) => (uint)zc <= Max && s_setIndex[zc] >= 0;

    /// <summary>The set index i_LS (0..7) of the set that contains <paramref name="zc"/> (TS 38.212 Table 5.3.2-1).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="zc"/> is not a lifting size.</exception>
    public static int SetIndex(int zc)
    {
        if (!IsValid(zc))
        {
            ThrowHelper.ThrowOutOfRange(nameof(zc), zc, "a lifting size of TS 38.212 Table 5.3.2-1 (a·2^j, a ∈ {2,3,5,7,9,11,13,15}, ≤ 384)");
        }

        return s_setIndex[zc];
    }

    /// <summary>
    /// The minimum lifting size Z_c with <paramref name="kb"/> · Z_c ≥ <paramref name="kPrime"/> (TS 38.212 §5.2.2), or −1
    /// when even Z = 384 is too small.
    /// </summary>
    public static int Smallest(int kb, int kPrime)
    {
        foreach (int z in s_sizes)
        {
            if ((long)kb * z >= kPrime)
            {
                return z;
            }
        }

        return -1;
    }

    private static int[] BuildSizes()
    {
        var sizes = new int[Ts38212Table5_3_2_1.SizeCount];
        int n = 0;
        for (int z = 2; z <= Max; z++)
        {
            if (FindSet(z) >= 0)
            {
                sizes[n++] = z;
            }
        }

        if (n != Ts38212Table5_3_2_1.SizeCount || sizes[0] != 2 || sizes[^1] != Max)
        {
            throw new InvalidOperationException($"TS 38.212 Table 5.3.2-1 produced {n} lifting sizes; expected {Ts38212Table5_3_2_1.SizeCount} from 2 to {Max}.");
        }

        return sizes;
    }

    private static sbyte[] BuildSetIndex()
    {
        var index = new sbyte[Max + 1];
        for (int z = 0; z <= Max; z++)
        {
            index[z] = (sbyte)FindSet(z);
        }

        return index;
    }

    private static int FindSet(int z)
    {
        if (z < 2)
        {
            return -1;
        }

        ReadOnlySpan<byte> bases = Ts38212Table5_3_2_1.SetBase;
        for (int set = 0; set < bases.Length; set++)
        {
            for (int size = bases[set]; size <= Max; size *= 2)
            {
                if (size == z)
                {
                    return set;
                }
            }
        }

        return -1;
    }
}
