using System;
using System.Numerics;
using CsCheck;
using OpenRan.Dsp.Fft;
using OpenRan.TestSupport;

namespace OpenRan.Dsp.Tests.Fft;

/// <summary>
/// Every FFT implementation against the naive double-precision DFT for every NR size (relative RMS error below 1e-6,
/// the requirement), in-place against out-of-place, scaling conventions, round trip and Parseval (CsCheck, fixed seed),
/// and argument validation. Re-run by <see cref="IsaMatrixTests"/> with narrower instruction sets.
/// </summary>
public class FftPlanTests
{
    private const double MaxRelativeRmsError = 1e-6;

    public static TheoryData<string, int> ImplementationsAndSizes()
    {
        var data = new TheoryData<string, int>();
        foreach (int n in FftReference.NrSizes())
        {
            data.Add(FftPlanGeneric.Name, n);
            if (FftPlanAvx2.SupportsLength(n))
            {
                data.Add(FftPlanAvx2.Name, n);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ImplementationsAndSizes))]
    public void Transform_EveryNrSize_MatchesNaiveDftBothDirections(string implementation, int n)
    {
        IFft plan = CreateOrSkip(n, implementation, FftScaling.None);
        ComplexF32[] x = FftReference.RandomSignal(n, seed: n);
        var y = new ComplexF32[n];
        foreach (FftDirection direction in new[] { FftDirection.Forward, FftDirection.Inverse })
        {
            Complex[] expected = FftReference.Dft(x, direction);
            plan.Transform(x, y, direction);
            double error = FftReference.RelativeRmsError(y, expected);
            Assert.True(error < MaxRelativeRmsError, $"{implementation} N={n} {direction}: relative RMS error {error:G3} ≥ {MaxRelativeRmsError:G3} (radices {string.Join('·', ((FftPlan)plan).Radices)})");
        }
    }

    [Theory]
    [MemberData(nameof(ImplementationsAndSizes))]
    public void Transform_InPlace_EqualsOutOfPlace(string implementation, int n)
    {
        IFft plan = CreateOrSkip(n, implementation, FftScaling.InverseByLength);
        ComplexF32[] x = FftReference.RandomSignal(n, seed: 7 * n);
        var outOfPlace = new ComplexF32[n];
        plan.Transform(x, outOfPlace, FftDirection.Inverse);
        var inPlace = (ComplexF32[])x.Clone();
        plan.Transform(inPlace, FftDirection.Inverse);
        Assert.Equal(outOfPlace, inPlace);

        // The same span as input and output takes the in-place path too.
        var aliased = (ComplexF32[])x.Clone();
        plan.Transform(aliased, aliased, FftDirection.Inverse);
        Assert.Equal(outOfPlace, aliased);
    }

    [Theory]
    [InlineData(2048)]
    [InlineData(1536)]
    [InlineData(300)]
    public void Transform_OutOfPlace_LeavesInputUnchanged(int n)
    {
        IFft plan = FftFactory.Create(n);
        ComplexF32[] x = FftReference.RandomSignal(n, seed: 3);
        var copy = (ComplexF32[])x.Clone();
        plan.Forward(x, new ComplexF32[n]);
        Assert.Equal(copy, x);
    }

    [Theory]
    [InlineData(FftScaling.None, 1.0, 1.0)]
    [InlineData(FftScaling.InverseByLength, 1.0, 1.0 / 96)]
    [InlineData(FftScaling.Unitary, 0.10206207261596577, 0.10206207261596577)]
    public void Transform_Scaling_MultipliesByStatedFactor(FftScaling scaling, double forwardFactor, double inverseFactor)
    {
        const int n = 96;
        ComplexF32[] x = FftReference.RandomSignal(n, seed: 11);
        var y = new ComplexF32[n];
        foreach ((FftDirection direction, double factor) in new[] { (FftDirection.Forward, forwardFactor), (FftDirection.Inverse, inverseFactor) })
        {
            FftFactory.Create(n, "auto", scaling).Transform(x, y, direction);
            Complex[] expected = FftReference.Dft(x, direction);
            for (int i = 0; i < n; i++)
            {
                expected[i] *= factor;
            }

            Assert.True(FftReference.RelativeRmsError(y, expected) < MaxRelativeRmsError);
        }
    }

    [Fact]
    public void RoundTrip_InverseByLength_RecoversInput() =>
        SampleNrSizes(FftScaling.InverseByLength, (plan, x) =>
        {
            var spectrum = new ComplexF32[x.Length];
            var back = new ComplexF32[x.Length];
            plan.Forward(x, spectrum);
            plan.Inverse(spectrum, back);
            double num = 0, den = 0;
            for (int i = 0; i < x.Length; i++)
            {
                num += (back[i] - x[i]).MagnitudeSquared;
                den += x[i].MagnitudeSquared;
            }

            return Math.Sqrt(num / den) < 1e-6;
        });

    [Fact]
    public void Parseval_Unitary_PreservesEnergy() =>
        SampleNrSizes(FftScaling.Unitary, (plan, x) =>
        {
            var spectrum = new ComplexF32[x.Length];
            plan.Forward(x, spectrum);
            double ex = 0, ey = 0;
            for (int i = 0; i < x.Length; i++)
            {
                ex += x[i].MagnitudeSquared;
                ey += spectrum[i].MagnitudeSquared;
            }

            return Math.Abs(ey - ex) <= 1e-5 * ex;
        });

    [Fact]
    public void Transform_Impulse_GivesFlatSpectrumAndShiftedImpulseGivesRotation()
    {
        const int n = 1536;
        IFft plan = FftFactory.Create(n);
        var x = new ComplexF32[n];
        var y = new ComplexF32[n];
        x[1] = ComplexF32.One;
        plan.Forward(x, y);
        for (int k = 0; k < n; k++)
        {
            ComplexF32 expected = ComplexF32.FromPolar(1, -2 * Math.PI * k / n);
            Assert.True((y[k] - expected).Magnitude < 1e-6f, $"k={k}: {y[k]} vs {expected}");
        }
    }

    [Fact]
    public void Transform_WrongLengths_ThrowNamingTheParameter()
    {
        IFft plan = FftFactory.Create(64);
        ArgumentException e1 = Assert.Throws<ArgumentException>(() => plan.Forward(new ComplexF32[63], new ComplexF32[64]));
        Assert.Equal("input", e1.ParamName);
        ArgumentException e2 = Assert.Throws<ArgumentException>(() => plan.Forward(new ComplexF32[64], new ComplexF32[65]));
        Assert.Equal("output", e2.ParamName);
        ArgumentException e3 = Assert.Throws<ArgumentException>(() => plan.Transform(new ComplexF32[10], FftDirection.Forward));
        Assert.Equal("data", e3.ParamName);
    }

    [Fact]
    public void Transform_PartialOverlap_Throws()
    {
        IFft plan = FftFactory.Create(64);
        var buffer = new ComplexF32[100];
        ArgumentException e = Assert.Throws<ArgumentException>(() => plan.Forward(buffer.AsSpan(0, 64), buffer.AsSpan(10, 64)));
        Assert.Equal("output", e.ParamName);
    }

    [Fact]
    public void Create_BadArguments_ThrowWithValidRange()
    {
        ArgumentException unknown = Assert.Throws<ArgumentException>(() => FftFactory.Create(64, "fastest"));
        Assert.Contains("generic", unknown.Message, StringComparison.Ordinal);
        ArgumentOutOfRangeException zero = Assert.Throws<ArgumentOutOfRangeException>(() => FftFactory.Create(0));
        Assert.Contains("1..", zero.Message, StringComparison.Ordinal);
        if (FftPlanAvx2.IsSupported)
        {
            ArgumentOutOfRangeException six = Assert.Throws<ArgumentOutOfRangeException>(() => FftFactory.Create(6, FftPlanAvx2.Name));
            Assert.Contains("multiples of 4", six.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Create_Auto_PicksVectorPlanForMultiplesOfFourWhenAccelerated()
    {
        Assert.Equal(FftPlanAvx2.IsSupported ? FftPlanAvx2.Name : FftPlanGeneric.Name, FftFactory.Create(2048).Implementation);
        Assert.Equal(FftPlanGeneric.Name, FftFactory.Create(30).Implementation);
    }

    [Fact]
    public void Transform_SteadyState_AllocatesNothing()
    {
        foreach (string implementation in FftFactory.Available)
        {
            IFft plan = FftFactory.Create(3072, implementation, FftScaling.Unitary);
            ComplexF32[] x = FftReference.RandomSignal(3072, seed: 5);
            var y = new ComplexF32[3072];
            AllocationAssert.SteadyStateAllocatesNothing(() =>
            {
                plan.Forward(x, y);
                plan.Transform(y, FftDirection.Inverse);
            });
        }
    }

    /// <summary>CsCheck property over random NR sizes, random signals and both implementations (fixed seed, 60 samples).</summary>
    private static void SampleNrSizes(FftScaling scaling, Func<IFft, ComplexF32[], bool> property) =>
        Gen.Select(Gen.Int[0, FftReference.NrSizes().Count - 1], Gen.Int, Gen.Bool)
            .Sample(
                t =>
                {
                    (int sizeIndex, int seed, bool generic) = t;
                    int n = FftReference.NrSizes()[sizeIndex];
                    IFft plan = FftFactory.Create(n, generic ? FftPlanGeneric.Name : "auto", scaling);
                    return property(plan, FftReference.RandomSignal(n, seed));
                },
                seed: "0N0XIzNsQ0O2",
                iter: 60);

    private static IFft CreateOrSkip(int n, string implementation, FftScaling scaling)
    {
        if (implementation == FftPlanAvx2.Name && !FftPlanAvx2.IsSupported)
        {
            Assert.Skip("Vector256 is not hardware accelerated in this process.");
        }

        return FftFactory.Create(n, implementation, scaling);
    }
}
