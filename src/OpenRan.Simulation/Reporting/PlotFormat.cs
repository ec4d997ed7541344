namespace OpenRan.Simulation.Reporting;

/// <summary>The image format of a result plot (<c>--plot-format</c>).</summary>
public enum PlotFormat
{
    /// <summary>PNG raster image (the default).</summary>
    Png,

    /// <summary>SVG vector image (scales for papers; text stays text).</summary>
    Svg,
}
