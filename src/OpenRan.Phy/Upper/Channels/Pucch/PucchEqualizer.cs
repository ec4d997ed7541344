using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// Single-layer equalization of PUCCH REs over R receive antennas with per-antenna channel estimates ĥ_r and noise variance σ²:
/// maximum-ratio combining x̂ = Σ_r ĥ_r*·y_r / Σ_r |ĥ_r|² with post-combining noise variance σ²/Σ|ĥ_r|² (format 2, the optimum
/// for one layer in white noise), or MMSE x̂ = Σ_r ĥ_r*·y_r / (Σ_r |ĥ_r|² + σ²) with gain g = Σ|ĥ_r|²/(Σ|ĥ_r|² + σ²)
/// (formats 3 and 4, before the inverse DFT of transform precoding). Stateless.
/// </summary>
public static class PucchEqualizer
{
    /// <summary>
    /// Maximum-ratio combining: for i = 0..symbols.Length − 1, symbols[i] = Σ_r conj(h[r·stride + i])·y[r·stride + i] / Σ_r |h|²
    /// and noiseVariances[i] = σ²/Σ_r |h|² (+∞ where Σ|h|² = 0, an erasure).
    /// </summary>
    public static void CombineMaximumRatio(ReadOnlySpan<ComplexF32> y, ReadOnlySpan<ComplexF32> h, int rxCount, int stride, float noiseVariance, Span<ComplexF32> symbols, Span<float> noiseVariances)
    {
        Validate(y, h, rxCount, stride, symbols.Length);
        ThrowHelper.ThrowIfLengthDiffers(noiseVariances.Length, symbols.Length, nameof(noiseVariances));
        for (int i = 0; i < symbols.Length; i++)
        {
            float re = 0, im = 0, power = 0;
            for (int r = 0; r < rxCount; r++)
            {
                ComplexF32 hr = h[(r * stride) + i];
                ComplexF32 p = ComplexF32.MultiplyConjugate(y[(r * stride) + i], hr);
                re += p.Re;
                im += p.Im;
                power += hr.MagnitudeSquared;
            }

            if (power > 0)
            {
                symbols[i] = new ComplexF32(re / power, im / power);
                noiseVariances[i] = noiseVariance / power;
            }
            else
            {
                symbols[i] = default;
                noiseVariances[i] = float.PositiveInfinity;
            }
        }
    }

    /// <summary>
    /// MMSE combining: symbols[i] = Σ_r conj(h)·y / (Σ_r |h|² + σ²) and gains[i] = Σ|h|²/(Σ|h|² + σ²) (0 where both are 0).
    /// </summary>
    public static void CombineMmse(ReadOnlySpan<ComplexF32> y, ReadOnlySpan<ComplexF32> h, int rxCount, int stride, float noiseVariance, Span<ComplexF32> symbols, Span<float> gains)
    {
        Validate(y, h, rxCount, stride, symbols.Length);
        ThrowHelper.ThrowIfLengthDiffers(gains.Length, symbols.Length, nameof(gains));
        for (int i = 0; i < symbols.Length; i++)
        {
            float re = 0, im = 0, power = 0;
            for (int r = 0; r < rxCount; r++)
            {
                ComplexF32 hr = h[(r * stride) + i];
                ComplexF32 p = ComplexF32.MultiplyConjugate(y[(r * stride) + i], hr);
                re += p.Re;
                im += p.Im;
                power += hr.MagnitudeSquared;
            }

            float denominator = power + noiseVariance;
            if (denominator > 0 && float.IsFinite(denominator))
            {
                symbols[i] = new ComplexF32(re / denominator, im / denominator);
                gains[i] = power / denominator;
            }
            else
            {
                symbols[i] = default;
                gains[i] = 0;
            }
        }
    }

    private static void Validate(ReadOnlySpan<ComplexF32> y, ReadOnlySpan<ComplexF32> h, int rxCount, int stride, int count)
    {
        ThrowHelper.ThrowIfOutside(rxCount, 1, PucchResourceElementExtractor.MaxRxAntennas);
        if (stride < count || y.Length < ((rxCount - 1) * stride) + count || h.Length < ((rxCount - 1) * stride) + count)
        {
            ThrowHelper.ThrowArgument(nameof(y), $"y and h need {rxCount} antennas of {count} values at stride {stride}.");
        }
    }
}
