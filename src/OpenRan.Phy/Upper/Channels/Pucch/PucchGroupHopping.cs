namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>The higher-layer parameter <c>pucch-GroupHopping</c> (TS 38.331 PUCCH-ConfigCommon; TS 38.211 §6.3.2.2.1).</summary>
public enum PucchGroupHopping
{
    /// <summary><c>neither</c>: no group and no sequence hopping (f_gh = 0, v = 0).</summary>
    Neither = 0,

    /// <summary><c>enable</c>: group hopping, no sequence hopping (f_gh from the Gold sequence, v = 0).</summary>
    Enable = 1,

    /// <summary><c>disable</c>: no group hopping, sequence hopping (f_gh = 0, v from the Gold sequence for M_ZC ≥ 72).</summary>
    Disable = 2,
}
