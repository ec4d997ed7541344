using System;
using OpenRan.Simulation.Randomness;

namespace OpenRan.Simulation.Tests.Randomness;

public class RandomStreamTests
{
    [Fact]
    public void NextUInt64_SameSeed_SameSequence()
    {
        var a = new RandomStream(42);
        var b = new RandomStream(42);
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Fact]
    public void Reset_RestartsTheSequence()
    {
        var a = new RandomStream(7);
        ulong first = a.NextUInt64();
        a.NextUInt64();
        a.Reset(7);
        Assert.Equal(first, a.NextUInt64());
    }

    [Fact]
    public void NextDouble_ManyDraws_UniformMoments()
    {
        // Mean 1/2 and variance 1/12 of U[0, 1): with 2^20 draws the standard errors are 2.8e-4 and 8e-5; 5σ tolerances.
        var r = new RandomStream(1);
        const int N = 1 << 20;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < N; i++)
        {
            double u = r.NextDouble();
            Assert.InRange(u, 0.0, 0.9999999999999999);
            sum += u;
            sumSq += u * u;
        }

        double mean = sum / N;
        Assert.InRange(mean, 0.5 - 1.5e-3, 0.5 + 1.5e-3);
        Assert.InRange((sumSq / N) - (mean * mean), (1.0 / 12) - 4e-4, (1.0 / 12) + 4e-4);
    }

    [Fact]
    public void NextBits_ManyBits_HalfAreOnes()
    {
        var r = new RandomStream(3);
        var bits = new byte[100_003];
        r.NextBits(bits);
        int ones = 0;
        foreach (byte b in bits)
        {
            Assert.True(b <= 1);
            ones += b;
        }

        // Binomial(100003, 1/2): σ = 158; 5σ.
        Assert.InRange(ones, 50_001 - 800, 50_001 + 800);
    }

    [Fact]
    public void NextInt32_NonPositiveBound_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomStream(1).NextInt32(0));

    [Fact]
    public void Derive_DifferentCoordinates_DifferentSeeds()
    {
        var seen = new System.Collections.Generic.HashSet<ulong>();
        for (ulong a = 0; a < 50; a++)
        {
            for (ulong b = 0; b < 50; b++)
            {
                Assert.True(seen.Add(SeedSequence.Derive(5, a, b)));
            }
        }

        Assert.Equal(SeedSequence.Derive(5, 1, 2), SeedSequence.Derive(5, 1, 2));
        Assert.NotEqual(SeedSequence.Derive(5, 1, 2), SeedSequence.Derive(6, 1, 2));
    }
}
