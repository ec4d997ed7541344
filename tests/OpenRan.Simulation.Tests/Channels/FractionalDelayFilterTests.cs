using System;
using System.Numerics;
using OpenRan.Simulation.Channels;

namespace OpenRan.Simulation.Tests.Channels;

public class FractionalDelayFilterTests
{
    [Theory]
    [InlineData(0.3072)]
    [InlineData(0.5)]
    [InlineData(3.75)]
    [InlineData(14.7456)]
    [InlineData(79.7184)]
    public void Response_InUsedBand_MatchesIdealDelayWithin45Db(double delaySamples)
    {
        // Ideal delay: e^(−j2πfτ). NR occupies |f| ≤ 0.31 f_s of the FFT rate; the design target is −45 dB up to 0.35 f_s.
        var filter = FractionalDelayFilter.Design(delaySamples);
        double worst = 0;
        for (double f = -0.35; f <= 0.35; f += 0.0025)
        {
            Complex ideal = Complex.FromPolarCoordinates(1, -2 * Math.PI * f * delaySamples);
            worst = Math.Max(worst, (filter.Response(f) - ideal).Magnitude);
        }

        Assert.True(20 * Math.Log10(worst) < -45, $"worst error {20 * Math.Log10(worst):F1} dB");
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(7.0, 7)]
    [InlineData(2.9999999, 3)]
    public void Design_IntegerDelay_SingleUnitTap(double delaySamples, int offset)
    {
        var filter = FractionalDelayFilter.Design(delaySamples);
        Assert.Equal([1f], filter.Taps);
        Assert.Equal(offset, filter.Offset);
    }

    [Fact]
    public void Design_NegativeDelay_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FractionalDelayFilter.Design(-0.5));
}
