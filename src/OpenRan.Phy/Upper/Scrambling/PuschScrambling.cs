using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Scrambling;

/// <summary>PUSCH scrambling (TS 38.211 §6.3.1.1), applied by <see cref="Scrambler"/>.</summary>
/// <remarks>
/// UCI placeholder bits (the x and y of TS 38.211 §6.3.1.1 / TS 38.212 §6.3.2.4) are not scrambled but set to 1 or to the
/// previous scrambled bit; that rule belongs to UCI multiplexing on PUSCH and is applied around this kernel.
/// </remarks>
public static class PuschScrambling
{
    /// <summary>c_init = n_RNTI·2^15 + n_ID (TS 38.211 §6.3.1.1).</summary>
    /// <param name="nRnti">n_RNTI, 0..65535 (the C-RNTI, MCS-C-RNTI, TC-RNTI or CS-RNTI of the transmission).</param>
    /// <param name="nId">n_ID: <c>dataScramblingIdentityPUSCH</c> (0..1023) if configured and the RNTI allows, else N_ID^cell.</param>
    public static uint InitialValue(int nRnti, int nId)
    {
        ThrowHelper.ThrowIfOutside(nRnti, 0, 65535);
        ThrowHelper.ThrowIfOutside(nId, 0, 1023);
        return (uint)((nRnti << 15) + nId);
    }
}
