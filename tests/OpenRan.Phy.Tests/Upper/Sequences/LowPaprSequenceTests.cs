using System;
using System.Numerics;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Tests.Upper.Sequences;

public class LowPaprSequenceTests
{
    [Theory]
    [InlineData(6)]
    [InlineData(12)]
    [InlineData(18)]
    [InlineData(24)]
    [InlineData(30)]
    [InlineData(36)]
    [InlineData(72)]
    [InlineData(1644)]
    public void GenerateType1_EveryGroup_UnitMagnitude(int length)
    {
        var sequence = new ComplexF32[length];
        for (int u = 0; u < LowPaprSequence.GroupCount; u++)
        {
            LowPaprSequence.GenerateType1(u, length >= 72 ? u & 1 : 0, 0.3, sequence);
            foreach (ComplexF32 value in sequence)
            {
                Assert.Equal(1f, value.Magnitude, 5);
            }
        }
    }

    [Fact]
    public void GenerateType1_CyclicShift_MultipliesByPhaseRamp()
    {
        var baseSequence = new ComplexF32[48];
        var shifted = new ComplexF32[48];
        LowPaprSequence.GenerateType1(7, 0, 0, baseSequence);
        double alpha = 2 * Math.PI * 5 / 12;
        LowPaprSequence.GenerateType1(7, 0, alpha, shifted);
        for (int n = 0; n < baseSequence.Length; n++)
        {
            Complex expected = baseSequence[n].ToComplex() * Complex.FromPolarCoordinates(1, alpha * n);
            Assert.True((shifted[n].ToComplex() - expected).Magnitude < 1e-5, $"n = {n}");
        }
    }

    [Fact]
    public void GenerateType1_Length30_FollowsClosedForm()
    {
        var sequence = new ComplexF32[30];
        LowPaprSequence.GenerateType1(4, 0, 0, sequence);
        for (int n = 0; n < 30; n++)
        {
            Complex expected = Complex.FromPolarCoordinates(1, -Math.PI * 5 * (n + 1) * (n + 2) / 31);
            Assert.True((sequence[n].ToComplex() - expected).Magnitude < 1e-5);
        }
    }

    [Fact]
    public void GenerateType1_ZadoffChuLengthIsLargestPrimeBelow()
    {
        Assert.Equal(31, LowPaprSequence.LargestPrimeBelow(36));
        Assert.Equal(71, LowPaprSequence.LargestPrimeBelow(72));
        Assert.Equal(3299, LowPaprSequence.LargestPrimeBelow(3300));
    }

    [Theory]
    [InlineData(0, 0, 5)]
    [InlineData(0, 0, 40)]
    [InlineData(30, 0, 12)]
    [InlineData(0, 2, 72)]
    [InlineData(0, 1, 36)]
    public void GenerateType1_BadArguments_Throw(int u, int v, int length)
    {
        Assert.ThrowsAny<ArgumentException>(() => LowPaprSequence.GenerateType1(u, v, 0, new ComplexF32[length]));
    }

    [Fact]
    public void Type2_LengthBelow30_IsRejectedAndSequenceIsUnitPowerPi2BpskSpectrum()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LowPaprSequenceType2(24));
        var generator = new LowPaprSequenceType2(48);
        var sequence = new ComplexF32[48];
        generator.Generate(1234, sequence);
        // Parseval: the DFT/√M of unit-magnitude π/2-BPSK symbols has unit mean power.
        Assert.Equal(1.0, ComplexKernels.SumOfMagnitudesSquared(sequence) / 48, 4);
    }
}
