using System;
using OpenRan.Simulation.Channels;

namespace OpenRan.Simulation.Tests.Channels;

public class MimoCorrelationTests
{
    [Fact]
    public void AntennaCorrelation_FourAntennas_ExponentsOneNinthAndFourNinths()
    {
        // TS 38.104 Table G.2.3.1.1-1: first row (1, α^(1/9), α^(4/9), α); with α = 0.9 the spec's rounded values are
        // 0.9884 and 0.9543.
        double[,] r = MimoCorrelation.AntennaCorrelation(4, 0.9);
        Assert.Equal(1, r[0, 0]);
        Assert.Equal(0.9884, r[0, 1], 4);
        Assert.Equal(0.9543, r[0, 2], 4);
        Assert.Equal(0.9, r[0, 3], 12);
        Assert.Equal(r[0, 1], r[2, 3], 12);
        Assert.Equal(r[1, 3], r[3, 1], 12);
    }

    [Theory]
    [InlineData(MimoCorrelationLevel.Low, LinkDirection.Uplink, 0.0, 0.0)]
    [InlineData(MimoCorrelationLevel.Medium, LinkDirection.Uplink, 0.9, 0.3)]
    [InlineData(MimoCorrelationLevel.High, LinkDirection.Uplink, 0.9, 0.9)]
    [InlineData(MimoCorrelationLevel.Medium, LinkDirection.Downlink, 0.3, 0.9)]
    [InlineData(MimoCorrelationLevel.MediumA, LinkDirection.Downlink, 0.3, 0.3874)]
    public void FromLevel_TableValues(MimoCorrelationLevel level, LinkDirection direction, double alpha, double beta)
    {
        MimoCorrelation c = MimoCorrelation.FromLevel(level, direction, 2, 2);
        Assert.Equal(alpha, c.Alpha);
        Assert.Equal(beta, c.Beta);
    }

    [Fact]
    public void FromLevel_Uplink1x2Medium_RxSideUsesAlpha()
    {
        // Uplink 1 UE antenna × 2 gNB antennas: R_spat = R_gNB = [[1, α], [α, 1]] with α = 0.9.
        MimoCorrelation c = MimoCorrelation.FromLevel(MimoCorrelationLevel.Medium, LinkDirection.Uplink, 1, 2);
        Assert.Equal(0.9, c.Spatial(0, 1), 12);
        MimoCorrelation d = MimoCorrelation.FromLevel(MimoCorrelationLevel.Medium, LinkDirection.Downlink, 1, 2);
        Assert.Equal(0.9, d.Spatial(0, 1), 12);
        MimoCorrelation u = MimoCorrelation.FromLevel(MimoCorrelationLevel.Medium, LinkDirection.Uplink, 2, 1);
        Assert.Equal(0.3, u.Spatial(0, 1), 12);
    }

    [Theory]
    [InlineData(MimoCorrelationLevel.Medium, 2, 4)]
    [InlineData(MimoCorrelationLevel.High, 4, 4)]
    [InlineData(MimoCorrelationLevel.High, 2, 8)]
    [InlineData(MimoCorrelationLevel.High, 8, 8)]
    [InlineData(MimoCorrelationLevel.Low, 4, 4)]
    public void Factor_TimesTranspose_ReproducesSpatialMatrix(MimoCorrelationLevel level, int tx, int rx)
    {
        MimoCorrelation c = MimoCorrelation.FromLevel(level, LinkDirection.Uplink, tx, rx);
        int m = c.LinkCount;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double sum = 0;
                for (int k = 0; k < m; k++)
                {
                    sum += c.Factor(i, k) * c.Factor(j, k);
                }

                Assert.Equal(c.Spatial(i, j), sum, 1e-7);
            }
        }

        Assert.Equal(level == MimoCorrelationLevel.Low, c.IsIdentity);
    }

    [Fact]
    public void FromLevel_Uplink4x4High_SpecDiagonalLoading()
    {
        MimoCorrelation c = MimoCorrelation.FromLevel(MimoCorrelationLevel.High, LinkDirection.Uplink, 4, 4);
        Assert.Equal(0.00012, c.DiagonalLoading);
        Assert.Equal(1.0, c.Spatial(5, 5), 12);
        Assert.Equal(0.9 / 1.00012, c.Spatial(0, 3), 12);
    }

    [Fact]
    public void FromLevel_MediumAUplink_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MimoCorrelation.FromLevel(MimoCorrelationLevel.MediumA, LinkDirection.Uplink, 2, 2));

    [Fact]
    public void FromParameters_ThreeAntennas_ThrowsNamingRange()
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => MimoCorrelation.FromParameters(0.5, 0.5, LinkDirection.Uplink, 3, 2));
        Assert.Contains("1, 2, 4 or 8", e.Message, StringComparison.Ordinal);
    }
}
