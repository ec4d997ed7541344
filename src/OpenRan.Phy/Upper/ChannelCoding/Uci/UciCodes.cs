using OpenRan.Phy.Upper.ChannelCoding.Polar;

namespace OpenRan.Phy.Upper.ChannelCoding.Uci;

/// <summary>A per-instance cache of UCI polar codes keyed by (K_r, E_r), so steady-state coding allocates nothing.</summary>
internal static class UciCodes
{
    public static PolarCode Get(System.Collections.Generic.Dictionary<long, PolarCode> cache, UciPolarParameters parameters)
    {
        long key = ((long)parameters.Kr << 32) | (uint)parameters.Er;
        if (!cache.TryGetValue(key, out PolarCode? code))
        {
            code = PolarCode.ForUci(parameters.Kr, parameters.Er);
            cache[key] = code;
        }

        return code;
    }
}
