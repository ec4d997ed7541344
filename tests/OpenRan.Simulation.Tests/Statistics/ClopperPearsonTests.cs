using System;
using System.Collections.Generic;
using OpenRan.Simulation.Statistics;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Tests.Statistics;

public class ClopperPearsonTests
{
    [Theory]
    [InlineData(0, 10, 0.0, 0.30850)]    // upper = 1 − 0.025^(1/10)
    [InlineData(10, 10, 0.69150, 1.0)]   // lower = 0.025^(1/10)
    [InlineData(5, 10, 0.18709, 0.81291)]
    [InlineData(1, 100, 0.000253, 0.054459)]
    public void Interval_KnownValues(long k, long n, double lower, double upper)
    {
        (double lo, double hi) = ClopperPearson.Interval(k, n);
        Assert.Equal(lower, lo, 5);
        Assert.Equal(upper, hi, 5);
    }

    [Fact]
    public void Interval_NoTrials_WholeRange() => Assert.Equal((0.0, 1.0), ClopperPearson.Interval(0, 0));

    [Fact]
    public void Interval_SuccessesAboveTrials_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ClopperPearson.Interval(5, 4));

    private static PointResult Point(double snr, long decoded, long slots) => PointResult.Create(snr, new LinkCounters
    {
        Slots = slots,
        Transmissions = slots,
        TransmissionErrors = slots - decoded,
        TransportBlocks = slots,
        ResidualErrors = slots - decoded,
        DecodedBits = decoded * 100,
        OfferedBits = slots * 100,
    }, 1, 1e-3);

    [Fact]
    public void SnrAtShare_Bracketed_LinearInterpolation()
    {
        List<PointResult> points = [Point(-2, 80, 100), Point(-4, 20, 100), Point(-3, 60, 100)];
        double? snr = ThroughputRequirement.SnrAtShare(points, 0.7, out bool bracketed);
        Assert.True(bracketed);
        Assert.Equal(-2.5, snr!.Value, 12);
    }

    [Fact]
    public void SnrAtShare_NeverReached_Null() =>
        Assert.Null(ThroughputRequirement.SnrAtShare([Point(0, 10, 100), Point(1, 50, 100)], 0.7, out _));

    [Fact]
    public void SnrAtShare_ReachedAtFirstPoint_NotBracketed()
    {
        double? snr = ThroughputRequirement.SnrAtShare([Point(0, 90, 100), Point(1, 95, 100)], 0.7, out bool bracketed);
        Assert.False(bracketed);
        Assert.Equal(0, snr);
    }

    [Fact]
    public void PointResult_ThroughputInMbps()
    {
        PointResult p = Point(0, 50, 100);
        Assert.Equal(0.5, p.ThroughputShare);
        Assert.Equal(50 * 100 / 0.1 / 1e6, p.ThroughputMbps, 12);
        Assert.Equal(0.1, p.MaxThroughputMbps, 12);
        Assert.Equal(0.5, p.Bler);
        Assert.True(p.BlerLower < 0.5 && p.BlerUpper > 0.5);
    }
}
