using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Equalization;

namespace CustomEqualizer;

/// <summary>
/// A researcher's equalizer: maximum-ratio combining of one layer over the receive ports, reporting the post-combining
/// noise variance scaled by a noise over-estimate factor β (β = 1 is exact; β &gt; 1 models a receiver that believes the
/// channel noisier than it is, which shrinks every LLR by 1/β).
/// </summary>
/// <remarks>
/// For element i with received y_r and channel h_r on receive port r of R and noise variance σ² per port:
/// g = Σ_r |h_r|², x̂ = Σ_r conj(h_r)·y_r / g (unbiased: E[x̂] = x), σ²_post = β·σ² / g. For one layer this is the
/// zero-forcing (and the unbiased MMSE) solution, so <see cref="Algorithm"/> is <see cref="EqualizerAlgorithm.ZeroForcing"/>.
/// An element with g = 0 cannot be equalized: x̂ = 0 and σ²_post = +∞, which the demapper turns into zero LLRs. Allocates
/// nothing and throws nothing per call for one layer (the contract of <see cref="IChannelEqualizer"/>).
/// </remarks>
public sealed class NoiseScaledMrcEqualizer : IChannelEqualizer
{
    /// <summary>The smallest noise variance used, so that σ²_post stays positive on a noiseless channel.</summary>
    private const float MinimumNoiseVariance = 1e-12f;

    /// <summary>Creates the equalizer.</summary>
    /// <param name="noiseOverEstimate">β, the factor applied to the noise variance, 1 … 100.</param>
    public NoiseScaledMrcEqualizer(float noiseOverEstimate = 1)
    {
        if (!(noiseOverEstimate is >= 1 and <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseOverEstimate), noiseOverEstimate, "valid: 1 … 100.");
        }

        NoiseOverEstimate = noiseOverEstimate;
    }

    /// <summary>β, the factor applied to the noise variance.</summary>
    public float NoiseOverEstimate { get; }

    /// <inheritdoc />
    public string Name => "mrc-noise-x" + NoiseOverEstimate.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public EqualizerAlgorithm Algorithm => EqualizerAlgorithm.ZeroForcing;

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">More than one layer (a configuration error: this example combines one layer).</exception>
    public void Equalize(ChannelEqualizerInput input, ChannelEqualizerOutput output)
    {
        if (input.LayerCount != 1)
        {
            throw new NotSupportedException($"{Name} equalizes one layer; the link has {input.LayerCount}.");
        }

        // Accumulate Σ_r conj(h_r)·y_r in the symbol row and g = Σ_r |h_r|² in the noise row, one receive port at a time.
        Span<ComplexF32> symbols = output.Symbols(0);
        Span<float> gains = output.NoiseVariances(0);
        symbols.Clear();
        gains.Clear();
        for (int r = 0; r < input.RxPortCount; r++)
        {
            ReadOnlySpan<ComplexF32> h = input.Channel(r, 0);
            ReadOnlySpan<ComplexF32> y = input.Received(r);
            for (int i = 0; i < input.Length; i++)
            {
                // conj(h)·y = (h.Re·y.Re + h.Im·y.Im) + j(h.Re·y.Im − h.Im·y.Re).
                symbols[i] = new ComplexF32(
                    symbols[i].Re + (h[i].Re * y[i].Re) + (h[i].Im * y[i].Im),
                    symbols[i].Im + (h[i].Re * y[i].Im) - (h[i].Im * y[i].Re));
                gains[i] += (h[i].Re * h[i].Re) + (h[i].Im * h[i].Im);
            }
        }

        // Normalise: x̂ = Σ conj(h)·y / g and σ²_post = β·σ² / g, or erase the element when g = 0.
        float noise = NoiseOverEstimate * MathF.Max(input.NoiseVariance, MinimumNoiseVariance);
        for (int i = 0; i < input.Length; i++)
        {
            float gain = gains[i];
            if (gain > 0)
            {
                float inverse = 1 / gain;
                symbols[i] = new ComplexF32(symbols[i].Re * inverse, symbols[i].Im * inverse);
                gains[i] = noise * inverse;
            }
            else
            {
                symbols[i] = default;
                gains[i] = float.PositiveInfinity;
            }
        }
    }
}
