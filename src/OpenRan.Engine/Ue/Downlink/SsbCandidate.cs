using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>A frequency and block pattern where an SS/PBCH block may be (an entry of the synchronization raster, or the one given).</summary>
/// <param name="FrequencyHz">SS_REF, the block's centre (subcarrier 120), in Hz.</param>
/// <param name="SubcarrierSpacingKhz">The block's subcarrier spacing.</param>
/// <param name="Case">The block pattern (TS 38.213 §4.1).</param>
/// <param name="MaxBlockCount">L_max.</param>
/// <param name="Gscn">The GSCN of <paramref name="FrequencyHz"/>, or null when it is off the raster.</param>
public readonly record struct SsbCandidate(double FrequencyHz, int SubcarrierSpacingKhz, SsbCase Case, int MaxBlockCount, int? Gscn)
{
    /// <summary>
    /// The candidates to search: the given SS_REF (its pattern from the band that contains it: case A at 15 kHz, case C at
    /// 30 kHz unless the band's raster says case B), or every GSCN of the bands around the centre frequency whose block lies
    /// wholly inside the recorded band (|SS_REF − f_c| + 120·Δf ≤ f_s/2), nearest the centre first.
    /// </summary>
    public static IReadOnlyList<SsbCandidate> For(UeDownlinkConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var candidates = new List<SsbCandidate>();
        if (configuration.SsbFrequencyHz is double given)
        {
            int[] spacings = configuration.SsbSubcarrierSpacingKhz is int s ? [s] : SpacingsOfBands(given);
            foreach (int scs in spacings)
            {
                candidates.Add(Make(given, scs, PatternFor(given, scs), OpenRan.Phy.Common.Frequency.Gscn.TryFromSsRefHz(given)));
            }

            return candidates;
        }

        double halfBandHz = configuration.SampleRateHz / 2;
        foreach (OperatingBand band in OperatingBands.All.Where(b => b.HasDownlink && b.DownlinkLowMhz * 1e6 < configuration.CenterFrequencyHz + halfBandHz && b.DownlinkHighMhz * 1e6 > configuration.CenterFrequencyHz - halfBandHz))
        {
            foreach (SsbRaster raster in band.SsbRasters)
            {
                if (configuration.SsbSubcarrierSpacingKhz is int only && only != raster.SubcarrierSpacingKhz)
                {
                    continue;
                }

                double blockHalfWidthHz = 120 * raster.SubcarrierSpacingKhz * 1e3;
                foreach (int gscn in raster.All())
                {
                    double f = OpenRan.Phy.Common.Frequency.Gscn.SsRefHz(gscn);
                    if (Math.Abs(f - configuration.CenterFrequencyHz) + blockHalfWidthHz <= halfBandHz
                        && !candidates.Exists(c => c.Gscn == gscn && c.SubcarrierSpacingKhz == raster.SubcarrierSpacingKhz))
                    {
                        SsbCase ssbCase = ToCase(raster.Pattern);
                        candidates.Add(new SsbCandidate(f, raster.SubcarrierSpacingKhz, ssbCase, SsbBlockPattern.MaxBlockCount(ssbCase, f, band.Duplex == DuplexMode.Fdd), gscn));
                    }
                }
            }
        }

        return [.. candidates.OrderBy(c => Math.Abs(c.FrequencyHz - configuration.CenterFrequencyHz))];
    }

    /// <summary>A candidate at <paramref name="frequencyHz"/> with the pattern and L_max of the band that contains it.</summary>
    public static SsbCandidate Make(double frequencyHz, int subcarrierSpacingKhz, SsbCase ssbCase, int? gscn)
    {
        bool paired = OperatingBands.WithDownlinkFrequency(frequencyHz).FirstOrDefault()?.Duplex == DuplexMode.Fdd;
        return new SsbCandidate(frequencyHz, subcarrierSpacingKhz, ssbCase, SsbBlockPattern.MaxBlockCount(ssbCase, frequencyHz, paired), gscn);
    }

    private static int[] SpacingsOfBands(double frequencyHz)
    {
        int[] spacings = [.. OperatingBands.WithDownlinkFrequency(frequencyHz).SelectMany(b => b.SsbRasters).Select(r => r.SubcarrierSpacingKhz).Where(s => s is 15 or 30).Distinct().Order()];
        return spacings.Length > 0 ? spacings : [15, 30];
    }

    private static SsbCase PatternFor(double frequencyHz, int scsKhz)
    {
        SsbRaster? raster = OperatingBands.WithDownlinkFrequency(frequencyHz).SelectMany(b => b.SsbRasters).FirstOrDefault(r => r.SubcarrierSpacingKhz == scsKhz);
        return raster is not null ? ToCase(raster.Pattern) : scsKhz == 15 ? SsbCase.A : SsbCase.C;
    }

    private static SsbCase ToCase(SsbPattern pattern) => pattern switch
    {
        SsbPattern.CaseA => SsbCase.A,
        SsbPattern.CaseB => SsbCase.B,
        SsbPattern.CaseC => SsbCase.C,
        SsbPattern.CaseD => SsbCase.D,
        _ => SsbCase.E,
    };
}
