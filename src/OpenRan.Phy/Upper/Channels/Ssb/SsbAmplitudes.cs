namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>Amplitude scaling of the SS/PBCH block components (TS 38.211 §7.4.3.1: β_PSS, β_SSS, β_PBCH, β_PBCH^DM-RS).</summary>
/// <param name="Pss">β_PSS.</param>
/// <param name="Sss">β_SSS.</param>
/// <param name="Pbch">β_PBCH.</param>
/// <param name="Dmrs">β_PBCH^DM-RS.</param>
public readonly record struct SsbAmplitudes(float Pss, float Sss, float Pbch, float Dmrs)
{
    /// <summary>All four scale factors 1 (equal EPRE, as MATLAB's default).</summary>
    public static SsbAmplitudes Unit => new(1f, 1f, 1f, 1f);
}
