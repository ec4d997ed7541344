using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Scrambling;

/// <summary>PDSCH scrambling (TS 38.211 §7.3.1.1), applied by <see cref="Scrambler"/>.</summary>
public static class PdschScrambling
{
    /// <summary>c_init = n_RNTI·2^15 + q·2^14 + n_ID (TS 38.211 §7.3.1.1).</summary>
    /// <param name="nRnti">n_RNTI, 0..65535 (the RNTI of the PDSCH transmission).</param>
    /// <param name="codewordIndex">q, 0 or 1 (0 for single-codeword transmission).</param>
    /// <param name="nId">n_ID: <c>dataScramblingIdentityPDSCH</c> (0..1023) if configured and the RNTI allows, else N_ID^cell.</param>
    public static uint InitialValue(int nRnti, int codewordIndex, int nId)
    {
        ThrowHelper.ThrowIfOutside(nRnti, 0, 65535);
        ThrowHelper.ThrowIfOutside(codewordIndex, 0, 1);
        ThrowHelper.ThrowIfOutside(nId, 0, 1023);
        return (uint)((nRnti << 15) + (codewordIndex << 14) + nId);
    }
}
