using System;
using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Conformance.Checks.Ssb;

/// <summary>The SSB configuration of one MATLAB ssb test vector and the blocks of its 10 ms frame (SFN 0).</summary>
/// <param name="Mib">The MIB (SFN 0).</param>
/// <param name="NIdCell">N_ID^cell.</param>
/// <param name="Case">The block pattern.</param>
/// <param name="LMax">L_max.</param>
/// <param name="SlotCount">Slots of the 10 ms frame.</param>
/// <param name="FirstSubcarrier">The carrier-grid subcarrier of block subcarrier 0, rounded down when the block sits half a subcarrier off the grid.</param>
/// <param name="Bitmap">The transmitted-block bitmap.</param>
/// <param name="PeriodMs">The burst period.</param>
/// <param name="HalfSubcarrierShift">True when (12·N_CRB^SSB + k_SSB)·15 kHz is an odd multiple of half the SSB subcarrier spacing (odd k_SSB at 30 kHz): the block lies ½ subcarrier above <paramref name="FirstSubcarrier"/>.</param>
internal sealed record SsbFrame(Mib Mib, int NIdCell, SsbCase Case, int LMax, int SlotCount, int FirstSubcarrier, byte[] Bitmap, int PeriodMs, bool HalfSubcarrierShift)
{
    public static SsbFrame FromMat(MatFile mat)
    {
        int scs = mat.Numeric("scs").ScalarInt32;
        SsbCase ssbCase = mat.Numeric("BlockPattern_idx").ScalarInt32 switch
        {
            0 => SsbCase.A,
            1 => SsbCase.B,
            2 => SsbCase.C,
            int other => throw new System.IO.InvalidDataException($"{mat.Path}: BlockPattern_idx {other} is not 0, 1 or 2."),
        };
        double carrierHz = mat.Numeric("carrier_freq_in_mhz").ScalarDouble * 1e6;
        int kSsb = mat.Numeric("KSSB").ScalarInt32;
        int nCrbSsb = mat.Numeric("NCRBSSB").ScalarInt32;
        var mib = new Mib(
            0,
            scs != 15,
            kSsb,
            mat.Numeric("DMRSTypeAPosition").ScalarInt32,
            mat.Numeric("PDCCHConfigSIB1").ScalarInt32,
            mat.Numeric("CellBarred_idx").ScalarInt32 == 0,
            mat.Numeric("IntraFreqReselection_idx").ScalarInt32 == 0);
        // TS 38.211 §7.4.3.1: subcarrier 0 of the block is k_SSB 15-kHz subcarriers above CRB N_CRB^SSB (15-kHz units in FR1,
        // also for a 30 kHz block). An odd count at 30 kHz puts the block half a subcarrier above a 30 kHz subcarrier.
        int offset15 = (nCrbSsb * NrConstants.SubcarriersPerRb) + kSsb;
        int first = offset15 * 15 / scs;
        bool half = offset15 * 15 % scs != 0;
        return new SsbFrame(mib, mat.Numeric("NCellID").ScalarInt32, ssbCase, SsbBlockPattern.MaxBlockCount(ssbCase, carrierHz, pairedSpectrum: false),
            10 * scs / 15, first, mat.Numeric("TransmittedBlocks").ToBits(), mat.Numeric("Period").ScalarInt32, half);
    }

    /// <summary>(first symbol in the frame, block index, half frame) of every transmitted block.</summary>
    public List<(int Symbol, int Index, int HalfFrame)> Blocks()
    {
        var blocks = new List<(int, int, int)>();
        var firstSymbols = new int[LMax];
        SsbBlockPattern.FirstSymbols(Case, LMax, firstSymbols);
        int halfFrameSymbols = SlotCount / 2 * NrConstants.SymbolsPerSlotNormalCp;
        for (int halfFrame = 0; halfFrame < 2; halfFrame++)
        {
            // SFN 0: half frame h carries a burst when h is a multiple of the period in half frames.
            if (halfFrame % Math.Max(1, PeriodMs / 5) != 0)
            {
                continue;
            }

            for (int i = 0; i < LMax && i < Bitmap.Length; i++)
            {
                if (Bitmap[i] == 1)
                {
                    blocks.Add(((halfFrame * halfFrameSymbols) + firstSymbols[i], i, halfFrame));
                }
            }
        }

        return blocks;
    }
}
