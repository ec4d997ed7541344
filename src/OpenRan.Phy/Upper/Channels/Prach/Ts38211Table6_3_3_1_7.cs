using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// TS 38.211 Table 6.3.3.1-7 (Release 17): N_CS for preamble formats with Δf_RA = 15·2^μ kHz, the L_RA = 139 column
/// (unrestricted set only). Source of the numbers: the specification table.
/// </summary>
public static class Ts38211Table6_3_3_1_7
{
    private static readonly short[] s_lra139 = [0, 2, 4, 6, 8, 10, 12, 13, 15, 17, 19, 23, 27, 34, 46, 69];

    /// <summary>N_CS for <paramref name="zeroCorrelationZoneConfig"/> (0..15), L_RA = 139.</summary>
    public static int Get(int zeroCorrelationZoneConfig)
    {
        ThrowHelper.ThrowIfOutside(zeroCorrelationZoneConfig, 0, 15);
        return s_lra139[zeroCorrelationZoneConfig];
    }
}
