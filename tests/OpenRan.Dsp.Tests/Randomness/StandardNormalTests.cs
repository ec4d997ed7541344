using System;
using OpenRan.Dsp.Randomness;

namespace OpenRan.Dsp.Tests.Randomness;

public class StandardNormalTests
{
    [Fact]
    public void Next_FixedSeed_IsTheBoxMullerCosineBranch()
    {
        // u1 = 1 − U first, u2 = U second: the sequence every seeded caller (tests, conformance checks) relies on.
        var reference = new Random(5);
        var random = new Random(5);
        for (int i = 0; i < 100; i++)
        {
            double u1 = 1 - reference.NextDouble();
            double u2 = reference.NextDouble();
            Assert.Equal(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2), StandardNormal.Next(random));
        }
    }

    [Fact]
    public void Next_HundredThousandValues_HasUnitVarianceAndZeroMean()
    {
        // Standard errors: mean 1/√N ≈ 0.0032, variance √(2/N) ≈ 0.0045; tolerances are 5 standard errors.
        const int N = 100_000;
        var random = new Random(3);
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < N; i++)
        {
            double v = StandardNormal.Next(random);
            sum += v;
            sumSquares += v * v;
        }

        Assert.InRange(sum / N, -0.016, 0.016);
        Assert.InRange(sumSquares / N, 1 - 0.023, 1 + 0.023);
    }

    [Fact]
    public void AddComplexNoise_HundredThousandSamples_AddsTheVariancePerComplexSample()
    {
        const int N = 100_000;
        const double Variance = 0.5;
        var samples = new ComplexF32[N];
        StandardNormal.AddComplexNoise(samples, Variance, new Random(9));
        double re = 0, im = 0, power = 0;
        foreach (ComplexF32 s in samples)
        {
            re += s.Re * (double)s.Re;
            im += s.Im * (double)s.Im;
            power += (s.Re * (double)s.Re) + (s.Im * (double)s.Im);
        }

        Assert.InRange(power / N, Variance * 0.98, Variance * 1.02);
        Assert.InRange(re / im, 0.97, 1.03);
    }

    [Fact]
    public void NextPair_FixedSeed_IsBothBranchesOfOneTransform()
    {
        var uniform = new Xoshiro256StarStar(8);
        var reference = new Xoshiro256StarStar(8);
        (double first, double second) = StandardNormal.NextPair(ref uniform);
        double u1 = 1 - reference.NextDouble();
        double u2 = reference.NextDouble();
        double r = Math.Sqrt(-2 * Math.Log(u1));
        Assert.Equal(r * Math.Cos(2 * Math.PI * u2), first, 12);
        Assert.Equal(r * Math.Sin(2 * Math.PI * u2), second, 12);
    }
}
