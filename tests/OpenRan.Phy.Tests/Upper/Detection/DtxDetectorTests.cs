using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Detection;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.Detection;

public class DtxDetectorTests
{
    [Theory]
    [InlineData(1, 1, 0.3)]
    [InlineData(5, 1, 0.01)]
    [InlineData(1, 7, 1e-6)]
    [InlineData(4, 1, 1e-12)]
    public void BetaQuantile_ClosedForms_Match(int a, int b, double p)
    {
        // Beta(a, 1): P(X > t) = 1 − t^a. Beta(1, b): P(X > t) = (1 − t)^b.
        double expected = b == 1 ? Math.Pow(1 - p, 1.0 / a) : 1 - Math.Pow(p, 1.0 / b);
        Assert.Equal(expected, BetaDistribution.UpperQuantile(a, b, p), 1e-9);
        Assert.Equal(p, BetaDistribution.UpperTail(a, b, expected), p * 1e-3);
    }

    [Fact]
    public void BetaTail_LargeParameters_MatchesNormalLimitAndStaysMonotone()
    {
        // Beta(2000, 4000): mean 1/3, sd ≈ √(ab/((a+b)²(a+b+1))) = 0.006085; one sd above the mean the tail is ≈ 0.16.
        const int a = 2000, b = 4000;
        double sd = Math.Sqrt((double)a * b / ((double)(a + b) * (a + b) * (a + b + 1)));
        Assert.Equal(0.1587, BetaDistribution.UpperTail(a, b, (1.0 / 3) + sd), 0.01);
        double previous = 1;
        for (double t = 0.30; t < 0.40; t += 0.005)
        {
            double tail = BetaDistribution.UpperTail(a, b, t);
            Assert.True(tail <= previous && tail >= 0);
            previous = tail;
        }

        Assert.True(BetaDistribution.UpperTail(a, b, 0.40) < 1e-20);
    }

    [Theory]
    [InlineData(6, 3, 0.05, 0.0)]
    [InlineData(48, 3, 0.01, 0.0)]
    [InlineData(20, 6, 0.02, 0.0)]
    [InlineData(20, 6, 0.02, 0.5)]
    [InlineData(8, 18, 0.01, 0.9)]
    public void Decide_NoiseOnly_FalseAlarmRateMatchesTarget(int groups, int size, double pFa, double erasedShare)
    {
        // White Gaussian noise at several levels, a share of the REs erased (0): the false-alarm rate must match P_FA
        // whatever σ and whatever the erasures (binomial 4.5-sigma band).
        const int trials = 20_000;
        var detector = new DtxDetector(pFa);
        var random = new Random(groups + size + (int)(erasedShare * 10));
        var group = new ComplexF32[size];
        int alarms = 0;
        for (int trial = 0; trial < trials; trial++)
        {
            double level = HostileInput.NoiseLevels[trial % HostileInput.NoiseLevels.Length];
            detector.Reset();
            for (int g = 0; g < groups; g++)
            {
                HostileInput.Fill(group, HostileInputKind.NoiseOnly, level, random);
                for (int i = 0; i < group.Length; i++)
                {
                    group[i] = random.NextDouble() < erasedShare ? default : group[i];
                }

                detector.AddGroup(group);
            }

            alarms += detector.Decide().SignalPresent ? 1 : 0;
        }

        double sd = Math.Sqrt(trials * pFa * (1 - pFa));
        Assert.InRange(alarms, (trials * pFa) - (4.5 * sd), (trials * pFa) + (4.5 * sd));
    }

    [Fact]
    public void Decide_SignalWithNoise_DetectsAndEstimatesNoiseAndSnr()
    {
        // 48 groups of 3 REs, channel constant per group, SNR 3 dB per RE.
        var detector = new DtxDetector(1e-3);
        var random = new Random(5);
        var group = new ComplexF32[3];
        double noiseVariance = 0.25;
        for (int g = 0; g < 48; g++)
        {
            var h = ComplexF32.FromPolar(Math.Sqrt(2 * noiseVariance), random.NextDouble() * 2 * Math.PI);
            HostileInput.Fill(group, HostileInputKind.NoiseOnly, Math.Sqrt(noiseVariance), random);
            for (int i = 0; i < group.Length; i++)
            {
                group[i] += h;
            }

            ComplexF32 mean = detector.AddGroup(group);
            Assert.True((mean - h).Magnitude < 1.5);
        }

        DtxDecision decision = detector.Decide();
        Assert.True(decision.SignalPresent, decision.ToString());
        Assert.Equal(48, decision.GroupCount);
        Assert.Equal(96, decision.ResidualDegrees);
        Assert.InRange(decision.NoiseVariance, 0.17f, 0.35f);
        Assert.InRange(decision.SnrDb, 1f, 5f);
        Assert.Equal(decision.Threshold, detector.Threshold(48, 96));
    }

    [Fact]
    public void Decide_SilenceSubnormalOrNonFinite_IsDtx()
    {
        var detector = new DtxDetector(0.01);
        var random = new Random(3);
        var group = new ComplexF32[6];
        foreach (HostileInputKind kind in new[] { HostileInputKind.AllZero, HostileInputKind.Denormal })
        {
            detector.Reset();
            for (int g = 0; g < 10; g++)
            {
                HostileInput.Fill(group, kind, 0, random);
                detector.AddGroup(group);
            }

            DtxDecision decision = detector.Decide();
            Assert.False(decision.SignalPresent, $"{kind}: {decision}");
            Assert.Equal(0f, decision.Metric);
        }

        // NaN and ±∞ alone are DTX; absurd finite values (3e38) are the erasure kernel's to remove, as receivers do first.
        foreach (float bad in HostileInput.CorruptValues)
        {
            detector.Reset();
            group.AsSpan().Fill(new ComplexF32(bad, bad));
            if (float.IsFinite(bad))
            {
                Assert.Equal(group.Length, ComplexErasure.Erase(group));
            }

            detector.AddGroup(group);
            detector.AddGroup(group);
            Assert.False(detector.Decide().SignalPresent, $"{bad}");
        }

        detector.Reset();
        Assert.False(detector.Decide().SignalPresent);
    }

    [Fact]
    public void Arguments_OutOfRange_ThrowNamingParameter()
    {
        Assert.Equal("falseAlarmProbability", Assert.Throws<ArgumentOutOfRangeException>(() => new DtxDetector(0)).ParamName);
        Assert.Equal("falseAlarmProbability", Assert.Throws<ArgumentOutOfRangeException>(() => new DtxDetector(double.NaN)).ParamName);
        var detector = new DtxDetector(0.01);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => detector.AddGroup(default, 0f, -1)).ParamName);

        // Groups with fewer than 2 observed values add nothing.
        detector.AddGroup(new ComplexF32[1] { new(1, 1) });
        detector.AddGroup(new ComplexF32[3] { new(1, 1), default, default });
        detector.AddGroup(new ComplexF32(1, 0), 1f, 1);
        Assert.Equal(0, detector.GroupCount);
    }

    [Fact]
    public void Decide_SteadyState_DoesNotAllocate()
    {
        var detector = new DtxDetector(1e-3);
        var group = new ComplexF32[3];
        group.AsSpan().Fill(new ComplexF32(1, 0));
        AllocationAssert.SteadyStateAllocatesNothing(() =>
        {
            detector.Reset();
            for (int g = 0; g < 48; g++)
            {
                detector.AddGroup(group);
            }

            detector.Decide();
        });
    }
}
