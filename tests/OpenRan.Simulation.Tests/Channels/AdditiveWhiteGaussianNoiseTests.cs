using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;
using OpenRan.Simulation.Channels;

namespace OpenRan.Simulation.Tests.Channels;

public class AdditiveWhiteGaussianNoiseTests
{
    [Fact]
    public void Reference_IsTheLinkSimulatorsSequence_SampleForSample()
    {
        // The published curves were run with ComplexGaussianSource: the default generator must keep its exact sequence.
        var noise = new AdditiveWhiteGaussianNoise(42) { NoiseVariance = 0.5 };
        Assert.Equal(GaussianNoiseGenerator.Reference, noise.Generator);
        var applied = new ComplexF32[5000];
        noise.Apply(applied);
        var expected = new ComplexF32[5000];
        new ComplexGaussianSource(42).AddTo(expected, 0.5);
        Assert.Equal(expected, applied);
    }

    [Theory]
    [InlineData(GaussianNoiseGenerator.Reference)]
    [InlineData(GaussianNoiseGenerator.Vectorized)]
    public void EitherGenerator_AddsNoiseOfTheSetVariance_AndRestartsOnReset(GaussianNoiseGenerator generator)
    {
        const double variance = 0.25;
        var noise = new AdditiveWhiteGaussianNoise(7, generator) { NoiseVariance = variance };
        Assert.Equal(generator, noise.Generator);
        var samples = new ComplexF32[1 << 18];
        noise.Apply(samples);
        double power = 0;
        foreach (ComplexF32 s in samples)
        {
            power += (s.Re * s.Re) + (s.Im * s.Im);
        }

        // E|n|² = σ²; the mean of 2^18 exponential draws has a relative standard deviation of 2^-9.
        Assert.InRange(power / samples.Length, variance * (1 - 0.01), variance * (1 + 0.01));

        noise.Reset(7);
        var again = new ComplexF32[samples.Length];
        noise.Apply(again);
        Assert.Equal(samples, again);
    }
}
