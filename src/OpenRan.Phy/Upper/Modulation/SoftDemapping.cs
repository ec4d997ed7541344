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
