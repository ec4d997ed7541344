using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using OpenRan.Phy.Common;
using OpenRan.Phy.Common.Frequency;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>
/// <c>openran freq</c>: the frequency plan of a band, an NR-ARFCN or a frequency — NR-ARFCN ↔ frequency (TS 38.104
/// §5.4.2.1), GSCN ↔ SS_REF (§5.4.3.1), band tables (§5.2, §5.4), Point A, offsetToPointA and k_SSB — rejecting
/// inconsistent inputs with the reason (exit code 2).
/// </summary>
internal static class FreqCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var band = new Option<string?>("--band") { Description = "Operating band, e.g. n78." };
        var arfcn = new Option<int?>("--arfcn") { Description = "Downlink carrier NR-ARFCN (its RF reference frequency)." };
        var frequency = new Option<double?>("--frequency-mhz") { Description = "Downlink carrier frequency in MHz (instead of --arfcn)." };
        var bandwidth = new Option<int?>("--bandwidth-mhz") { Description = "Channel bandwidth in MHz (TS 38.101-1/-2 Table 5.3.2-1)." };
        var scs = new Option<int?>("--scs-khz") { Description = "Carrier subcarrier spacing in kHz (15/30/60 FR1, 60/120 FR2)." };
        var gscn = new Option<int?>("--gscn") { Description = "SSB GSCN (default: the valid entry nearest the carrier centre)." };
        var ssbArfcn = new Option<int?>("--ssb-arfcn") { Description = "SSB position as NR-ARFCN of SS_REF (absoluteFrequencySSB), instead of --gscn." };
        var ssbScs = new Option<int?>("--ssb-scs-khz") { Description = "SSB subcarrier spacing in kHz (default: the band's entry closest to the carrier's)." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("freq", "Frequency plan: NR-ARFCN/frequency/GSCN conversions, band tables, Point A, offsetToPointA and k_SSB (TS 38.104 §5.2, §5.4).")
        {
            band, arfcn, frequency, bandwidth, scs, gscn, ssbArfcn, ssbScs, json,
        };
        command.SetAction(parse =>
        {
            try
            {
                return Run(console, parse.GetValue(band), parse.GetValue(arfcn), parse.GetValue(frequency), parse.GetValue(bandwidth), parse.GetValue(scs), parse.GetValue(gscn), parse.GetValue(ssbArfcn), parse.GetValue(ssbScs), parse.GetValue(json));
            }
            catch (ArgumentException ex)
            {
                CliOutput.WriteError(console, ex.Message.Split(" (Parameter", 2)[0]);
                return 2;
            }
        });
        return command;
    }

    private static int Run(IAnsiConsole console, string? bandName, int? arfcn, double? frequencyMhz, int? bandwidthMhz, int? scsKhz, int? gscn, int? ssbArfcn, int? ssbScsKhz, bool json)
    {
        if (arfcn is not null && frequencyMhz is not null)
        {
            throw new ArgumentException("give either --arfcn or --frequency-mhz, not both.");
        }

        if (gscn is not null && ssbArfcn is not null)
        {
            throw new ArgumentException("give either --gscn or --ssb-arfcn, not both.");
        }

        int? carrier = arfcn ?? (frequencyMhz is double mhz ? NrArfcn.FromFrequencyHz(mhz * 1e6) : null);
        int? ssbGscn = gscn ?? (ssbArfcn is int sa ? Gscn.FromSsRefHz(NrArfcn.FrequencyHz(sa)) : null);
        if (bandName is null)
        {
            if (carrier is null && ssbGscn is null)
            {
                throw new ArgumentException("nothing to plan: give --band, --arfcn, --frequency-mhz or --gscn (see --help).");
            }

            return Conversions(console, carrier, ssbGscn, json);
        }

        OperatingBand band = OperatingBands.Get(bandName);
        if (carrier is null)
        {
            if (bandwidthMhz is not null || scsKhz is not null || ssbGscn is not null)
            {
                throw new ArgumentException("a carrier plan needs --arfcn or --frequency-mhz besides --band.");
            }

            return BandInfo(console, band, json);
        }

        if (bandwidthMhz is null || scsKhz is null)
        {
            throw new ArgumentException("a carrier plan needs --bandwidth-mhz and --scs-khz.");
        }

        FrequencyPlan plan = FrequencyPlan.Create(band, carrier.Value, bandwidthMhz.Value, scsKhz.Value, ssbGscn, ssbScsKhz);
        if (json)
        {
            CliOutput.WriteJson(console, new
            {
                band = plan.Band.Name,
                duplex = plan.Band.Duplex,
                plan.ChannelBandwidthMhz,
                plan.SubcarrierSpacingKhz,
                nRb = plan.NRb,
                plan.DownlinkArfcn,
                plan.DownlinkFrequencyHz,
                rasterResourceBlock = FrequencyPlan.RasterResourceBlock(plan.NRb),
                rasterSubcarrier = FrequencyPlan.RasterSubcarrier(plan.NRb),
                plan.UplinkArfcn,
                plan.UplinkFrequencyHz,
                plan.OfdmCenterFrequencyHz,
                plan.PointAFrequencyHz,
                plan.PointAArfcn,
                plan.SsbGscn,
                plan.SsbFrequencyHz,
                plan.SsbArfcn,
                plan.SsbSubcarrierSpacingKhz,
                ssbPattern = plan.SsbPattern,
                plan.OffsetToPointA,
                kSsb = plan.KSsb,
            });
            return 0;
        }

        var table = new Table().AddColumn("quantity").AddColumn("value").AddColumn("reference");
        Add(table, "band", $"{plan.Band.Name} {plan.Band.Duplex.ToString().ToUpperInvariant()} ({plan.Band.Range.ToString().ToUpperInvariant()})", "TS 38.104 Table 5.2-1");
        Add(table, "carrier", $"{plan.ChannelBandwidthMhz} MHz, {plan.SubcarrierSpacingKhz} kHz, N_RB {plan.NRb}", "TS 38.101 Table 5.3.2-1");
        Add(table, "channel raster point (DL NR-ARFCN)", $"{plan.DownlinkArfcn} = {Mhz(plan.DownlinkFrequencyHz)}", "TS 38.104 §5.4.2.1");
        Add(table, "raster point in the grid", string.Create(CultureInfo.InvariantCulture,
            $"k = {FrequencyPlan.RasterSubcarrier(plan.NRb)} of PRB {FrequencyPlan.RasterResourceBlock(plan.NRb)} (N_RB {(plan.NRb % 2 == 0 ? "even" : "odd")}) = the carrier centre"), "TS 38.104 Table 5.4.2.2-1");
        if (plan.UplinkFrequencyHz is double ul)
        {
            Add(table, "uplink NR-ARFCN", $"{(plan.UplinkArfcn?.ToString(CultureInfo.InvariantCulture) ?? "(off the uplink raster)")} = {Mhz(ul)}", "duplex spacing");
        }

        Add(table, "carrier centre = OFDM DC (f0)", Mhz(plan.OfdmCenterFrequencyHz), "TS 38.211 §5.3.1, §5.4");
        OfdmTiming timing = OfdmTiming.ForGrid(Numerology.FromSubcarrierSpacingKhz(plan.SubcarrierSpacingKhz), CyclicPrefix.Normal, plan.NRb);
        OfdmTiming compact = OfdmTiming.ForGrid(timing.Numerology, CyclicPrefix.Normal, plan.NRb, FftSizeRule.Compact);
        Add(table, "OFDM sampling", string.Create(CultureInfo.InvariantCulture, $"N = {timing.FftSize} at {timing.SampleRateHz / 1e6:G6} Msps (compact: N = {compact.FftSize} at {compact.SampleRateHz / 1e6:G6} Msps)"), "FftSizeRule, ≤ 85 % occupancy");
        Add(table, "Point A", $"{Mhz(plan.PointAFrequencyHz)} (NR-ARFCN {Arfcn(plan.PointAArfcn)})", "TS 38.211 §4.4.4.2");
        Add(table, "SSB", $"GSCN {plan.SsbGscn} = {Mhz(plan.SsbFrequencyHz)} (NR-ARFCN {Arfcn(plan.SsbArfcn)}), {plan.SsbSubcarrierSpacingKhz} kHz {plan.SsbPattern}", "TS 38.104 §5.4.3");
        Add(table, "offsetToPointA", plan.OffsetToPointA.ToString(CultureInfo.InvariantCulture), "TS 38.213 §4.1");
        Add(table, "k_SSB", plan.KSsb.ToString(CultureInfo.InvariantCulture), "TS 38.211 §7.4.3.1");
        console.Write(table);
        return 0;
    }

    private static int Conversions(IAnsiConsole console, int? arfcn, int? gscn, bool json)
    {
        var rows = new List<(string Quantity, string Value)>();
        if (arfcn is int a)
        {
            double f = NrArfcn.FrequencyHz(a);
            rows.Add(("NR-ARFCN", $"{a} = {Mhz(f)} (ΔF_Global {NrArfcn.GlobalRasterHz(a) / 1e3:G3} kHz)"));
            rows.Add(("downlink bands", Bands(f)));
        }

        if (gscn is int g)
        {
            double f = Gscn.SsRefHz(g);
            rows.Add(("GSCN", $"{g} = {Mhz(f)} (NR-ARFCN {Arfcn(NrArfcn.TryFromFrequencyHz(f))})"));
            rows.Add(("bands with this GSCN", string.Join(' ', OperatingBands.All.Where(b => b.SsbRasters.Any(r => r.Contains(g))).Select(b => b.Name)) is { Length: > 0 } s ? s : "(none)"));
        }

        if (json)
        {
            CliOutput.WriteJson(console, rows.ToDictionary(r => r.Quantity, r => r.Value));
            return 0;
        }

        var table = new Table().AddColumn("quantity").AddColumn("value");
        foreach ((string q, string v) in rows)
        {
            table.AddRow(Markup.Escape(q), Markup.Escape(v));
        }

        console.Write(table);
        return 0;
    }

    private static int BandInfo(IAnsiConsole console, OperatingBand band, bool json)
    {
        if (json)
        {
            CliOutput.WriteJson(console, new
            {
                band = band.Name,
                range = band.Range,
                duplex = band.Duplex,
                band.UplinkLowMhz,
                band.UplinkHighMhz,
                band.DownlinkLowMhz,
                band.DownlinkHighMhz,
                channelRasters = band.ChannelRasters.Select(r => r.ToString()),
                ssbRasters = band.SsbRasters.Select(r => r.ToString()),
            });
            return 0;
        }

        var table = new Table().AddColumn("quantity").AddColumn("value");
        table.AddRow("band", Markup.Escape($"{band.Name} ({band.Range.ToString().ToUpperInvariant()}, {band.Duplex.ToString().ToUpperInvariant()})"));
        if (band.HasUplink)
        {
            table.AddRow("uplink", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{band.UplinkLowMhz:G10}–{band.UplinkHighMhz:G10} MHz")));
        }

        if (band.HasDownlink)
        {
            table.AddRow("downlink", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{band.DownlinkLowMhz:G10}–{band.DownlinkHighMhz:G10} MHz")));
        }

        table.AddRow("channel raster (NR-ARFCN)", Markup.Escape(string.Join("\n", band.ChannelRasters)));
        table.AddRow("SS raster", Markup.Escape(band.SsbRasters.Count == 0 ? "(none)" : string.Join("\n", band.SsbRasters)));
        console.Write(table);
        return 0;
    }

    private static string Bands(double frequencyHz) =>
        string.Join(' ', OperatingBands.WithDownlinkFrequency(frequencyHz).Select(b => b.Name)) is { Length: > 0 } s ? s : "(none)";

    private static void Add(Table table, string quantity, string value, string reference) =>
        table.AddRow(Markup.Escape(quantity), Markup.Escape(value), Markup.Escape(reference));

    private static string Mhz(double hz) => string.Create(CultureInfo.InvariantCulture, $"{hz / 1e6:0.000###} MHz");

    private static string Arfcn(int? arfcn) => arfcn?.ToString(CultureInfo.InvariantCulture) ?? "off the global raster";
}
