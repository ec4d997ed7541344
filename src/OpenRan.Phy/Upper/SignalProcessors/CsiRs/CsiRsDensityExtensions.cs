namespace OpenRan.Phy.Upper.SignalProcessors.CsiRs;

/// <summary>Properties of <see cref="CsiRsDensity"/>.</summary>
public static class CsiRsDensityExtensions
{
    /// <summary>ρ as a number (0.5, 1 or 3).</summary>
    public static double Value(this CsiRsDensity density) => density switch
    {
        CsiRsDensity.One => 1,
        CsiRsDensity.Three => 3,
        _ => 0.5,
    };

    /// <summary>Whether common resource block <paramref name="crb"/> carries the resource at this density.</summary>
    public static bool Carries(this CsiRsDensity density, int crb) => density switch
    {
        CsiRsDensity.HalfEven => (crb & 1) == 0,
        CsiRsDensity.HalfOdd => (crb & 1) == 1,
        _ => true,
    };
}
