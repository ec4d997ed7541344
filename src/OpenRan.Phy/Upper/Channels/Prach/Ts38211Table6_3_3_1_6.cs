namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// TS 38.211 Table 6.3.3.1-6 (Release 17): N_CS for preamble formats with Δf_RA = 5 kHz, by zeroCorrelationZoneConfig (0..15) and set.
/// Source of the numbers: the specification table; "-" entries (no N_CS defined) are −1 here and rejected by
/// <see cref="Get"/> naming the valid range.
/// </summary>
public static class Ts38211Table6_3_3_1_6
{
    private static readonly PrachCyclicShiftColumns s_columns = new(
        "Table 6.3.3.1-6",
        [0, 13, 26, 33, 38, 41, 49, 55, 64, 76, 93, 119, 139, 209, 279, 419],
        [36, 57, 72, 81, 89, 94, 103, 112, 121, 132, 137, 152, 173, 195, 216, 237],
        [36, 57, 60, 63, 65, 68, 71, 77, 81, 85, 97, 109, 122, 137, -1, -1]);

    /// <summary>Whether N_CS is defined for <paramref name="zeroCorrelationZoneConfig"/> and <paramref name="set"/>.</summary>
    public static bool IsDefined(int zeroCorrelationZoneConfig, PrachRestrictedSet set) => s_columns.IsDefined(zeroCorrelationZoneConfig, set);

    /// <summary>N_CS for <paramref name="zeroCorrelationZoneConfig"/> (0..15) and <paramref name="set"/>.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The configuration is out of range or "-" in the table for that set.</exception>
    public static int Get(int zeroCorrelationZoneConfig, PrachRestrictedSet set) => s_columns.Get(zeroCorrelationZoneConfig, set);
}
