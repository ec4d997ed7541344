using System.Globalization;

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
