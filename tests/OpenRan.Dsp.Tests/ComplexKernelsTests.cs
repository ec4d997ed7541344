using System;
using OpenRan.TestSupport;

namespace OpenRan.Dsp.Tests;

/// <summary>
/// Vector paths of <see cref="ComplexKernels"/> against the scalar reference, for every length 0..67 and start offsets
/// 0..3 (breaking 32-byte alignment). Re-run by <see cref="IsaMatrixTests"/> with narrower instruction sets.
/// Tolerance: 4e-7 relative (a couple of float ulps: FMA vs separate multiply and add), 2e-6 for reductions.
/// </summary>
public class ComplexKernelsTests
{
    private const float ElementTolerance = 4e-7f;
    private const float ReductionTolerance = 2e-6f;

    public static TheoryData<int, int> LengthsAndOffsets()
    {
        var data = new TheoryData<int, int>();
        for (int n = 0; n <= 67; n++)
        {
            for (int offset = 0; offset < 4; offset++)
            {
                data.Add(n, offset);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LengthsAndOffsets))]
    public void MultiplyAdd_AnyLengthAndOffset_MatchesScalar(int n, int offset)
    {
        (ComplexF32[] x, ComplexF32[] accumulator) = Inputs(n, offset, seed: 600 + n);
        var gain = new ComplexF32(0.7f, -1.3f);
        ComplexF32[] expected = accumulator.AsSpan(offset).ToArray();
        ComplexKernels.MultiplyAddScalar(x.AsSpan(offset), gain, expected);
        ComplexKernels.MultiplyAdd(x.AsSpan(offset), gain, accumulator.AsSpan(offset));
        Tolerance.AssertClose(expected, accumulator.AsSpan(offset), ElementTolerance * 4);
    }

    [Fact]
    public void MultiplyAddScalar_KnownValues_AccumulatesTheProduct()
    {
        var accumulator = new[] { new ComplexF32(1, 1) };
        ComplexKernels.MultiplyAddScalar([new ComplexF32(2, 3)], new ComplexF32(0, 1), accumulator);
        Assert.Equal(new ComplexF32(1 - 3, 1 + 2), accumulator[0]);
    }

    [Fact]
    public void MultiplyAdd_LengthMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => ComplexKernels.MultiplyAdd(new ComplexF32[3], ComplexF32.One, new ComplexF32[4]));

    [Theory]
    [MemberData(nameof(LengthsAndOffsets))]
    public void Multiply_AnyLengthAndOffset_MatchesScalar(int n, int offset)
    {
        (ComplexF32[] x, ComplexF32[] y) = Inputs(n, offset, seed: n);
        var actual = new ComplexF32[n + offset];
        var expected = new ComplexF32[n];
        ComplexKernels.Multiply(x.AsSpan(offset), y.AsSpan(offset), actual.AsSpan(offset));
        ComplexKernels.MultiplyScalar(x.AsSpan(offset), y.AsSpan(offset), expected);
        Tolerance.AssertClose(expected, actual.AsSpan(offset), ElementTolerance);
    }

    [Theory]
    [MemberData(nameof(LengthsAndOffsets))]
    public void MultiplyConjugate_AnyLengthAndOffset_MatchesScalar(int n, int offset)
    {
        (ComplexF32[] x, ComplexF32[] y) = Inputs(n, offset, seed: 100 + n);
        var actual = new ComplexF32[n + offset];
        var expected = new ComplexF32[n];
        ComplexKernels.MultiplyConjugate(x.AsSpan(offset), y.AsSpan(offset), actual.AsSpan(offset));
        ComplexKernels.MultiplyConjugateScalar(x.AsSpan(offset), y.AsSpan(offset), expected);
        Tolerance.AssertClose(expected, actual.AsSpan(offset), ElementTolerance);
    }

    [Theory]
    [MemberData(nameof(LengthsAndOffsets))]
    public void Scale_ComplexFactor_MatchesScalar(int n, int offset)
    {
        (ComplexF32[] x, _) = Inputs(n, offset, seed: 200 + n);
        var factor = new ComplexF32(0.75f, -1.25f);
        var actual = new ComplexF32[n + offset];
        ComplexKernels.Scale(x.AsSpan(offset), factor, actual.AsSpan(offset));
        for (int i = 0; i < n; i++)
        {
            Tolerance.AssertClose(x[offset + i] * factor, actual[offset + i], ElementTolerance, (x[offset + i] * factor).Magnitude);
        }
    }

    [Theory]
    [MemberData(nameof(LengthsAndOffsets))]
    public void ScaleAddSubtract_RealOperations_MatchScalar(int n, int offset)
    {
        (ComplexF32[] x, ComplexF32[] y) = Inputs(n, offset, seed: 300 + n);
        var scaled = new ComplexF32[n + offset];
        var sum = new ComplexF32[n + offset];
        var difference = new ComplexF32[n + offset];
        ComplexKernels.Scale(x.AsSpan(offset), 1.5f, scaled.AsSpan(offset));
        ComplexKernels.Add(x.AsSpan(offset), y.AsSpan(offset), sum.AsSpan(offset));
        ComplexKernels.Subtract(x.AsSpan(offset), y.AsSpan(offset), difference.AsSpan(offset));
        for (int i = offset; i < n + offset; i++)
        {
            Assert.Equal(x[i] * 1.5f, scaled[i]);
            Assert.Equal(x[i] + y[i], sum[i]);
            Assert.Equal(x[i] - y[i], difference[i]);
        }
    }

    [Theory]
    [MemberData(nameof(LengthsAndOffsets))]
    public void MagnitudeSquared_AnyLengthAndOffset_MatchesScalar(int n, int offset)
    {
        (ComplexF32[] x, _) = Inputs(n, offset, seed: 400 + n);
        var actual = new float[n + offset];
        ComplexKernels.MagnitudeSquared(x.AsSpan(offset), actual.AsSpan(offset));
        for (int i = offset; i < n + offset; i++)
        {
            float expected = x[i].MagnitudeSquared;
            Assert.True(MathF.Abs(actual[i] - expected) <= ElementTolerance * MathF.Max(1f, expected), $"index {i}: {actual[i]} vs {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(LengthsAndOffsets))]
    public void Reductions_AnyLengthAndOffset_MatchScalar(int n, int offset)
    {
        (ComplexF32[] x, ComplexF32[] y) = Inputs(n, offset, seed: 500 + n);
        ComplexF32 sum = ComplexF32.Zero, dot = ComplexF32.Zero, dotConj = ComplexF32.Zero;
        float energy = 0, scale = 1;
        for (int i = offset; i < n + offset; i++)
        {
            sum += x[i];
            dot += x[i] * y[i];
            dotConj += ComplexF32.MultiplyConjugate(x[i], y[i]);
            energy += x[i].MagnitudeSquared;
            scale += x[i].Magnitude * y[i].Magnitude;
        }

        Tolerance.AssertClose(sum, ComplexKernels.Sum(x.AsSpan(offset)), ReductionTolerance, scale);
        Tolerance.AssertClose(dot, ComplexKernels.Dot(x.AsSpan(offset), y.AsSpan(offset)), ReductionTolerance, scale);
        Tolerance.AssertClose(dotConj, ComplexKernels.DotConjugate(x.AsSpan(offset), y.AsSpan(offset)), ReductionTolerance, scale);
        Assert.True(MathF.Abs(energy - ComplexKernels.SumOfMagnitudesSquared(x.AsSpan(offset))) <= ReductionTolerance * MathF.Max(1f, energy));
    }

    [Fact]
    public void Multiply_InPlace_MatchesOutOfPlace()
    {
        (ComplexF32[] x, ComplexF32[] y) = Inputs(37, 0, seed: 7);
        var expected = new ComplexF32[37];
        ComplexKernels.Multiply(x, y, expected);
        ComplexKernels.Multiply(x, y, x);
        Assert.Equal(expected, x);
    }

    [Fact]
    public void Multiply_KnownValues_FollowComplexArithmetic()
    {
        ComplexF32[] x = [new(1, 2), new(3, -4), new(0, 1), new(-1, 0), new(2, 2)];
        ComplexF32[] y = [new(3, 4), new(1, 1), new(0, 1), new(5, -5), new(0.5f, -0.5f)];
        var product = new ComplexF32[5];
        var conjugateProduct = new ComplexF32[5];
        ComplexKernels.Multiply(x, y, product);
        ComplexKernels.MultiplyConjugate(x, y, conjugateProduct);
        Assert.Equal([new(-5, 10), new(7, -1), new(-1, 0), new(-5, 5), new(2, 0)], product);
        Assert.Equal([new(11, 2), new(-1, -7), new(1, 0), new(-5, -5), new(0, 2)], conjugateProduct);
    }

    [Fact]
    public void Multiply_LengthMismatch_ThrowsNamingTheParameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => ComplexKernels.Multiply(new ComplexF32[4], new ComplexF32[3], new ComplexF32[4]));
        Assert.Equal("y", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() => ComplexKernels.Multiply(new ComplexF32[4], new ComplexF32[4], new ComplexF32[5]));
        Assert.Equal("destination", ex.ParamName);
    }

    [Fact]
    public void Multiply_PartialOverlap_Throws()
    {
        var buffer = new ComplexF32[10];
        var ex = Assert.Throws<ArgumentException>(() => ComplexKernels.Multiply(buffer.AsSpan(0, 8), buffer.AsSpan(0, 8), buffer.AsSpan(1, 8)));
        Assert.Equal("destination", ex.ParamName);
    }

    [Fact]
    public void IsaChild_WidestAcceleratedVector_RespectsKnob()
    {
        // Inside an ISA child run, the knob must actually have narrowed the paths under test.
        string? expected = Environment.GetEnvironmentVariable(IsaChildProcess.ExpectedMaxVectorBits);
        if (!IsaChildProcess.IsChild || expected is null)
        {
            Assert.Skip("only meaningful inside an ISA child process (see IsaMatrixTests).");
        }

        Assert.True(CpuFeatures.Current.WidestVectorBits <= int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CpuFeatures.Current.ToString());
    }

    internal static (ComplexF32[] X, ComplexF32[] Y) Inputs(int n, int offset, int seed)
    {
        var random = new Random(seed);
        var x = new ComplexF32[n + offset];
        var y = new ComplexF32[n + offset];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = new ComplexF32((random.NextSingle() * 4) - 2, (random.NextSingle() * 4) - 2);
            y[i] = new ComplexF32((random.NextSingle() * 4) - 2, (random.NextSingle() * 4) - 2);
        }

        return (x, y);
    }
}
