using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// Thresholds of the PUCCH DTX detectors for a required false-alarm probability. Every PUCCH detector here tests a
/// normalised energy T = (energy captured by the hypothesis) / (total received energy): with white Gaussian noise only, the
/// projections onto a orthonormal directions (one per block of REs the channel is assumed flat over) hold a of the
/// N complex dimensions, so T ~ Beta(a, N − a) whatever the noise level, and
/// P(T &gt; t) = Σ_{j=0}^{a−1} C(N − 1, j)·t^j·(1 − t)^(N−1−j) (the binomial form of the regularised incomplete beta function
/// for integer parameters). The threshold for K hypotheses tested together uses P_FA/K per hypothesis (union bound).
/// </summary>
/// <remarks>Computed in double precision in the log domain (exact for N up to tens of thousands); a configuration-time operation.</remarks>
public static class PucchDetectionThreshold
{
    /// <summary>P(T &gt; t) for T ~ Beta(a, N − a), a ≥ 1, N &gt; a.</summary>
    /// <param name="t">The threshold, 0..1.</param>
    /// <param name="signalDimensions">a.</param>
    /// <param name="totalDimensions">N.</param>
    public static double ExceedanceProbability(double t, int signalDimensions, int totalDimensions)
    {
        ThrowHelper.ThrowIfOutside(signalDimensions, 1, int.MaxValue - 1);
        ThrowHelper.ThrowIfOutside(totalDimensions, signalDimensions + 1, int.MaxValue);
        if (t <= 0)
        {
            return 1;
        }

        if (t >= 1)
        {
            return 0;
        }

        // Binomial(n = N − 1, t): P(X ≤ a − 1), summed in the log domain.
        int n = totalDimensions - 1;
        double logT = Math.Log(t);
        double log1MinusT = double.LogP1(-t);
        double logTerm = n * log1MinusT; // j = 0: (1 − t)^n
        double max = logTerm;
        double sum = 1; // Σ exp(logTerm_j − max), rescaled as max grows
        for (int j = 1; j < signalDimensions; j++)
        {
            logTerm += Math.Log((double)(n - j + 1) / j) + logT - log1MinusT;
            if (logTerm > max)
            {
                sum = (sum * Math.Exp(max - logTerm)) + 1;
                max = logTerm;
            }
            else
            {
                sum += Math.Exp(logTerm - max);
            }
        }

        return Math.Min(1, Math.Exp(max + Math.Log(sum)));
    }

    /// <summary>
    /// The threshold t with P(T &gt; t) = <paramref name="falseAlarmProbability"/>/<paramref name="hypotheses"/> for
    /// T ~ Beta(a, N − a) (bisection to 1e-12).
    /// </summary>
    public static double Threshold(double falseAlarmProbability, int hypotheses, int signalDimensions, int totalDimensions)
    {
        if (!(falseAlarmProbability > 0 && falseAlarmProbability < 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(falseAlarmProbability), falseAlarmProbability, "0 < P_FA < 1");
        }

        ThrowHelper.ThrowIfOutside(hypotheses, 1, 1 << 20);
        double target = falseAlarmProbability / hypotheses;
        double low = 0, high = 1;
        for (int i = 0; i < 60 && high - low > 1e-12; i++)
        {
            double mid = 0.5 * (low + high);
            if (ExceedanceProbability(mid, signalDimensions, totalDimensions) > target)
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
}
