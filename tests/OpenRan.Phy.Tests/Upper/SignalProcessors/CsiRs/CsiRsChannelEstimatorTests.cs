using System;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.SignalProcessors.CsiRs;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.SignalProcessors.CsiRs;

public class CsiRsChannelEstimatorTests
{
    [Theory]
    // row, bitmap, density, l0, l1, SNR dB per RE. Tolerances: channel error ≤ 3σ of the per-block estimate, noise ±20 %, RSRP ±0.5 dB.
    [InlineData(1, 0b0010, CsiRsDensity.Three, 6, 2, 20.0)]
    [InlineData(4, 0b010, CsiRsDensity.One, 5, 2, 25.0)]
    [InlineData(8, 0b000101, CsiRsDensity.One, 5, 2, 25.0)]
    [InlineData(15, 0b010101, CsiRsDensity.One, 3, 2, 25.0)]
    [InlineData(18, 0b111001, CsiRsDensity.HalfEven, 6, 2, 25.0)]
    [InlineData(17, 0b001111, CsiRsDensity.One, 1, 8, 15.0)]
    public void Estimate_ChannelPerPortAndNoise_MatchInjected(int row, int bitmap, CsiRsDensity density, int l0, int l1, double snrDb)
    {
        const int nSizeGrid = 106;
        var configuration = new CsiRsConfiguration
        {
            RowNumber = row, FrequencyDomainAllocation = bitmap, Density = density, FirstSymbol = l0, FirstSymbol2 = l1,
            StartRb = 0, RbCount = nSizeGrid, ScramblingId = 321, PowerOffsetDb = 0,
        };
        int ports = configuration.PortCount;
        var transmitted = new ResourceGrid(ports, 14, nSizeGrid * 12);
        transmitted.Configure(ports, 14, nSizeGrid);
        new CsiRsMapper().Map(transmitted, configuration, 7);

        // Each port: gain g_p·e^{j(φ_p + 2π·τ_p·k/K)} (a slowly varying, per-port channel), summed at one receive antenna.
        var random = new Random(row * 31);
        var gains = new ComplexF32[ports];
        var slopes = new double[ports];
        var received = new ResourceGrid(1, 14, nSizeGrid * 12);
        received.Configure(1, 14, nSizeGrid);
        for (int p = 0; p < ports; p++)
        {
            gains[p] = ComplexF32.FromPolar(0.5 + random.NextDouble(), 2 * Math.PI * random.NextDouble());
            slopes[p] = 0.3 * (random.NextDouble() - 0.5);
            for (int l = 0; l < 14; l++)
            {
                for (int k = 0; k < nSizeGrid * 12; k++)
                {
                    received[0, l, k] += transmitted[p, l, k] * Channel(gains[p], slopes[p], k, nSizeGrid * 12);
                }
            }
        }

        double noiseVariance = Math.Pow(10, -snrDb / 10);
        AddNoise(received.Port(0), noiseVariance, new Random(7));

        var estimator = new CsiRsChannelEstimator();
        var measurement = new CsiRsMeasurement(32);
        estimator.Estimate(received, 0, configuration, 7, measurement);
        Assert.Equal(ports, measurement.PortCount);
        int elementsPerPort = configuration.Pattern.Elements.ToArray().Length / ports;
        double sigmaH = Math.Sqrt(noiseVariance / elementsPerPort);
        for (int p = 0; p < ports; p++)
        {
            ReadOnlySpan<ComplexF32> h = measurement.Channel(p);
            double rsrp = 0;
            for (int i = 0; i < measurement.BlockCount; i++)
            {
                int n = measurement.Blocks[i];
                ComplexF32 truth = Channel(gains[p], slopes[p], (n * 12) + 6, nSizeGrid * 12);
                // The cover averages over ≤ 2 subcarriers × 4 symbols, so the truth at mid-block differs by the slope only slightly.
                Assert.True((h[i] - truth).Magnitude < (5 * sigmaH) + 0.02, $"port {p} block {n}: {h[i]} vs {truth}");
                rsrp += truth.MagnitudeSquared;
            }

            rsrp /= measurement.BlockCount;
            Assert.InRange(10 * Math.Log10(measurement.RsrpLinear(p) / rsrp), -0.5, 0.5);
        }

        Assert.InRange(measurement.NoiseVariance / noiseVariance, 0.8, 1.2);
    }

    [Fact]
    public void Estimate_SteadyState_AllocatesNothing()
    {
        var configuration = new CsiRsConfiguration { RowNumber = 12, FrequencyDomainAllocation = 0b011110, Density = CsiRsDensity.One, FirstSymbol = 5, RbCount = 273 };
        var grid = new ResourceGrid(16, 14, 273 * 12);
        var received = new ResourceGrid(1, 14, 273 * 12);
        var mapper = new CsiRsMapper();
        var estimator = new CsiRsChannelEstimator();
        var measurement = new CsiRsMeasurement(16);
        AllocationAssert.SteadyStateAllocatesNothing(() =>
        {
            mapper.Map(grid, configuration, 3);
            estimator.Estimate(received, 0, configuration, 3, measurement);
        });
    }

    private static ComplexF32 Channel(ComplexF32 gain, double slope, int k, int width) =>
        gain * ComplexF32.FromPolar(1, 2 * Math.PI * slope * k / width);

    private static void AddNoise(Span<ComplexF32> samples, double variance, Random random) =>
        StandardNormal.AddComplexNoise(samples, variance, random);
}
