using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace OpenRan.Phy.Common.Frequency;

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
