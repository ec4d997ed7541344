using System;
using System.Globalization;
using System.Linq;
using OpenRan.Dsp;

namespace OpenRan.Phy.Common.Frequency;

/// <summary>
/// A consistent carrier and SS/PBCH-block placement: carrier NR-ARFCN and frequency, grid size, Point A, the OFDM centre,
/// the SSB's GSCN and SS_REF, and offsetToPointA / k_SSB, each derived from the specification and checked.
/// </summary>
/// <remarks>
/// <para>The carrier's RF reference frequency F_REF (its NR-ARFCN, the channel raster point) is resource element k of
/// resource block n_PRB = ⌊N_RB/2⌋ with k = 0 for even N_RB and k = 6 for odd N_RB (TS 38.104 §5.4.2.2, Table 5.4.2.2-1):
/// in both cases subcarrier 6·N_RB of the carrier, its centre. The carrier is assumed to start at Point A
/// (offsetToCarrier = 0), so Point A = F_REF − (12·⌊N_RB/2⌋ + k)·Δf = F_REF − 6·N_RB·Δf, and the OFDM centre (baseband DC,
/// subcarrier N_grid·N_sc^RB/2 of TS 38.211 §5.3.1) equals F_REF for every N_RB (e.g. n78, 273 RB at 30 kHz, NR-ARFCN 632628:
/// both 3489.420 MHz).</para>
/// <para>SS_REF (the GSCN) is subcarrier 0 of resource block 10 of the SSB (TS 38.104 Table 5.4.3.2-1), so the SSB's
/// subcarrier 0 is at SS_REF − 120·Δf_SSB. offsetToPointA (N_CRB^SSB) and k_SSB follow TS 38.211 §7.4.3.1 and TS 38.213
/// §4.1: in FR1 both count 15 kHz units (offsetToPointA in 15 kHz resource blocks, a whole common resource block of
/// subCarrierSpacingCommon), k_SSB ≤ 23; in FR2 offsetToPointA counts 60 kHz resource blocks and k_SSB subcarriers of
/// subCarrierSpacingCommon, k_SSB ≤ 11. subCarrierSpacingCommon is the carrier's spacing.</para>
/// </remarks>
/// <param name="Band">The operating band.</param>
/// <param name="ChannelBandwidthMhz">The channel bandwidth.</param>
/// <param name="SubcarrierSpacingKhz">The carrier (and common) subcarrier spacing.</param>
/// <param name="NRb">N_RB from TS 38.101-1/-2 Table 5.3.2-1.</param>
/// <param name="DownlinkArfcn">The carrier's downlink NR-ARFCN.</param>
/// <param name="DownlinkFrequencyHz">F_REF of the downlink carrier.</param>
/// <param name="UplinkArfcn">The FDD uplink NR-ARFCN at the band's duplex spacing (null for TDD/SDL, or when off the uplink raster).</param>
/// <param name="UplinkFrequencyHz">F_REF of the FDD uplink carrier (null when none).</param>
/// <param name="OfdmCenterFrequencyHz">The frequency of baseband DC for OFDM modulation (f0 of TS 38.211 §5.4).</param>
/// <param name="PointAFrequencyHz">Point A.</param>
/// <param name="PointAArfcn">Point A as NR-ARFCN (absoluteFrequencyPointA), or null when off the global raster.</param>
/// <param name="SsbGscn">The SSB's GSCN.</param>
/// <param name="SsbFrequencyHz">SS_REF.</param>
/// <param name="SsbArfcn">SS_REF as NR-ARFCN (absoluteFrequencySSB), or null when off the global raster.</param>
/// <param name="SsbSubcarrierSpacingKhz">The SSB subcarrier spacing.</param>
/// <param name="SsbPattern">The SSB block pattern.</param>
/// <param name="OffsetToPointA">offsetToPointA (N_CRB^SSB).</param>
/// <param name="KSsb">k_SSB.</param>
public sealed record FrequencyPlan(
    OperatingBand Band,
    int ChannelBandwidthMhz,
    int SubcarrierSpacingKhz,
    int NRb,
    int DownlinkArfcn,
    double DownlinkFrequencyHz,
    int? UplinkArfcn,
    double? UplinkFrequencyHz,
    double OfdmCenterFrequencyHz,
    double PointAFrequencyHz,
    int? PointAArfcn,
    int SsbGscn,
    double SsbFrequencyHz,
    int? SsbArfcn,
    int SsbSubcarrierSpacingKhz,
    SsbPattern SsbPattern,
    int OffsetToPointA,
    int KSsb)
{
    /// <summary>
    /// Plans a carrier in <paramref name="band"/> at downlink NR-ARFCN <paramref name="downlinkArfcn"/> and places the SSB
    /// at <paramref name="gscn"/> (or, when null, at the sync-raster entry nearest the carrier centre that gives a valid k_SSB).
    /// </summary>
    /// <param name="band">The operating band.</param>
    /// <param name="downlinkArfcn">The carrier's downlink NR-ARFCN (its F_REF).</param>
    /// <param name="channelBandwidthMhz">Channel bandwidth in MHz.</param>
    /// <param name="subcarrierSpacingKhz">Carrier subcarrier spacing (15/30/60 kHz in FR1, 60/120 kHz in FR2).</param>
    /// <param name="gscn">The SSB's GSCN, or null to choose one.</param>
    /// <param name="ssbSubcarrierSpacingKhz">The SSB spacing, or null for the band's entry closest to the carrier spacing.</param>
    /// <exception cref="ArgumentException">The inputs are inconsistent; the message gives the reason.</exception>
    public static FrequencyPlan Create(OperatingBand band, int downlinkArfcn, int channelBandwidthMhz, int subcarrierSpacingKhz, int? gscn = null, int? ssbSubcarrierSpacingKhz = null)
    {
        ArgumentNullException.ThrowIfNull(band);
        if (!band.HasDownlink)
        {
            Fail(nameof(band), $"band {band.Name} is a supplementary uplink band: it has no downlink carrier or SSB.");
        }

        ThrowHelper.ThrowIfOutside(downlinkArfcn, 0, NrArfcn.Max);
        double fRef = NrArfcn.FrequencyHz(downlinkArfcn);
        if (!band.ChannelRasters.Any(r => r.ContainsDownlink(downlinkArfcn)))
        {
            ChannelRaster? holding = band.ChannelRasters.FirstOrDefault(r => r.DownlinkStep > 0 && downlinkArfcn >= r.DownlinkFirst && downlinkArfcn <= r.DownlinkLast);
            Fail(nameof(downlinkArfcn), holding is null
                ? Invariant($"NR-ARFCN {downlinkArfcn} ({fRef / 1e6:G10} MHz) is outside band {band.Name}'s downlink ({band.DownlinkLowMhz:G10}–{band.DownlinkHighMhz:G10} MHz; channel raster {string.Join("; ", band.ChannelRasters)}, TS 38.104 Table 5.4.2.3-1).")
                : Invariant($"NR-ARFCN {downlinkArfcn} is not on band {band.Name}'s channel raster ({string.Join("; ", band.ChannelRasters)}, TS 38.104 Table 5.4.2.3-1)."));
        }

        int? nRb = Ts38101Table5_3_2_1.TryGetMaxRbCount(band.Range, channelBandwidthMhz, subcarrierSpacingKhz);
        if (nRb is null)
        {
            Fail(nameof(channelBandwidthMhz), Invariant($"{channelBandwidthMhz} MHz at {subcarrierSpacingKhz} kHz has no N_RB in TS 38.101-{(band.Range == FrequencyRange.Fr1 ? 1 : 2)} Table 5.3.2-1 (channel bandwidths {string.Join(", ", Ts38101Table5_3_2_1.ChannelBandwidthsMhz(band.Range))} MHz; SCS {(band.Range == FrequencyRange.Fr1 ? "15/30/60" : "60/120")} kHz)."));
        }

        double scsHz = subcarrierSpacingKhz * 1e3;
        double low = fRef - (channelBandwidthMhz * 0.5e6);
        double high = fRef + (channelBandwidthMhz * 0.5e6);
        if (low < (band.DownlinkLowMhz * 1e6) - 1 || high > (band.DownlinkHighMhz * 1e6) + 1)
        {
            Fail(nameof(downlinkArfcn), Invariant($"the {channelBandwidthMhz} MHz channel around {fRef / 1e6:G10} MHz ({low / 1e6:G10}–{high / 1e6:G10} MHz) does not fit band {band.Name}'s downlink {band.DownlinkLowMhz:G10}–{band.DownlinkHighMhz:G10} MHz."));
        }

        int n = nRb!.Value;
        double pointA = fRef - (((12 * RasterResourceBlock(n)) + RasterSubcarrier(n)) * scsHz);
        double ofdmCenter = pointA + (6 * n * scsHz);
        int commonUnitKhz = band.Range == FrequencyRange.Fr1 ? 15 : 60;
        if (band.Range == FrequencyRange.Fr1 ? subcarrierSpacingKhz is not (15 or 30) : subcarrierSpacingKhz is not (60 or 120))
        {
            Fail(nameof(subcarrierSpacingKhz), $"subCarrierSpacingCommon (the carrier spacing here) must be {(band.Range == FrequencyRange.Fr1 ? "15 or 30" : "60 or 120")} kHz for initial access in {band.Range}; got {subcarrierSpacingKhz} kHz.");
        }

        SsbRaster[] candidates = band.SsbRasters.Where(r => r.AppliesTo(channelBandwidthMhz) && (ssbSubcarrierSpacingKhz is null || r.SubcarrierSpacingKhz == ssbSubcarrierSpacingKhz)).ToArray();
        if (candidates.Length == 0)
        {
            Fail(nameof(ssbSubcarrierSpacingKhz), $"band {band.Name} has no SS raster entry{(ssbSubcarrierSpacingKhz is null ? string.Empty : $" for {ssbSubcarrierSpacingKhz} kHz SSBs")} at {channelBandwidthMhz} MHz (TS 38.104 Table 5.4.3.3-1: {string.Join("; ", band.SsbRasters)}).");
        }

        // Prefer the SSB spacing equal to the carrier's, then the smaller.
        SsbRaster raster = candidates.OrderBy(r => Math.Abs(r.SubcarrierSpacingKhz - subcarrierSpacingKhz)).ThenBy(r => r.SubcarrierSpacingKhz).First();
        int chosen;
        if (gscn is int given)
        {
            SsbRaster? holding = candidates.FirstOrDefault(r => r.Contains(given));
            if (holding is null)
            {
                Fail(nameof(gscn), Invariant($"GSCN {given} ({(given is >= Gscn.Min and <= Gscn.Max ? $"{Gscn.SsRefHz(given) / 1e6:G10} MHz" : "out of range")}) is not on band {band.Name}'s synchronization raster ({string.Join("; ", candidates)}, TS 38.104 Table 5.4.3.3-1)."));
            }

            raster = holding;
            chosen = given;
            string? problem = SsbProblem(chosen, raster.SubcarrierSpacingKhz, pointA, n, scsHz, band.Range, commonUnitKhz, subcarrierSpacingKhz);
            if (problem is not null)
            {
                Fail(nameof(gscn), problem);
            }
        }
        else
        {
            int? best = null;
            foreach (int g in raster.All().OrderBy(g => Math.Abs(Gscn.SsRefHz(g) - ofdmCenter)))
            {
                if (SsbProblem(g, raster.SubcarrierSpacingKhz, pointA, n, scsHz, band.Range, commonUnitKhz, subcarrierSpacingKhz) is null)
                {
                    best = g;
                    break;
                }
            }

            if (best is null)
            {
                Fail(nameof(gscn), Invariant($"no GSCN of band {band.Name} ({raster}) places a {raster.SubcarrierSpacingKhz} kHz SSB inside this carrier on its subcarrier grid."));
            }

            chosen = best!.Value;
        }

        double ssRef = Gscn.SsRefHz(chosen);
        double ssb0 = ssRef - (120 * raster.SubcarrierSpacingKhz * 1e3);
        long units = (long)Math.Round((ssb0 - pointA) / (band.Range == FrequencyRange.Fr1 ? 15e3 : scsHz));
        int rbUnits = band.Range == FrequencyRange.Fr1 ? 12 * subcarrierSpacingKhz / 15 : 12;
        long crb = units / rbUnits;
        int offsetToPointA = (int)(crb * (band.Range == FrequencyRange.Fr1 ? subcarrierSpacingKhz / 15 : subcarrierSpacingKhz / 60));
        int kSsb = (int)(units - (crb * rbUnits));

        int? ulArfcn = null;
        double? ulFrequency = null;
        if (band.Duplex == DuplexMode.Fdd)
        {
            ulFrequency = fRef - (band.DuplexSpacingMhz * 1e6);
            ulArfcn = NrArfcn.TryFromFrequencyHz(ulFrequency.Value);
            if (ulArfcn is int ul && !band.ChannelRasters.Any(r => r.ContainsUplink(ul)))
            {
                ulArfcn = null;
            }
        }

        return new FrequencyPlan(
            band, channelBandwidthMhz, subcarrierSpacingKhz, n, downlinkArfcn, fRef, ulArfcn, ulFrequency, ofdmCenter, pointA,
            NrArfcn.TryFromFrequencyHz(pointA), chosen, ssRef, NrArfcn.TryFromFrequencyHz(ssRef), raster.SubcarrierSpacingKhz,
            raster.Pattern, offsetToPointA, kSsb);
    }

    /// <summary>
    /// The resource block n_PRB whose resource element <see cref="RasterSubcarrier"/> the channel raster point (F_REF) maps to:
    /// ⌊N_RB/2⌋ (TS 38.104 Table 5.4.2.2-1).
    /// </summary>
    public static int RasterResourceBlock(int nRb) => nRb / 2;

    /// <summary>
    /// The resource element k within <see cref="RasterResourceBlock"/> that the channel raster point maps to: 0 for even
    /// N_RB, 6 for odd N_RB (TS 38.104 Table 5.4.2.2-1).
    /// </summary>
    public static int RasterSubcarrier(int nRb) => nRb % 2 == 0 ? 0 : 6;

    /// <summary>Plans a carrier given its centre frequency (F_REF) instead of its NR-ARFCN.</summary>
    public static FrequencyPlan CreateFromFrequency(OperatingBand band, double downlinkFrequencyHz, int channelBandwidthMhz, int subcarrierSpacingKhz, int? gscn = null, int? ssbSubcarrierSpacingKhz = null) =>
        Create(band, NrArfcn.FromFrequencyHz(downlinkFrequencyHz), channelBandwidthMhz, subcarrierSpacingKhz, gscn, ssbSubcarrierSpacingKhz);

    private static string? SsbProblem(int gscn, int ssbScsKhz, double pointA, int nRb, double scsHz, FrequencyRange range, int commonUnitKhz, int scsKhz)
    {
        double ssRef = Gscn.SsRefHz(gscn);
        double ssb0 = ssRef - (120 * ssbScsKhz * 1e3);
        double ssbTop = ssb0 + (240 * ssbScsKhz * 1e3);
        double carrierTop = pointA + (12 * nRb * scsHz);
        if (ssb0 < pointA - 1 || ssbTop > carrierTop + 1)
        {
            return Invariant($"the SSB at GSCN {gscn} ({ssb0 / 1e6:G10}–{ssbTop / 1e6:G10} MHz) is not inside the carrier ({pointA / 1e6:G10}–{carrierTop / 1e6:G10} MHz).");
        }

        double unitHz = range == FrequencyRange.Fr1 ? 15e3 : scsHz;
        double units = (ssb0 - pointA) / unitHz;
        if (Math.Abs(units - Math.Round(units)) > 1e-6)
        {
            return Invariant($"the SSB at GSCN {gscn} starts {(ssb0 - pointA) / 1e3:G10} kHz above Point A, not a whole number of {unitHz / 1e3:G3} kHz subcarriers, so k_SSB is undefined.");
        }

        int rbUnits = range == FrequencyRange.Fr1 ? 12 * scsKhz / commonUnitKhz : 12;
        long k = (long)Math.Round(units) % rbUnits;
        int kMax = range == FrequencyRange.Fr1 ? 23 : 11;
        return k > kMax ? Invariant($"k_SSB would be {k} > {kMax}.") : null;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string parameter, string reason) => throw new ArgumentException(reason, parameter);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
