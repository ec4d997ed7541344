using System;
using System.Globalization;
using OpenRan.Dsp;

namespace OpenRan.Phy.Common.Frequency;

/// <summary>
/// NR-ARFCN ↔ RF reference frequency (TS 38.104 §5.4.2.1, Table 5.4.2.1-1): F_REF = F_REF-Offs + ΔF_Global·(N_REF − N_REF-Offs),
/// with ΔF_Global = 5 kHz below 3 GHz (N_REF 0..599999), 15 kHz from 3 to 24.25 GHz (600000..2016666, F_REF-Offs 3000 MHz)
/// and 60 kHz from 24.25 to 100 GHz (2016667..3279165, F_REF-Offs 24250.08 MHz).
/// </summary>
public static class NrArfcn
{
    /// <summary>The largest NR-ARFCN.</summary>
    public const int Max = 3_279_165;

    /// <summary>F_REF in Hz of <paramref name="arfcn"/> (0..3279165).</summary>
    public static double FrequencyHz(int arfcn)
    {
        ThrowHelper.ThrowIfOutside(arfcn, 0, Max);
        (long offsetHz, int globalHz, int nOffset) = Range(arfcn);
        return offsetHz + ((double)globalHz * (arfcn - nOffset));
    }

    /// <summary>The NR-ARFCN of <paramref name="frequencyHz"/>, or null when the frequency is not on the global raster (0..100 GHz).</summary>
    public static int? TryFromFrequencyHz(double frequencyHz)
    {
        if (!(frequencyHz >= 0) || frequencyHz > 100e9)
        {
            return null;
        }

        (long offsetHz, int globalHz, int nOffset) = frequencyHz < 3e9 ? (0L, 5_000, 0) : frequencyHz < 24.25e9 ? (3_000_000_000L, 15_000, 600_000) : (24_250_080_000L, 60_000, 2_016_667);
        double steps = (frequencyHz - offsetHz) / globalHz;
        double rounded = Math.Round(steps);
        if (Math.Abs(steps - rounded) > 1e-6)
        {
            return null;
        }

        long arfcn = nOffset + (long)rounded;
        return arfcn is >= 0 and <= Max ? (int)arfcn : null;
    }

    /// <summary>The NR-ARFCN of <paramref name="frequencyHz"/>.</summary>
    /// <exception cref="ArgumentException">Not on the global frequency raster; the message names the raster step.</exception>
    public static int FromFrequencyHz(double frequencyHz)
    {
        int? arfcn = TryFromFrequencyHz(frequencyHz);
        if (arfcn is null)
        {
            string step = frequencyHz < 3e9 ? "5 kHz" : frequencyHz < 24.25e9 ? "15 kHz from 3000 MHz" : "60 kHz from 24250.08 MHz";
            ThrowHelper.ThrowArgument(nameof(frequencyHz), string.Create(CultureInfo.InvariantCulture, $"{frequencyHz / 1e6:G12} MHz is not on the NR global frequency raster (ΔF_Global {step}, TS 38.104 Table 5.4.2.1-1) or outside 0..100 GHz."));
        }

        return arfcn.Value;
    }

    /// <summary>ΔF_Global in Hz at <paramref name="arfcn"/>.</summary>
    public static int GlobalRasterHz(int arfcn) => Range(arfcn).GlobalHz;

    private static (long OffsetHz, int GlobalHz, int NOffset) Range(int arfcn) =>
        arfcn < 600_000 ? (0L, 5_000, 0) : arfcn < 2_016_667 ? (3_000_000_000L, 15_000, 600_000) : (24_250_080_000L, 60_000, 2_016_667);
}
