using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>
/// Candidate SS/PBCH block positions in a half frame (TS 38.213 §4.1): the first OFDM symbol of each candidate index,
/// counted from symbol 0 of the first slot of the half frame at the SSB subcarrier spacing, and L_max.
/// </summary>
public static class SsbBlockPattern
{
    /// <summary>The subcarrier spacing of a case in kHz (15, 30, 30, 120, 240).</summary>
    public static int SubcarrierSpacingKhz(SsbCase ssbCase) => ssbCase switch
    {
        SsbCase.A => 15,
        SsbCase.B or SsbCase.C => 30,
        SsbCase.D => 120,
        _ => 240,
    };

    /// <summary>
    /// L_max, the number of candidate blocks in a half frame, from the case, the carrier frequency and the duplex mode
    /// (TS 38.213 §4.1: cases A/B: 4 up to 3 GHz else 8; case C: paired 4 up to 3 GHz, unpaired 4 up to 1.88 GHz, else 8;
    /// cases D/E: 64).
    /// </summary>
    /// <param name="ssbCase">The case.</param>
    /// <param name="carrierFrequencyHz">The carrier frequency.</param>
    /// <param name="pairedSpectrum">True for FDD (paired spectrum).</param>
    public static int MaxBlockCount(SsbCase ssbCase, double carrierFrequencyHz, bool pairedSpectrum) => ssbCase switch
    {
        SsbCase.A or SsbCase.B => carrierFrequencyHz <= 3e9 ? 4 : 8,
        SsbCase.C => carrierFrequencyHz <= (pairedSpectrum ? 3e9 : 1.88e9) ? 4 : 8,
        _ => 64,
    };

    /// <summary>The first symbols of the L_max candidates in the half frame, candidate index order.</summary>
    /// <param name="ssbCase">The case.</param>
    /// <param name="lMax">L_max (4 or 8 for A-C, 64 for D-E).</param>
    /// <param name="firstSymbols">Receives L_max symbol indices.</param>
    public static void FirstSymbols(SsbCase ssbCase, int lMax, Span<int> firstSymbols)
    {
        ThrowHelper.ThrowIfLengthDiffers(firstSymbols.Length, lMax, nameof(firstSymbols));
        ReadOnlySpan<int> offsets;
        int period;
        switch (ssbCase)
        {
            case SsbCase.A or SsbCase.C:
                offsets = [2, 8];
                period = 14;
                break;
            case SsbCase.B or SsbCase.D:
                offsets = [4, 8, 16, 20];
                period = 28;
                break;
            default:
                offsets = [8, 12, 16, 20, 32, 36, 40, 44];
                period = 56;
                break;
        }

        bool highBand = ssbCase is SsbCase.D or SsbCase.E;
        if (highBand ? lMax != 64 : lMax is not (4 or 8))
        {
            ThrowHelper.ThrowOutOfRange(nameof(lMax), lMax, highBand ? "64" : "4 or 8");
        }

        int index = 0;
        for (int n = 0; index < lMax; n++)
        {
            // Cases D and E skip every fifth n (n = 4, 9, 14 for D; n = 4 for E).
            if (highBand && n % 5 == 4)
            {
                continue;
            }

            foreach (int offset in offsets)
            {
                if (index < lMax)
                {
                    firstSymbols[index++] = offset + (period * n);
                }
            }
        }
    }
}
