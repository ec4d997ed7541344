using System;

namespace OpenRan.Phy.Upper.Detection;

/// <summary>
/// The Beta(a, b) distribution with positive integer parameters: its upper tail and the quantile of a tail probability,
/// for detection thresholds computed once per configuration (not on the slot path's inner loops).
/// </summary>
/// <remarks>
/// For integers a, b ≥ 1, P(X &gt; t) = P(Binomial(a + b − 1, t) ≤ a − 1) = Σ_(j=0)^(a−1) C(n, j)·t^j·(1 − t)^(n−j) with
/// n = a + b − 1 (the order-statistics identity of the regularized incomplete beta function). The sum is evaluated in
/// the log domain from its largest term j = a − 1 downwards (terms shrink geometrically once t exceeds the mean), so
/// neither n in the thousands nor tails of 1e-12 lose precision; ln C(n, j) comes from a Lanczos log-gamma.
/// </remarks>
internal static class BetaDistribution
{
    /// <summary>P(X &gt; t) for X ~ Beta(a, b), a, b ≥ 1, 0 ≤ t ≤ 1.</summary>
    public static double UpperTail(int a, int b, double t)
    {
        if (t <= 0)
        {
            return 1;
        }

        if (t >= 1)
        {
            return 0;
        }

        int n = a + b - 1;
        double logT = Math.Log(t);
        double log1mT = double.LogP1(-t);

        // Largest index of the sum: j = a − 1. Sum terms j, j − 1, … relative to the first, in the log domain.
        int j = a - 1;
        double logFirst = LogChoose(n, j) + (j * logT) + ((n - j) * log1mT);
        double ratioBase = log1mT - logT;
        double sum = 1;
        double logTerm = 0;
        for (int k = j; k > 0; k--)
        {
            // term(k − 1) / term(k) = k / (n − k + 1) · (1 − t) / t.
            logTerm += Math.Log(k) - Math.Log(n - k + 1) + ratioBase;
            double term = Math.Exp(logTerm);
            sum += term;
            if (term < 1e-17 * sum && logTerm < 0)
            {
                break;
            }
        }

        return Math.Min(1, Math.Exp(logFirst) * sum);
    }

    /// <summary>The t with P(X &gt; t) = <paramref name="tailProbability"/> for X ~ Beta(a, b) (bisection to 1e-12).</summary>
    public static double UpperQuantile(int a, int b, double tailProbability)
    {
        double low = 0, high = 1;
        for (int iteration = 0; iteration < 60 && high - low > 1e-12; iteration++)
        {
            double middle = 0.5 * (low + high);
            if (UpperTail(a, b, middle) > tailProbability)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;
    }

    /// <summary>ln C(n, k).</summary>
    private static double LogChoose(int n, int k) => LogGamma(n + 1) - LogGamma(k + 1) - LogGamma(n - k + 1);

    /// <summary>ln Γ(x) for x ≥ 1 (Lanczos approximation, g = 7, nine coefficients; relative error below 1e-14).</summary>
    private static double LogGamma(double x)
    {
        ReadOnlySpan<double> c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        double sum = c[0];
        for (int i = 1; i < c.Length; i++)
        {
            sum += c[i] / (x + i);
        }

        double t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
