using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace OpenRan.Phy.Common.Frequency;

/// <summary>One SS raster entry of a band (TS 38.104 Table 5.4.3.3-1/-2).</summary>
/// <param name="SubcarrierSpacingKhz">SSB subcarrier spacing.</param>
/// <param name="Pattern">SSB block pattern.</param>
/// <param name="GscnFirst">First GSCN of the range (or of the list).</param>
/// <param name="GscnStep">Step of the range (0 for a list).</param>
/// <param name="GscnLast">Last GSCN.</param>
/// <param name="Gscns">The explicit GSCN list, or null for a range.</param>
/// <param name="MinBandwidthMhz">Smallest channel bandwidth the row applies to.</param>
/// <param name="MaxBandwidthMhz">Largest channel bandwidth the row applies to.</param>
public sealed record SsbRaster(int SubcarrierSpacingKhz, SsbPattern Pattern, int GscnFirst, int GscnStep, int GscnLast, IReadOnlyList<int>? Gscns, int MinBandwidthMhz, int MaxBandwidthMhz)
{
    /// <summary>Whether <paramref name="gscn"/> is an entry of this raster.</summary>
    public bool Contains(int gscn) => Gscns is not null
        ? Gscns.Contains(gscn)
        : gscn >= GscnFirst && gscn <= GscnLast && (gscn - GscnFirst) % GscnStep == 0;

    /// <summary>Whether the row applies to carriers of <paramref name="channelBandwidthMhz"/>.</summary>
    public bool AppliesTo(int channelBandwidthMhz) => channelBandwidthMhz >= MinBandwidthMhz && channelBandwidthMhz <= MaxBandwidthMhz;

    /// <summary>Every GSCN of the raster, in increasing order.</summary>
    public IEnumerable<int> All()
    {
        if (Gscns is not null)
        {
            return Gscns;
        }

        return Enumerable.Range(0, ((GscnLast - GscnFirst) / GscnStep) + 1).Select(i => GscnFirst + (i * GscnStep));
    }

    /// <summary>Formats as <c>30 kHz CaseC GSCN 7711–&lt;1&gt;–8051</c>.</summary>
    public override string ToString()
    {
        string gscns = Gscns is not null ? $"GSCN {{{string.Join(", ", Gscns)}}}" : $"GSCN {GscnFirst}–<{GscnStep}>–{GscnLast}";
        string bandwidth = MinBandwidthMhz > 0 || MaxBandwidthMhz < int.MaxValue
            ? MaxBandwidthMhz == int.MaxValue ? $" (channel bandwidth ≥ {MinBandwidthMhz} MHz)" : $" (channel bandwidth < {MaxBandwidthMhz + 1} MHz)"
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{SubcarrierSpacingKhz} kHz {Pattern} {gscns}{bandwidth}");
    }
}
