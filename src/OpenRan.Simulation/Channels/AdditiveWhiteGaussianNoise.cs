using System;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;

namespace OpenRan.Simulation.Channels;

/// <summary>
/// Additive white Gaussian noise: adds independent CN(0, σ²) samples to every receive-antenna sample. σ² is the noise
/// variance per complex time-domain sample; <see cref="SnrDefinition"/> converts the link SNR into σ².
/// The samples come from the generator chosen at construction (<see cref="GaussianNoiseGenerator"/>).
/// Allocation-free after construction; not thread-safe.
/// </summary>
public sealed class AdditiveWhiteGaussianNoise
{
    private readonly IComplexGaussianSource _source;
    private double _noiseVariance;

    /// <summary>Creates a noise source seeded with <paramref name="seed"/> and σ² = 0 (no noise).</summary>
    public AdditiveWhiteGaussianNoise(ulong seed = 0, GaussianNoiseGenerator generator = GaussianNoiseGenerator.Reference) =>
        _source = generator switch
        {
            GaussianNoiseGenerator.Reference => new ComplexGaussianSource(seed),
            GaussianNoiseGenerator.Vectorized => new VectorComplexGaussianSource(seed),
            _ => throw new ArgumentOutOfRangeException(nameof(generator), generator, "valid: Reference | Vectorized"),
        };

    /// <summary>The generator in use.</summary>
    public GaussianNoiseGenerator Generator => _source is VectorComplexGaussianSource ? GaussianNoiseGenerator.Vectorized : GaussianNoiseGenerator.Reference;

    /// <summary>The noise variance σ² = E|n|² per complex sample (≥ 0).</summary>
    public double NoiseVariance
    {
        get => _noiseVariance;
        set
        {
            if (!(value >= 0) || double.IsInfinity(value))
            {
                ThrowHelper.ThrowOutOfRange(nameof(NoiseVariance), value, "a finite variance ≥ 0");
            }

            _noiseVariance = value;
        }
    }

    /// <summary>Restarts the noise sequence for <paramref name="seed"/>.</summary>
    public void Reset(ulong seed) => _source.Reset(seed);

    /// <summary>Adds noise to every sample of <paramref name="samples"/> in place.</summary>
    public void Apply(Span<ComplexF32> samples) => _source.AddTo(samples, _noiseVariance);
}
