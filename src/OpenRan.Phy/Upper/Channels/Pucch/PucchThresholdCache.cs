namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>Remembers the last few thresholds of <see cref="PucchDetectionThreshold"/>, so a detector computes each once per configuration.</summary>
internal sealed class PucchThresholdCache
{
    private const int Size = 8;
    private readonly (double P, int K, int A, int N, double T)[] _entries = new (double, int, int, int, double)[Size];
    private int _next;

    /// <summary>The threshold for (P_FA, K, a, N), computed on first use.</summary>
    public double Get(double falseAlarmProbability, int hypotheses, int signalDimensions, int totalDimensions)
    {
        foreach ((double p, int k, int a, int n, double t) in _entries)
        {
            if (p == falseAlarmProbability && k == hypotheses && a == signalDimensions && n == totalDimensions)
            {
                return t;
            }
        }

        double threshold = PucchDetectionThreshold.Threshold(falseAlarmProbability, hypotheses, signalDimensions, totalDimensions);
        _entries[_next] = (falseAlarmProbability, hypotheses, signalDimensions, totalDimensions, threshold);
        _next = (_next + 1) % Size;
        return threshold;
    }
}
