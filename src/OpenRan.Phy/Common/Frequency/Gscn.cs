using System;
using System.Globalization;
using OpenRan.Dsp;

namespace OpenRan.Phy.Common.Frequency;

/// <summary>
/// Global synchronization channel number ↔ SS block reference frequency SS_REF (TS 38.104 §5.4.3.1, Table 5.4.3.1-1):
/// below 3 GHz SS_REF = N·1200 kHz + M·50 kHz (N 1..2499, M ∈ {1, 3, 5}), GSCN = 3N + (M − 3)/2; from 3 to 24.25 GHz
/// SS_REF = 3000 MHz + N·1.44 MHz, GSCN = 7499 + N; from 24.25 to 100 GHz SS_REF = 24250.08 MHz + N·17.28 MHz, GSCN = 22256 + N.
/// SS_REF is the frequency of subcarrier 0 of resource block 10 of the SS/PBCH block (TS 38.104 Table 5.4.3.2-1).
/// </summary>
public static class Gscn
{
    /// <summary>The smallest GSCN (N = 1, M = 1).</summary>
    public const int Min = 2;

    /// <summary>The largest GSCN.</summary>
    public const int Max = 26_639;

    /// <summary>SS_REF in Hz of <paramref name="gscn"/> (2..26639).</summary>
    public static double SsRefHz(int gscn)
    {
        ThrowHelper.ThrowIfOutside(gscn, Min, Max);
        if (gscn < 7499)
        {
            // GSCN = 3N + (M − 3)/2 with M ∈ {1, 3, 5}: (GSCN + 1) mod 3 selects M.
            int m = ((gscn + 1) % 3 * 2) + 1;
            int n = (gscn - ((m - 3) / 2)) / 3;
            return (n * 1_200_000.0) + (m * 50_000.0);
        }

        return gscn < 22_256 ? 3_000_000_000.0 + ((gscn - 7499) * 1_440_000.0) : 24_250_080_000.0 + ((gscn - 22_256) * 17_280_000.0);
    }

    /// <summary>The GSCN whose SS_REF is <paramref name="ssRefHz"/>, or null when the frequency is not on the synchronization raster.</summary>
    public static int? TryFromSsRefHz(double ssRefHz)
    {
        if (!(ssRefHz > 0) || ssRefHz > 100e9)
        {
            return null;
        }

        if (ssRefHz < 3e9)
        {
            foreach (int m in new[] { 1, 3, 5 })
            {
                double n = (ssRefHz - (m * 50_000.0)) / 1_200_000.0;
                double rounded = Math.Round(n);
                if (Math.Abs(n - rounded) < 1e-9 && rounded is >= 1 and <= 2499)
                {
                    return (3 * (int)rounded) + ((m - 3) / 2);
                }
            }

            return null;
        }

        (double offset, double step, int first, int maxN) = ssRefHz < 24.25e9 ? (3e9, 1.44e6, 7499, 14756) : (24_250.08e6, 17.28e6, 22_256, 4383);
        double steps = (ssRefHz - offset) / step;
        double nearest = Math.Round(steps);
        return Math.Abs(steps - nearest) < 1e-6 && nearest >= 0 && nearest <= maxN ? first + (int)nearest : null;
    }

    /// <summary>The GSCN of <paramref name="ssRefHz"/>.</summary>
    /// <exception cref="ArgumentException">Not on the synchronization raster; the message names the raster.</exception>
    public static int FromSsRefHz(double ssRefHz)
    {
        int? gscn = TryFromSsRefHz(ssRefHz);
        if (gscn is null)
        {
            ThrowHelper.ThrowArgument(nameof(ssRefHz), string.Create(CultureInfo.InvariantCulture, $"{ssRefHz / 1e6:G12} MHz is not on the synchronization raster (TS 38.104 Table 5.4.3.1-1: N·1.2 MHz + {{50, 150, 250}} kHz below 3 GHz, 3000 MHz + N·1.44 MHz up to 24.25 GHz, 24250.08 MHz + N·17.28 MHz above)."));
        }

        return gscn.Value;
    }
}
