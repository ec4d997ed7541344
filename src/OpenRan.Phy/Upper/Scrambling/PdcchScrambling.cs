using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Scrambling;

/// <summary>PDCCH scrambling (TS 38.211 §7.3.2.3), applied by <see cref="Scrambler"/>.</summary>
public static class PdcchScrambling
{
    /// <summary>c_init = (n_RNTI·2^16 + n_ID) mod 2^31 (TS 38.211 §7.3.2.3).</summary>
    /// <param name="nRnti">
    /// n_RNTI, 0..65535: the C-RNTI for a UE-specific search space when <c>pdcch-DMRS-ScramblingID</c> is configured, else 0.
    /// </param>
    /// <param name="nId">n_ID, 0..65535: <c>pdcch-DMRS-ScramblingID</c> if configured, else N_ID^cell.</param>
    public static uint InitialValue(int nRnti, int nId)
    {
        ThrowHelper.ThrowIfOutside(nRnti, 0, 65535);
        ThrowHelper.ThrowIfOutside(nId, 0, 65535);
        return (uint)((((long)nRnti << 16) + nId) & 0x7FFF_FFFF);
    }
}
