using System;

namespace OpenRan.Phy.Upper.Modulation;

/// <summary>
/// Max-log LLR tables of one Gray-coded PAM axis with m bits (2^m levels), built from the TS 38.211 §5.1 levels of
/// <see cref="ModulationMapper"/> by exhaustive search per interval (see <see cref="SoftDemapping"/>).
/// </summary>
internal sealed class QamAxisTable
{
    /// <summary>Builds the table of an axis with <paramref name="bitsPerAxis"/> bits (1..5).</summary>
    public QamAxisTable(int bitsPerAxis)
    {
        BitsPerAxis = bitsPerAxis;
        IntervalCount = 1 << bitsPerAxis;
        float[] unit = ModulationMapper.BuildAxis(bitsPerAxis);
        int levelCount = unit.Length;
        // The scale that makes the levels odd integers: levels are (2i+1)/norm.
        double norm = Math.Sqrt(2.0 * ((levelCount * levelCount) - 1) / 3.0);
        var levels = new double[levelCount];
        for (int index = 0; index < levelCount; index++)
        {
            levels[index] = Math.Round(unit[index] * norm);
        }

        HalfScale = (float)(norm / 2.0);
        Slopes = new float[bitsPerAxis][];
        Intercepts = new float[bitsPerAxis][];
        for (int j = 0; j < bitsPerAxis; j++)
        {
            Slopes[j] = new float[IntervalCount];
            Intercepts[j] = new float[IntervalCount];
            for (int t = 0; t < IntervalCount; t++)
            {
                // Interval t spans [2(t − n/2), 2(t − n/2) + 2) in integer-level units; sample two inner points.
                double a = (2.0 * (t - (IntervalCount / 2))) + 0.5;
                double b = a + 1.0;
                double fa = Exact(levels, j, bitsPerAxis, a);
                double fb = Exact(levels, j, bitsPerAxis, b);
                double slope = fb - fa;
                double intercept = fa - (slope * a);
                // Back to unit-power coordinates x = x_int/norm: L·σ² = slope·norm·x/norm² + intercept/norm².
                Slopes[j][t] = (float)(slope / norm);
                Intercepts[j][t] = (float)(intercept / (norm * norm));
            }
        }
    }

    /// <summary>Bits per axis m (Q_m / 2).</summary>
    public int BitsPerAxis { get; }

    /// <summary>Number of intervals, 2^m.</summary>
    public int IntervalCount { get; }

    /// <summary>norm / 2: multiplying a unit-power axis value by it gives half its integer-level coordinate.</summary>
    public float HalfScale { get; }

    /// <summary>Slopes[j][t]: slope of axis bit j in interval t (unit-power coordinates, times σ²).</summary>
    public float[][] Slopes { get; }

    /// <summary>Intercepts[j][t]: intercept of axis bit j in interval t (unit-power coordinates, times σ²).</summary>
    public float[][] Intercepts { get; }

    /// <summary>The interval of axis value <paramref name="x"/>.</summary>
    public int Interval(float x)
    {
        float t = MathF.Floor(x * HalfScale) + (IntervalCount / 2);
        return t <= 0f ? 0 : t >= IntervalCount - 1 ? IntervalCount - 1 : (int)t;
    }

    /// <summary>σ²·LLR of axis bit <paramref name="j"/> for axis value <paramref name="x"/>.</summary>
    public float Llr(int j, float x)
    {
        int t = Interval(x);
        return (Slopes[j][t] * x) + Intercepts[j][t];
    }

    /// <summary>min_{s: bit j = 1}(x − s)² − min_{s: bit j = 0}(x − s)² over integer levels (index bits read MSB first).</summary>
    private static double Exact(double[] levels, int j, int bitsPerAxis, double x)
    {
        double min0 = double.MaxValue, min1 = double.MaxValue;
        for (int index = 0; index < levels.Length; index++)
        {
            double d = (x - levels[index]) * (x - levels[index]);
            if (((index >> (bitsPerAxis - 1 - j)) & 1) == 0)
            {
                min0 = Math.Min(min0, d);
            }
            else
            {
                min1 = Math.Min(min1, d);
            }
        }

        return min1 - min0;
    }
}
