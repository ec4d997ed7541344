using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
        int i = 0;
        if (qm >= 2 && Vector256.IsHardwareAccelerated)
        {
            i = SumOfSquaresVector256(symbols, noiseVariances, norm, levels, ref sum, ref count);
        }

        for (; i < symbols.Length; i++)
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

    /// <summary>
    /// QAM, four symbols per step on interleaved floats (both axes alike); erased symbols are masked out. The errors are
    /// accumulated in integer-level units and scaled by 1/norm² at the end. Returns the symbols done.
    /// </summary>
    private static int SumOfSquaresVector256(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noiseVariances, float norm, int levels, ref double sum, ref int count)
    {
        ref float x = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(symbols));
        ref float e = ref MemoryMarshal.GetReference(noiseVariances);
        Vector256<float> scale = Vector256.Create(norm);
        Vector256<float> half = Vector256.Create(0.5f);
        Vector256<float> max = Vector256.Create((float)(levels - 1));
        Vector256<float> min = -max;
        Vector128<float> infinity = Vector128.Create(float.PositiveInfinity);
        Vector256<float> accumulator = Vector256<float>.Zero;
        Vector128<int> counted = Vector128<int>.Zero;
        int i = 0;
        for (; i <= symbols.Length - 4; i += 4)
        {
            Vector256<float> scaled = Vector256.LoadUnsafe(ref x, (nuint)(2 * i)) * scale;
            Vector256<float> level = Vector256.Min(Vector256.Max((Vector256.Floor(scaled * half) * Vector256.Create(2f)) + Vector256<float>.One, min), max);
            Vector256<float> error = scaled - level;
            Vector128<float> finite = Vector128.LessThan(Vector128.LoadUnsafe(ref e, (nuint)i), infinity);
            Vector256<float> mask = Vector256.Create(Vector128.Shuffle(finite, Vector128.Create(0, 0, 1, 1)), Vector128.Shuffle(finite, Vector128.Create(2, 2, 3, 3)));
            accumulator += (error * error) & mask;
            counted -= finite.AsInt32();
        }

        sum += Vector256.Sum(accumulator) / (norm * norm);
        count += Vector128.Sum(counted);
        return i;
    }

    /// <summary>x·norm minus the nearest odd level in ±(levels − 1).</summary>
    private static float AxisError(float x, float norm, int levels)
    {
        float scaled = x * norm;
        float level = Math.Clamp((2 * MathF.Floor(scaled / 2)) + 1, 1 - levels, levels - 1);
        return scaled - level;
    }
}
