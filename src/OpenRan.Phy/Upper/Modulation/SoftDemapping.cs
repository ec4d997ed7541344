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

    /// <summary>
    /// QPSK's axis table as one line through 0: true with its slope (2√2 in float) when both intervals share the slope
    /// and have intercept 0, so slope·x equals the table's slope[t]·x + intercept[t] up to the sign of a zero (which
    /// quantizes to 0 either way). The vector demappers use it to skip the interval lookup.
    /// </summary>
    public static bool QpskSlope(out float slope)
    {
        QamAxisTable table = Table(ModulationScheme.Qpsk);
        slope = table.Slopes[0][0];
        return table.Slopes[0][1] == slope && table.Intercepts[0][0] == 0f && table.Intercepts[0][1] == 0f;
    }

    /// <summary>
    /// The in-lane byte shuffle (<c>pshufb</c> control) that puts packed LLRs of one vector in TS 38.211 §5.1 order:
    /// after two saturating int32→int16 packs of (bit 0, bit 1), (bit 2, bit 3) and one int16→int8 pack, each 128-bit
    /// lane holds the axis values of symbols 2L, 2L + 1 (re, im) of bit j at byte 4j + 2s + a; symbol s of the lane wants
    /// its bits at 2·m′·s + 2j + a with m′ = min(m, 4). Bytes past 4·m′ are zeroed (index −128).
    /// </summary>
    /// <param name="bitsPerAxis">m.</param>
    /// <param name="laneCount">128-bit lanes per vector (2 or 4).</param>
    public static sbyte[] PackedByteOrder(int bitsPerAxis, int laneCount)
    {
        int used = Math.Min(bitsPerAxis, 4);
        var order = new sbyte[16 * laneCount];
        for (int lane = 0; lane < laneCount; lane++)
        {
            for (int d = 0; d < 16; d++)
            {
                int s = d / (2 * used), j = d % (2 * used) / 2, a = d % 2;
                order[(16 * lane) + d] = d < 4 * used ? (sbyte)((4 * j) + (2 * s) + a) : sbyte.MinValue;
            }
        }

        return order;
    }

    /// <summary>
    /// The <c>vpermd</c> control that compacts the m′ = min(m, 4) used doublewords of every 128-bit lane after
    /// <see cref="PackedByteOrder"/>: output doubleword o comes from lane o/m′, doubleword o mod m′ (0 past the end).
    /// </summary>
    public static int[] PackedDwordOrder(int bitsPerAxis, int laneCount)
    {
        int used = Math.Min(bitsPerAxis, 4);
        var order = new int[4 * laneCount];
        for (int o = 0; o < order.Length; o++)
        {
            order[o] = o < laneCount * used ? (4 * (o / used)) + (o % used) : 0;
        }

        return order;
    }

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
