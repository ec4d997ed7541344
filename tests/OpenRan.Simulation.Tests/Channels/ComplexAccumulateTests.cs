using System;
using OpenRan.Dsp;
using OpenRan.Simulation.Channels;
using OpenRan.Simulation.Randomness;

namespace OpenRan.Simulation.Tests.Channels;

public class ComplexAccumulateTests
{
    [Fact]
    public void ScaleAdd_EveryLengthAndOffset_MatchesScalarReference()
    {
        // Lengths 0 … 4·Vector512<float>.Count + 3 complex values (covers every vector width and tail), offsets 0…3.
        var source = new ComplexGaussianSource(21);
        var x = new ComplexF32[80];
        var a = new ComplexF32[80];
        source.Generate(x, 1);
        source.Generate(a, 1);
        var gain = new ComplexF32(0.7f, -1.3f);
        for (int offset = 0; offset < 4; offset++)
        {
            for (int length = 0; length <= 67; length++)
            {
                var expected = a.AsSpan(offset, length).ToArray();
                ComplexAccumulate.ScaleAddScalar(x.AsSpan(offset, length), gain, expected);
                var actual = a.AsSpan(offset, length).ToArray();
                ComplexAccumulate.ScaleAdd(x.AsSpan(offset, length), gain, actual);
                OpenRan.TestSupport.Tolerance.AssertClose(expected, actual, 1e-6f);
            }
        }
    }

    [Fact]
    public void ScaleAddScalar_KnownValues()
    {
        var acc = new[] { new ComplexF32(1, 1) };
        ComplexAccumulate.ScaleAddScalar([new ComplexF32(2, 3)], new ComplexF32(0, 1), acc);
        Assert.Equal(new ComplexF32(1 - 3, 1 + 2), acc[0]);
    }

    [Fact]
    public void ScaleAdd_LengthMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => ComplexAccumulate.ScaleAdd(new ComplexF32[3], ComplexF32.One, new ComplexF32[4]));
}
