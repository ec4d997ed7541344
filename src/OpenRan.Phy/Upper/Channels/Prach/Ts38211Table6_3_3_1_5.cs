namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// TS 38.211 Table 6.3.3.1-5 (Release 17): N_CS for preamble formats with Δf_RA = 1.25 kHz, by zeroCorrelationZoneConfig (0..15) and set.
/// Source of the numbers: the specification table; "-" entries (no N_CS defined) are −1 here and rejected by
/// <see cref="Get"/> naming the valid range.
/// </summary>
public static class Ts38211Table6_3_3_1_5
{
    private static readonly PrachCyclicShiftColumns s_columns = new(
        "Table 6.3.3.1-5",
        [0, 13, 15, 18, 22, 26, 32, 38, 46, 59, 76, 93, 119, 167, 279, 419],
        [15, 18, 22, 26, 32, 38, 46, 55, 68, 82, 100, 128, 158, 202, 237, -1],
        [15, 18, 22, 26, 32, 38, 46, 55, 68, 82, 100, 118, 137, -1, -1, -1]);

    /// <summary>Whether N_CS is defined for <paramref name="zeroCorrelationZoneConfig"/> and <paramref name="set"/>.</summary>
    public static bool IsDefined(int zeroCorrelationZoneConfig, PrachRestrictedSet set) => s_columns.IsDefined(zeroCorrelationZoneConfig, set);

    /// <summary>N_CS for <paramref name="zeroCorrelationZoneConfig"/> (0..15) and <paramref name="set"/>.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The configuration is out of range or "-" in the table for that set.</exception>
    public static int Get(int zeroCorrelationZoneConfig, PrachRestrictedSet set) => s_columns.Get(zeroCorrelationZoneConfig, set);
}
