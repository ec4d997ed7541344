using System;
using System.Collections.Generic;
using System.Numerics;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Dci;

/// <summary>Field-width formulas shared by the DCI formats (TS 38.212 §7.3.1).</summary>
public static class DciFieldWidths
{
    /// <summary>⌈log2 x⌉ for x ≥ 1 (0 for x = 1).</summary>
    public static int CeilLog2(int x)
    {
        ThrowHelper.ThrowIfOutside(x, 1, int.MaxValue);
        return x == 1 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)(x - 1));
    }

    /// <summary>⌈log2(N(N+1)/2)⌉, the type-1 (RIV) width.</summary>
    public static int RivBits(int rbs) => DciSizes0_0And1_0.RivBits(rbs);

    /// <summary>N_RBG = ⌈(N_BWP^size + (N_BWP^start mod P))/P⌉ (TS 38.214 §5.1.2.2.1, §6.1.2.2.1).</summary>
    public static int RbgCount(int rbs, int start, int p)
    {
        if (p is not (2 or 4 or 8 or 16))
        {
            ThrowHelper.ThrowOutOfRange(nameof(p), p, "2, 4, 8 or 16");
        }

        return (rbs + (start % p) + p - 1) / p;
    }

    /// <summary>The FDRA width for a BWP: N_RBG (type 0), the RIV width (type 1), or max of both plus 1 (dynamic switch).</summary>
    public static int FdraBits(ResourceAllocationType type, int rbs, int start, int rbgSize)
    {
        int type0Bits = RbgCount(rbs, start, rbgSize);
        int type1Bits = RivBits(rbs);
        return type switch
        {
            ResourceAllocationType.Type0 => type0Bits,
            ResourceAllocationType.Type1 => type1Bits,
            _ => Math.Max(type0Bits, type1Bits) + 1,
        };
    }

    /// <summary>⌈log2(n_BWP)⌉ with n_BWP = n_BWP,RRC + 1 when n_BWP,RRC ≤ 3, else n_BWP,RRC.</summary>
    public static int BwpIndicatorBits(int bwpCountRrc)
    {
        ThrowHelper.ThrowIfOutside(bwpCountRrc, 0, 4);
        int n = bwpCountRrc <= 3 ? bwpCountRrc + 1 : bwpCountRrc;
        return CeilLog2(n);
    }

    /// <summary>Σ widths.</summary>
    public static int Sum(IReadOnlyList<(string Field, int Bits)> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        int sum = 0;
        foreach ((_, int bits) in fields)
        {
            sum += bits;
        }

        return sum;
    }
}
