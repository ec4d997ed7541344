using System;
using OpenRan.Dsp.Randomness;

namespace OpenRan.Dsp.Tests.Randomness;

public class GaussianNoiseSourceTests
{
    [Fact]
    public void FillStandardNormal_HundredThousandValues_HasZeroMeanUnitVarianceAndNormalTails()
    {
        var source = new GaussianNoiseSource(100_001);
        source.Reseed(3);
        var samples = new float[100_001];
        source.FillStandardNormal(samples);
        double sum = 0, squares = 0;
        int beyond3 = 0;
        foreach (float x in samples)
        {
            sum += x;
            squares += x * x;
            beyond3 += Math.Abs(x) > 3 ? 1 : 0;
        }

        Assert.InRange(sum / samples.Length, -0.01, 0.01);
        Assert.InRange(squares / samples.Length, 0.98, 1.02);
        Assert.InRange(beyond3, 200, 340); // 2·Q(3) = 0.27 %
    }
}
