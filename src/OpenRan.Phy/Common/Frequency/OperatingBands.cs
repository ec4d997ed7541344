using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace OpenRan.Phy.Common.Frequency;

/// <summary>The operating bands of TS 38.104 Tables 5.2-1 and 5.2-2 with their rasters.</summary>
public static class OperatingBands
{
    private static readonly Lazy<OperatingBand[]> s_all = new(Build);

    /// <summary>Every band, in increasing band number.</summary>
    public static IReadOnlyList<OperatingBand> All => s_all.Value;

    /// <summary>The band numbered <paramref name="number"/>, or null.</summary>
    public static OperatingBand? TryGet(int number) => Array.Find(s_all.Value, b => b.Number == number);

    /// <summary>The band named like <c>n78</c> or <c>78</c>.</summary>
    /// <exception cref="ArgumentException">No such band in the tables; the message lists them.</exception>
    public static OperatingBand Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string digits = name.StartsWith('n') || name.StartsWith('N') ? name[1..] : name;
        OperatingBand? band = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? TryGet(number) : null;
        return band ?? throw new ArgumentException($"unknown NR band '{name}'; known (TS 38.104 Tables 5.2-1, 5.2-2): {string.Join(' ', s_all.Value.Select(b => b.Name))}.", nameof(name));
    }

    /// <summary>The bands whose downlink range holds <paramref name="frequencyHz"/>.</summary>
    public static IEnumerable<OperatingBand> WithDownlinkFrequency(double frequencyHz) => s_all.Value.Where(b => b.ContainsDownlinkFrequency(frequencyHz));

    private static OperatingBand[] Build()
    {
        var bands = new List<OperatingBand>();
        foreach ((int number, DuplexMode duplex, double ulLow, double ulHigh, double dlLow, double dlHigh) in Ts38104Table5_2_1.Rows)
        {
            ChannelRaster[] rasters = Ts38104Table5_4_2_3_1.Rows
                .Where(r => r.Band == number)
                .Select(r => new ChannelRaster(r.RasterKhz, r.UplinkFirst, r.UplinkStep, r.UplinkLast, r.DownlinkFirst, r.DownlinkStep, r.DownlinkLast))
                .ToArray();
            var ssb = new List<SsbRaster>();
            foreach (var r in Ts38104Table5_4_3_3_1.Ranges.Where(r => r.Band == number))
            {
                ssb.Add(new SsbRaster(r.ScsKhz, r.Pattern, r.First, r.Step, r.Last, null, r.MinBandwidthMhz, r.MaxBandwidthMhz));
            }

            foreach (var r in Ts38104Table5_4_3_3_1.Sets.Where(r => r.Band == number))
            {
                ssb.Add(new SsbRaster(r.ScsKhz, r.Pattern, r.Gscns[0], 0, r.Gscns[^1], r.Gscns, 0, int.MaxValue));
            }

            bands.Add(new OperatingBand(number, number >= 257 ? FrequencyRange.Fr2 : FrequencyRange.Fr1, duplex, ulLow, ulHigh, dlLow, dlHigh, rasters, ssb));
        }

        return [.. bands.OrderBy(b => b.Number)];
    }
}
