using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>The PBCH DM-RS sequence (TS 38.211 §7.4.1.4.1).</summary>
public static class PbchDmrs
{
    /// <summary>
    /// c_init = 2^11·(ī_SSB + 1)·(⌊N_ID^cell/4⌋ + 1) + 2^6·(ī_SSB + 1) + (N_ID^cell mod 4).
    /// </summary>
    /// <param name="iBarSsb">ī_SSB, 0..7: for L_max = 4, i_SSB (2 LSBs of the block index) + 4·n_hf; else the 3 LSBs.</param>
    /// <param name="nIdCell">N_ID^cell.</param>
    public static uint CInit(int iBarSsb, int nIdCell)
    {
        ThrowHelper.ThrowIfOutside(iBarSsb, 0, 7);
        ThrowHelper.ThrowIfOutside(nIdCell, 0, 1007);
        return (uint)((((iBarSsb + 1) * ((nIdCell / 4) + 1)) << 11) + ((iBarSsb + 1) << 6) + (nIdCell % 4));
    }

    /// <summary>ī_SSB from the block index and half frame (TS 38.211 §7.4.1.4.1).</summary>
    public static int IBar(int ssbIndex, int halfFrame, int lMax) => lMax == 4 ? (ssbIndex & 3) + (4 * halfFrame) : ssbIndex & 7;

    /// <summary>Writes r(0..143) = QPSK of c(n) with <see cref="CInit"/>, amplitude 1/√2 per dimension.</summary>
    public static void Generate(int iBarSsb, int nIdCell, PseudoRandomSequence sequence, Span<ComplexF32> destination)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, SsbResourceMap.DmrsSymbolCount, nameof(destination));
        sequence.Initialize(CInit(iBarSsb, nIdCell));
        sequence.GenerateQpsk(destination, 0.70710678118654752f);
    }
}
