namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>Limits of the DCI polar code (TS 38.212 §7.3.3: K ≤ 164 with I_IL = 1).</summary>
internal static class Ts38212Limits
{
    /// <summary>K_max for the downlink polar code, 164.</summary>
    public const int MaxK = 164;
}
