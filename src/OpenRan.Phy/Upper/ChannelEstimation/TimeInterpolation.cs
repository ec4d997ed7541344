namespace OpenRan.Phy.Upper.ChannelEstimation;

/// <summary>How the estimates of the DM-RS symbols are extended to the other symbols of the slot.</summary>
public enum TimeInterpolation
{
    /// <summary>Average of all DM-RS symbols (best for slow channels).</summary>
    Average,

    /// <summary>Linear interpolation between DM-RS symbols, held constant before the first and after the last.</summary>
    Linear,
}
