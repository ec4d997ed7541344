using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace OpenRan.Phy.Common.Frequency;

/// <summary>One channel raster of a band (TS 38.104 Table 5.4.2.3-1/-2): ΔF_Raster and N_REF &lt;first – step – last&gt; per direction.</summary>
/// <param name="RasterKhz">ΔF_Raster in kHz (15, 30, 60, 100, 120).</param>
/// <param name="UplinkFirst">First uplink N_REF (0 when the band has no uplink).</param>
/// <param name="UplinkStep">Uplink N_REF step (0 when none).</param>
/// <param name="UplinkLast">Last uplink N_REF.</param>
/// <param name="DownlinkFirst">First downlink N_REF (0 when the band has no downlink).</param>
/// <param name="DownlinkStep">Downlink N_REF step (0 when none).</param>
/// <param name="DownlinkLast">Last downlink N_REF.</param>
public sealed record ChannelRaster(int RasterKhz, int UplinkFirst, int UplinkStep, int UplinkLast, int DownlinkFirst, int DownlinkStep, int DownlinkLast)
{
    /// <summary>Whether <paramref name="arfcn"/> is a downlink channel-raster point.</summary>
    public bool ContainsDownlink(int arfcn) => DownlinkStep > 0 && arfcn >= DownlinkFirst && arfcn <= DownlinkLast && (arfcn - DownlinkFirst) % DownlinkStep == 0;

    /// <summary>Whether <paramref name="arfcn"/> is an uplink channel-raster point.</summary>
    public bool ContainsUplink(int arfcn) => UplinkStep > 0 && arfcn >= UplinkFirst && arfcn <= UplinkLast && (arfcn - UplinkFirst) % UplinkStep == 0;

    /// <summary>Formats as <c>15 kHz: DL 620000–&lt;1&gt;–653333</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{RasterKhz} kHz:{(DownlinkStep > 0 ? $" DL {DownlinkFirst}–<{DownlinkStep}>–{DownlinkLast}" : string.Empty)}{(UplinkStep > 0 ? $" UL {UplinkFirst}–<{UplinkStep}>–{UplinkLast}" : string.Empty)}");
}

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

/// <summary>An NR operating band with its duplex mode, frequency ranges, channel rasters and SS rasters (TS 38.104 §5.2, §5.4).</summary>
/// <param name="Number">The band number (1 for n1).</param>
/// <param name="Range">FR1 or FR2.</param>
/// <param name="Duplex">Duplex mode.</param>
/// <param name="UplinkLowMhz">F_UL_low (0 when no uplink).</param>
/// <param name="UplinkHighMhz">F_UL_high.</param>
/// <param name="DownlinkLowMhz">F_DL_low (0 when no downlink).</param>
/// <param name="DownlinkHighMhz">F_DL_high.</param>
/// <param name="ChannelRasters">The channel rasters.</param>
/// <param name="SsbRasters">The SS raster entries.</param>
public sealed record OperatingBand(
    int Number,
    FrequencyRange Range,
    DuplexMode Duplex,
    double UplinkLowMhz,
    double UplinkHighMhz,
    double DownlinkLowMhz,
    double DownlinkHighMhz,
    IReadOnlyList<ChannelRaster> ChannelRasters,
    IReadOnlyList<SsbRaster> SsbRasters)
{
    /// <summary>The band name, for example <c>n78</c>.</summary>
    public string Name => "n" + Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether the band has a downlink.</summary>
    public bool HasDownlink => Duplex != DuplexMode.Sul;

    /// <summary>Whether the band has an uplink.</summary>
    public bool HasUplink => Duplex != DuplexMode.Sdl;

    /// <summary>F_DL − F_UL for FDD bands in MHz (the duplex spacing), else 0.</summary>
    public double DuplexSpacingMhz => Duplex == DuplexMode.Fdd ? DownlinkLowMhz - UplinkLowMhz : 0;

    /// <summary>Whether <paramref name="frequencyHz"/> lies in the downlink range.</summary>
    public bool ContainsDownlinkFrequency(double frequencyHz) => HasDownlink && frequencyHz >= DownlinkLowMhz * 1e6 && frequencyHz <= DownlinkHighMhz * 1e6;

    /// <summary>The SS raster entries for SSB spacing <paramref name="ssbScsKhz"/> that apply to <paramref name="channelBandwidthMhz"/>.</summary>
    public IEnumerable<SsbRaster> SsbRastersFor(int ssbScsKhz, int channelBandwidthMhz) =>
        SsbRasters.Where(r => r.SubcarrierSpacingKhz == ssbScsKhz && r.AppliesTo(channelBandwidthMhz));
}

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
