using System;
using OpenRan.Phy.Common;

namespace OpenRan.Simulation.Measurement;

/// <summary>
/// The EVM window length W of TS 38.104 Annex B.5.2 (FR1, normal cyclic prefix; used by TS 38.141-1 §6.6): Tables
/// B.5.2-1 (15 kHz), B.5.2-2 (30 kHz) and B.5.2-3 (60 kHz) give, per channel bandwidth, an FFT size and the window W in
/// samples of that FFT.
/// </summary>
/// <remarks>
/// W is defined at the table's FFT size; an analyser working at another sample rate scales it with the FFT size
/// (W·N_FFT / N_FFT,table, rounded down, at least 1), which keeps W as the same share of the cyclic prefix. The tables
/// hold no rows for 35 and 45 MHz; those take the row of the neighbouring bandwidth with the same FFT size (35 MHz as
/// 30 MHz, 45 MHz as 40 and 50 MHz).
/// </remarks>
public static class EvmWindow
{
    /// <summary>Channel bandwidths (MHz) the tables list, in order.</summary>
    private static readonly int[] s_bandwidthsMhz = [5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100];

    // (FFT size, W) per bandwidth above; 0 where the table has no row for that subcarrier spacing.
    private static readonly (int FftSize, int Window)[] s_table15Khz =
    [
        (512, 14), (1024, 28), (1536, 44), (2048, 58), (2048, 72), (3072, 108), (3072, 108), (4096, 144), (4096, 144),
        (4096, 144), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0),
    ];

    private static readonly (int FftSize, int Window)[] s_table30Khz =
    [
        (256, 8), (512, 14), (768, 22), (1024, 28), (1024, 36), (1536, 54), (1536, 54), (2048, 72), (2048, 72),
        (2048, 72), (3072, 130), (4096, 172), (4096, 172), (4096, 172), (4096, 172),
    ];

    private static readonly (int FftSize, int Window)[] s_table60Khz =
    [
        (0, 0), (256, 8), (384, 11), (512, 14), (512, 18), (768, 26), (768, 26), (1024, 36), (1024, 36),
        (1024, 36), (1536, 64), (2048, 86), (2048, 86), (2048, 86), (2048, 86),
    ];

    /// <summary>
    /// The table row for <paramref name="subcarrierSpacingKhz"/> and <paramref name="bandwidthMhz"/>: its FFT size and
    /// W in samples of that FFT.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The tables have no such combination.</exception>
    public static (int FftSize, int WindowSamples) TableEntry(int subcarrierSpacingKhz, int bandwidthMhz)
    {
        (int FftSize, int Window)[] table = subcarrierSpacingKhz switch
        {
            15 => s_table15Khz,
            30 => s_table30Khz,
            60 => s_table60Khz,
            _ => throw new ArgumentOutOfRangeException(nameof(subcarrierSpacingKhz), subcarrierSpacingKhz,
                "the EVM window of TS 38.104 Annex B.5.2 (FR1, normal CP) is defined for 15, 30 and 60 kHz."),
        };
        int index = Array.IndexOf(s_bandwidthsMhz, bandwidthMhz);
        if (index < 0 || table[index].FftSize == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bandwidthMhz), bandwidthMhz,
                $"TS 38.104 Tables B.5.2-1..3 have no {bandwidthMhz} MHz row at {subcarrierSpacingKhz} kHz; valid: {ValidBandwidths(table)} MHz.");
        }

        return table[index];
    }

    /// <summary>W / N_CP (normal cyclic prefix, not the longer first symbol of a half subframe).</summary>
    public static double Ratio(int subcarrierSpacingKhz, int bandwidthMhz)
    {
        (int fft, int w) = TableEntry(subcarrierSpacingKhz, bandwidthMhz);
        return w / (144.0 * fft / 2048.0);
    }

    /// <summary>W in samples at the FFT size of <paramref name="timing"/>.</summary>
    public static int Length(OfdmTiming timing, int bandwidthMhz)
    {
        ArgumentNullException.ThrowIfNull(timing);
        (int fft, int w) = TableEntry(timing.Numerology.SubcarrierSpacingKhz, bandwidthMhz);
        return Math.Max(1, (int)((long)w * timing.FftSize / fft));
    }

    /// <summary>
    /// The two FFT window positions Δc̃ − W/2 and Δc̃ + W/2 around the centre Δc̃ of the cyclic prefix, as samples before
    /// the end of the cyclic prefix (the demodulator's <c>FftWindowOffsetSamples</c>): the early and the late window.
    /// </summary>
    public static (int Early, int Late) Offsets(OfdmTiming timing, int bandwidthMhz)
    {
        ArgumentNullException.ThrowIfNull(timing);
        int cp = timing.CyclicPrefixLength(1);
        int w = Length(timing, bandwidthMhz);
        int centre = cp / 2;
        return (Math.Min(cp, centre + (w / 2)), Math.Max(0, centre - (w - (w / 2))));
    }

    private static string ValidBandwidths((int FftSize, int Window)[] table)
    {
        var valid = new System.Collections.Generic.List<int>();
        for (int i = 0; i < table.Length; i++)
        {
            if (table[i].FftSize != 0)
            {
                valid.Add(s_bandwidthsMhz[i]);
            }
        }

        return string.Join(", ", valid);
    }
}
