using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// The PRACH detection threshold for a target false-alarm probability. On noise only, every (antenna, repetition group)
/// contributes |z(m)|²/(L_RA·E) ~ Exp(1) per correlation cell (E the group's in-band energy), so the combined metric
/// T = (1/n)·Σ over n components is Gamma(n, 1/n): P(T &gt; t) = Q(n, n·t) = e^(−nt)·Σ_{j&lt;n} (nt)^j/j!. With C
/// independent cells tested per occasion, the threshold solves C·Q(n, n·t) = P_FA.
/// </summary>
public static class PrachDetectionThreshold
{
    /// <summary>The threshold on the mean-normalised metric for <paramref name="components"/> and <paramref name="cells"/>.</summary>
    /// <param name="components">n: antennas × non-coherent repetition groups, ≥ 1.</param>
    /// <param name="cells">C: independent correlation cells searched per occasion, ≥ 1.</param>
    /// <param name="falseAlarmProbability">Target per-occasion false-alarm probability, 0..1 exclusive.</param>
    public static double ForFalseAlarm(int components, double cells, double falseAlarmProbability)
    {
        if (components < 1)
        {
            ThrowHelper.ThrowOutOfRange(nameof(components), components, "≥ 1");
        }

        if (!(cells >= 1) || !(falseAlarmProbability > 0 && falseAlarmProbability < 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(falseAlarmProbability), falseAlarmProbability, "0 < P_FA < 1 with ≥ 1 cell");
        }

        double target = falseAlarmProbability / cells;
        double low = 1, high = 1;
        while (UpperTail(components, high) > target)
        {
            high *= 2;
        }

        for (int i = 0; i < 100; i++)
        {
            double mid = 0.5 * (low + high);
            if (UpperTail(components, mid) > target)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return high;
    }

    /// <summary>P(T &gt; t) for T ~ Gamma(n, 1/n) (mean 1), computed in the log domain.</summary>
    public static double UpperTail(int components, double threshold)
    {
        double x = components * threshold;
        double logX = Math.Log(x);
        double sum = 0;
        double logFactorial = 0;
        for (int j = 0; j < components; j++)
        {
            if (j > 0)
            {
                logFactorial += Math.Log(j);
            }

            sum += Math.Exp(-x + (j * logX) - logFactorial);
        }

        return Math.Min(1.0, sum);
    }
}
