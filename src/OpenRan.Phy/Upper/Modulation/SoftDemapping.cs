using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Modulation;

/// <summary>
/// The max-log soft demapping rules of the TS 38.211 §5.1 constellations, shared by every demapper implementation:
/// per-axis piecewise-linear LLR tables for square QAM and the closed forms for BPSK and π/2-BPSK.
/// </summary>
/// <remarks>
/// <para>LLR convention (project-wide, <see cref="LogLikelihoodRatio"/>): L = ln P(b = 0)/P(b = 1), positive favours 0.
/// Max-log in natural units for a symbol y with complex noise variance σ² = E|n|²:
/// L_b = (min_{s: b = 1} |y − s|² − min_{s: b = 0} |y − s|²) / σ², the "approximate LLR" of MATLAB's
/// <c>nrSymbolDemodulate(…, 'soft')</c>.</para>
/// <para>Square QAM separates into two Gray-coded PAM axes (even bits b0, b2, … on the real part, odd bits on the
/// imaginary part). With the axis scaled so its levels are the odd integers ±1, ±3, …, each bit's max-log LLR is linear
/// between consecutive even integers: 2^m intervals for 2^m levels (m bits per axis), the outer two extending to ±∞.
/// The tables hold, per axis bit and interval, slope and intercept converted back to the unit-power
/// constellation: L = (slope·x + intercept)/σ², with interval index ⌊x·norm/2⌋ + 2^(m−1) clamped to 0..2^m − 1, where
/// norm = √(2(4^m − 1)/3) is the factor that maps the unit-power levels to odd integers.</para>
/// </remarks>
internal static class SoftDemapping
{
    private static readonly QamAxisTable?[] s_tables = BuildTables();

    /// <summary>The per-axis table of a square QAM scheme (QPSK … 1024QAM).</summary>
    public static QamAxisTable Table(ModulationScheme scheme) =>
        s_tables[(int)scheme] ?? throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "not a square QAM scheme.");

    /// <summary>Natural-unit max-log LLRs of one QAM symbol: llrs[2j + a] for axis a (0 real, 1 imaginary) and axis bit j.</summary>
    public static void QamSymbol(QamAxisTable table, ComplexF32 symbol, float inverseNoise, Span<float> llrs)
    {
        for (int j = 0; j < table.BitsPerAxis; j++)
        {
            llrs[2 * j] = table.Llr(j, symbol.Re) * inverseNoise;
            llrs[(2 * j) + 1] = table.Llr(j, symbol.Im) * inverseNoise;
        }
    }

    /// <summary>
    /// Natural-unit LLR of a BPSK or π/2-BPSK symbol (TS 38.211 §5.1.1, §5.1.2): the bit b maps to
    /// e^{jπ(i mod 2)/2}·(1 − 2b)(1 + j)/√2, so after undoing the π/2 rotation L = 2√2·(Re + Im)/σ².
    /// </summary>
    public static float BpskSymbol(ComplexF32 symbol, bool rotated, float inverseNoise)
    {
        // Multiplying by −j undoes the e^{jπ/2} rotation of odd π/2-BPSK symbols: (re, im) → (im, −re).
        float sum = rotated ? symbol.Im - symbol.Re : symbol.Re + symbol.Im;
        return 2f * MathF.Sqrt(2f) * sum * inverseNoise;
    }

    /// <summary>1/σ² for a noise variance; 0 (an erased symbol, LLR 0) when σ² is not a positive finite number.</summary>
    public static float InverseNoise(float noiseVariance) =>
        noiseVariance > 0f && float.IsFinite(noiseVariance) ? 1f / noiseVariance : 0f;

    /// <summary>
    /// The reference demapper in natural units: llrs[i·Q_m + b] for symbols[i] (TS 38.211 §5.1 bit order), each with its
    /// own noise variance (σ² ≤ 0, NaN or +∞ erase the symbol: its LLRs are 0).
    /// </summary>
    public static void Demodulate(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noiseVariances, ModulationScheme scheme, Span<float> llrs, int symbolIndexOffset)
    {
        int qm = scheme.BitsPerSymbol();
        ThrowHelper.ThrowIfLengthDiffers(noiseVariances.Length, symbols.Length, nameof(noiseVariances));
        ThrowHelper.ThrowIfLengthDiffers(llrs.Length, symbols.Length * qm, nameof(llrs));
        if (qm == 1)
        {
            for (int i = 0; i < symbols.Length; i++)
            {
                bool rotated = scheme == ModulationScheme.Pi2Bpsk && ((i + symbolIndexOffset) & 1) == 1;
                llrs[i] = BpskSymbol(symbols[i], rotated, InverseNoise(noiseVariances[i]));
            }

            return;
        }

        QamAxisTable table = Table(scheme);
        for (int i = 0; i < symbols.Length; i++)
        {
            QamSymbol(table, symbols[i], InverseNoise(noiseVariances[i]), llrs.Slice(i * qm, qm));
        }
    }

    private static QamAxisTable?[] BuildTables()
    {
        var tables = new QamAxisTable?[Enum.GetValues<ModulationScheme>().Length];
        foreach (ModulationScheme scheme in Enum.GetValues<ModulationScheme>())
        {
            int qm = scheme.BitsPerSymbol();
            if (qm >= 2)
            {
                tables[(int)scheme] = new QamAxisTable(qm / 2);
            }
        }

        return tables;
    }
}

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
