using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Scrambling;

/// <summary>PBCH scrambling (TS 38.211 §7.3.3.1), applied by <see cref="Scrambler"/>.</summary>
/// <remarks>
/// This is the physical-layer scrambling of the 864 coded PBCH bits; the scrambling of the PBCH payload before CRC
/// attachment (TS 38.212 §7.1.2) is part of BCH coding.
/// </remarks>
public static class PbchScrambling
{
    /// <summary>M_bit, the number of bits transmitted on the PBCH (TS 38.211 §7.3.3.1, TS 38.212 §7.1.5: E = 864).</summary>
    public const int BitCount = 864;

    /// <summary>c_init = N_ID^cell (TS 38.211 §7.3.3.1).</summary>
    /// <param name="nIdCell">N_ID^cell, 0..1007.</param>
    public static uint InitialValue(int nIdCell)
    {
        ThrowHelper.ThrowIfOutside(nIdCell, 0, 1007);
        return (uint)nIdCell;
    }

    /// <summary>
    /// The sequence offset v·M_bit of TS 38.211 §7.3.3.1: the scrambled bits are b̃(i) = (b(i) + c(i + v·M_bit)) mod 2 with
    /// v the 2 least significant bits of the SS/PBCH block index i_SSB for L_max = 4, or its 3 least significant bits for
    /// L_max = 8 or 64.
    /// </summary>
    /// <param name="ssbIndex">i_SSB or ī_SSB, 0..63 (only its 2 or 3 least significant bits matter).</param>
    /// <param name="lMax">L_max: 4, 8 or 64.</param>
    public static int SequenceOffset(int ssbIndex, int lMax)
    {
        if (lMax is not (4 or 8 or 64))
        {
            ThrowHelper.ThrowOutOfRange(nameof(lMax), lMax, "4, 8 or 64");
        }

        ThrowHelper.ThrowIfOutside(ssbIndex, 0, 63);
        int v = lMax == 4 ? ssbIndex & 3 : ssbIndex & 7;
        return v * BitCount;
    }
}
