using System;
using OpenRan.Dsp.Randomness;

namespace OpenRan.Dsp.Tests.Randomness;

public class VectorComplexGaussianSourceTests
{
    [Fact]
    public void Generate_MatchesScalarOracle()
    {
        // Every sample equals the Box–Muller transform of its word of the four interleaved xoshiro256** lanes.
        const double Variance = 0.7;
        var source = new VectorComplexGaussianSource(42);
        var samples = new ComplexF32[3000];
        source.Generate(samples, Variance);
        for (int k = 0; k < samples.Length; k++)
        {
            ComplexF32 expected = VectorComplexGaussianSource.ReferenceSample(VectorComplexGaussianSource.ReferenceWord(42, k), Variance);
            Assert.Equal(expected.Re, samples[k].Re, 1e-5);
            Assert.Equal(expected.Im, samples[k].Im, 1e-5);
        }
    }

    [Fact]
    public void ReferenceWord_LaneZero_IsXoshiroFromSplitMixState()
    {
        ulong state = 7;
        ulong s0 = Xoshiro256StarStar.SplitMix64(ref state);
        ulong s1 = Xoshiro256StarStar.SplitMix64(ref state);
        ulong s2 = Xoshiro256StarStar.SplitMix64(ref state);
        ulong s3 = Xoshiro256StarStar.SplitMix64(ref state);
        Xoshiro256StarStar g = Xoshiro256StarStar.FromState(s0, s1, s2, s3);
        Assert.Equal(g.NextUInt64(), VectorComplexGaussianSource.ReferenceWord(7, 0));
        Assert.Equal(g.NextUInt64(), VectorComplexGaussianSource.ReferenceWord(7, 4));
    }

    [Fact]
    public void Generate_MillionSamples_CircularGaussianMoments()
    {
        // CN(0, σ²): E[n] = 0, E|n|² = σ², E[Re²] = E[Im²] = σ²/2, E[Re·Im] = 0 and E|n|⁴ = 2σ⁴ (about 5 standard errors).
        const double Variance = 2.5;
        const int N = 1 << 20;
        var source = new VectorComplexGaussianSource(11);
        var samples = new ComplexF32[N];
        source.Generate(samples, Variance);
        double re = 0, im = 0, p = 0, reSq = 0, imSq = 0, cross = 0, fourth = 0;
        foreach (ComplexF32 s in samples)
        {
            re += s.Re;
            im += s.Im;
            double m = s.MagnitudeSquared;
            p += m;
            reSq += s.Re * s.Re;
            imSq += s.Im * s.Im;
            cross += s.Re * s.Im;
            fourth += m * m;
        }

        Assert.InRange(re / N, -0.008, 0.008);
        Assert.InRange(im / N, -0.008, 0.008);
        Assert.InRange(p / N / Variance, 0.995, 1.005);
        Assert.InRange(reSq / N / (Variance / 2), 0.993, 1.007);
        Assert.InRange(imSq / N / (Variance / 2), 0.993, 1.007);
        Assert.InRange(cross / N / Variance, -0.005, 0.005);
        Assert.InRange(fourth / N / (2 * Variance * Variance), 0.985, 1.015);
    }

    [Fact]
    public void Generate_TailProbability_MatchesExponentialLaw()
    {
        // P(|n|² > xσ²) = e^(−x) for CN(0, σ²): x = 4 (1.83 %) and x = 9 (1.23e-4) on 2^21 samples.
        const int N = 1 << 21;
        var source = new VectorComplexGaussianSource(5);
        var samples = new ComplexF32[N];
        source.Generate(samples, 1);
        int above4 = 0, above9 = 0;
        foreach (ComplexF32 s in samples)
        {
            above4 += s.MagnitudeSquared > 4 ? 1 : 0;
            above9 += s.MagnitudeSquared > 9 ? 1 : 0;
        }

        Assert.InRange(above4 / (double)N, Math.Exp(-4) * 0.97, Math.Exp(-4) * 1.03);
        Assert.InRange(above9 / (double)N, Math.Exp(-9) * 0.8, Math.Exp(-9) * 1.2);
    }

    [Fact]
    public void AddTo_SameSeed_AddsTheGeneratedSequenceAndZeroVarianceAddsNothing()
    {
        var a = new VectorComplexGaussianSource(9);
        var b = new VectorComplexGaussianSource(9);
        var noise = new ComplexF32[5000];
        a.Generate(noise, 0.5);
        var samples = new ComplexF32[5000];
        samples.AsSpan().Fill(new ComplexF32(1, -2));
        b.AddTo(samples, 0.5);
        for (int i = 0; i < noise.Length; i++)
        {
            Assert.Equal(1 + noise[i].Re, samples[i].Re, 5);
            Assert.Equal(-2 + noise[i].Im, samples[i].Im, 5);
        }

        b.AddTo(samples.AsSpan(0, 1), 0);
        Assert.Equal(1 + noise[0].Re, samples[0].Re, 5);
    }
}
