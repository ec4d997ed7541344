using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Modulation;

/// <summary>Error vectors of equalized symbols against the nearest point of their TS 38.211 §5.1 constellation (for EVM).</summary>
public static class ConstellationError
{
    /// <summary>
    /// Returns Σ |y − q(y)|² over the symbols whose noise variance is finite, q the nearest constellation point, and
    /// the number of such symbols in <paramref name="count"/>.
    /// </summary>
    /// <param name="symbols">Equalized symbols (unit-power constellation).</param>
    /// <param name="noiseVariances">Their noise variances; +∞ (erased) symbols are skipped.</param>
    /// <param name="scheme">The constellation.</param>
    /// <param name="symbolIndexOffset">For π/2-BPSK: the index of the first symbol.</param>
    /// <param name="count">Receives the number of symbols summed.</param>
    public static double SumOfSquares(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noiseVariances, ModulationScheme scheme, int symbolIndexOffset, out int count)
    {
        ThrowHelper.ThrowIfLengthDiffers(noiseVariances.Length, symbols.Length, nameof(noiseVariances));
        int qm = scheme.BitsPerSymbol();
        double sum = 0;
        count = 0;
        const float a = 0.70710678118654752f;
        int levels = qm >= 2 ? 1 << (qm / 2) : 2;
        float norm = MathF.Sqrt(2f * ((levels * levels) - 1) / 3f);
        float inverseNorm = 1f / norm;
        for (int i = 0; i < symbols.Length; i++)
        {
            if (!float.IsFinite(noiseVariances[i]))
            {
                continue;
            }

            ComplexF32 y = symbols[i];
            ComplexF32 error;
            if (qm == 1)
            {
                if (scheme == ModulationScheme.Pi2Bpsk && ((i + symbolIndexOffset) & 1) == 1)
                {
                    y = new ComplexF32(y.Im, -y.Re); // undo the e^{jπ/2} rotation
                }

                float s = y.Re + y.Im >= 0 ? a : -a;
                error = y - new ComplexF32(s, s);
            }
            else
            {
                error = new ComplexF32(AxisError(y.Re, norm, levels) * inverseNorm, AxisError(y.Im, norm, levels) * inverseNorm);
            }

            sum += error.MagnitudeSquared;
            count++;
        }

        return sum;
    }

    /// <summary>x·norm minus the nearest odd level in ±(levels − 1).</summary>
    private static float AxisError(float x, float norm, int levels)
    {
        float scaled = x * norm;
        float level = Math.Clamp((2 * MathF.Floor(scaled / 2)) + 1, 1 - levels, levels - 1);
        return scaled - level;
    }
}
