using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Scrambling;

/// <summary>
/// The scrambling of PUCCH formats 2, 3 and 4 (TS 38.211 §6.3.2.5.1, §6.3.2.6.1): b̃(i) = (b(i) + c(i)) mod 2 with the
/// Gold sequence c(i) of TS 38.211 §5.2.1 initialised with c_init = n_RNTI·2^15 + n_ID.
/// </summary>
/// <remarks>
/// n_ID is <c>dataScramblingIdentityPUSCH</c> (0..1023) when configured, else N_ID^cell (0..1007); n_RNTI is the C-RNTI.
/// The bits are scrambled with <see cref="Sequences.PseudoRandomSequence"/> started at this value.
/// </remarks>
public static class PucchScrambling
{
    /// <summary>c_init = n_RNTI·2^15 + n_ID (TS 38.211 §6.3.2.5.1, §6.3.2.6.1).</summary>
    /// <param name="nRnti">n_RNTI, 0..65535.</param>
    /// <param name="nId">n_ID, 0..1023.</param>
    public static uint InitialValue(int nRnti, int nId)
    {
        ThrowHelper.ThrowIfOutside(nRnti, 0, 65535);
        ThrowHelper.ThrowIfOutside(nId, 0, 1023);
        return ((uint)nRnti << 15) + (uint)nId;
    }
}
