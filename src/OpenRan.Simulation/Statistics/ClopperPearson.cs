using System;
using MathNet.Numerics.Distributions;
using OpenRan.Dsp;

namespace OpenRan.Simulation.Statistics;

/// <summary>
/// The Clopper–Pearson ("exact") confidence interval of a binomial proportion k/n, from the beta distribution
/// (C. J. Clopper and E. S. Pearson, Biometrika 26(4), 1934): lower = B⁻¹(γ/2; k, n − k + 1), upper =
/// B⁻¹(1 − γ/2; k + 1, n − k), with lower = 0 when k = 0 and upper = 1 when k = n. The inverse beta CDF is MathNet's.
/// </summary>
public static class ClopperPearson
{
    /// <summary>The two-sided interval at confidence level <paramref name="confidence"/> (0 &lt; c &lt; 1) for <paramref name="successes"/> out of <paramref name="trials"/>; (0, 1) when there are no trials.</summary>
    public static (double Lower, double Upper) Interval(long successes, long trials, double confidence = 0.95)
    {
        if (trials < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(trials), trials, "≥ 0");
        }

        if (successes < 0 || successes > trials)
        {
            ThrowHelper.ThrowOutOfRange(nameof(successes), successes, $"0 … trials = {trials}");
        }

        if (!(confidence > 0 && confidence < 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(confidence), confidence, "0 < confidence < 1");
        }

        if (trials == 0)
        {
            return (0, 1);
        }

        double tail = (1 - confidence) / 2;
        double lower = successes == 0 ? 0 : Beta.InvCDF(successes, trials - successes + 1, tail);
        double upper = successes == trials ? 1 : Beta.InvCDF(successes + 1, trials - successes, 1 - tail);
        return (Math.Max(0, lower), Math.Min(1, upper));
    }
}
