using System;
using OpenRan.Phy.Common;
using OpenRan.Phy.Common.Frequency;

namespace OpenRan.Phy.Tests.Common.Frequency;

/// <summary>NR-ARFCN and GSCN conversions (TS 38.104 §5.4.2.1, §5.4.3.1), band tables and the carrier/SSB frequency plan.</summary>
public class FrequencyPlanTests
{
    [Theory]
    [InlineData(368500, 1842.5e6)] // srsRAN n3 capture carrier (shared/testvectors README §2.3)
    [InlineData(368410, 1842.05e6)] // its SSB
    [InlineData(0, 0.0)]
    [InlineData(599999, 2999.995e6)]
    [InlineData(600000, 3000e6)]
    [InlineData(632628, 3489.42e6)]
    [InlineData(2016666, 24249.99e6)]
    [InlineData(2016667, 24250.08e6)]
    [InlineData(2054166, 26500.02e6)]
    [InlineData(3279165, 99999.96e6)]
    public void NrArfcn_ConvertsBothWays(int arfcn, double frequencyHz)
    {
        Assert.Equal(frequencyHz, NrArfcn.FrequencyHz(arfcn), 1e-3);
        Assert.Equal(arfcn, NrArfcn.FromFrequencyHz(frequencyHz));
    }

    [Fact]
    public void NrArfcn_OffRaster_IsRejectedWithTheRaster()
    {
        Assert.Null(NrArfcn.TryFromFrequencyHz(3000.005e6));
        ArgumentException e = Assert.Throws<ArgumentException>(() => NrArfcn.FromFrequencyHz(1842.501e6));
        Assert.Contains("5 kHz", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => NrArfcn.FrequencyHz(3279166));
    }

    [Theory]
    [InlineData(4604, 1842.05e6)] // N = 1535, M = 1
    [InlineData(4605, 1842.15e6)] // M = 3
    [InlineData(4606, 1842.25e6)] // M = 5
    [InlineData(2, 1.25e6)]
    [InlineData(7498, 2999.05e6)] // N = 2499, M = 5
    [InlineData(7499, 3000e6)]
    [InlineData(7855, 3512.64e6)] // srsRAN n78 capture SSB (README §2.2)
    [InlineData(22255, 24248.64e6)]
    [InlineData(22256, 24250.08e6)]
    [InlineData(22388, 26531.04e6)]
    public void Gscn_ConvertsBothWays(int gscn, double ssRefHz)
    {
        Assert.Equal(ssRefHz, Gscn.SsRefHz(gscn), 1e-3);
        Assert.Equal(gscn, Gscn.FromSsRefHz(ssRefHz));
    }

    [Fact]
    public void Gscn_OffSyncRaster_IsRejected()
    {
        Assert.Null(Gscn.TryFromSsRefHz(1842.1e6));
        Assert.Throws<ArgumentException>(() => Gscn.FromSsRefHz(3512.0e6));
    }

    [Fact]
    public void Bands_Tables_HoldKnownEntries()
    {
        OperatingBand n78 = OperatingBands.Get("n78");
        Assert.Equal(DuplexMode.Tdd, n78.Duplex);
        Assert.Equal(3300, n78.DownlinkLowMhz);
        Assert.Contains(n78.SsbRasters, r => r.SubcarrierSpacingKhz == 30 && r.Pattern == SsbPattern.CaseC && r.GscnFirst == 7711 && r.GscnLast == 8051);
        OperatingBand n1 = OperatingBands.Get("1");
        Assert.Equal(190, n1.DuplexSpacingMhz);
        Assert.Equal(DuplexMode.Sul, OperatingBands.Get("n80").Duplex);
        Assert.Equal(FrequencyRange.Fr2, OperatingBands.Get("n257").Range);
        ArgumentException e = Assert.Throws<ArgumentException>(() => OperatingBands.Get("n999"));
        Assert.Contains("n78", e.Message, StringComparison.Ordinal);

        // Every band's channel raster lies within its frequency range (cross-check of Tables 5.2-1 and 5.4.2.3-1).
        foreach (OperatingBand band in OperatingBands.All)
        {
            foreach (ChannelRaster raster in band.ChannelRasters)
            {
                if (raster.DownlinkStep > 0)
                {
                    Assert.InRange(NrArfcn.FrequencyHz(raster.DownlinkFirst), (band.DownlinkLowMhz * 1e6) - 1, (band.DownlinkHighMhz * 1e6) + 1);
                    Assert.InRange(NrArfcn.FrequencyHz(raster.DownlinkLast), (band.DownlinkLowMhz * 1e6) - 1, (band.DownlinkHighMhz * 1e6) + 1);
                }
            }

            foreach (SsbRaster ssb in band.SsbRasters)
            {
                Assert.InRange(Gscn.SsRefHz(ssb.GscnFirst), band.DownlinkLowMhz * 1e6, band.DownlinkHighMhz * 1e6);
                Assert.InRange(Gscn.SsRefHz(ssb.GscnLast), band.DownlinkLowMhz * 1e6, band.DownlinkHighMhz * 1e6);
            }
        }
    }

    [Fact]
    public void Plan_N3RealCapture_GivesKssb6AndOffset13()
    {
        // The third-party n3 gNB of shared/testvectors README §2.3: carrier 368500, 52 RB at 15 kHz, SSB at 368410; its MIB says k_SSB = 6.
        FrequencyPlan plan = FrequencyPlan.Create(OperatingBands.Get("n3"), 368500, 10, 15, Gscn.FromSsRefHz(NrArfcn.FrequencyHz(368410)));
        Assert.Equal(52, plan.NRb);
        Assert.Equal(1837.82e6, plan.PointAFrequencyHz, 1e-3);
        Assert.Equal(367564, plan.PointAArfcn);
        Assert.Equal(4604, plan.SsbGscn);
        Assert.Equal(368410, plan.SsbArfcn);
        Assert.Equal(13, plan.OffsetToPointA);
        Assert.Equal(6, plan.KSsb);
        Assert.Equal(SsbPattern.CaseA, plan.SsbPattern);
        Assert.Equal(349500, plan.UplinkArfcn);
        Assert.Equal(1842.5e6, plan.OfdmCenterFrequencyHz, 1e-3);
    }

    [Fact]
    public void Plan_N78OddRbCount_RasterPointIsSubcarrierSixOfTheMiddleBlockAndTheOfdmCentre()
    {
        // TS 38.104 Table 5.4.2.2-1, N_RB mod 2 = 1: F_REF is k = 6 of n_PRB = ⌊273/2⌋ = 136, i.e. subcarrier 1638 = 273·12/2.
        FrequencyPlan plan = FrequencyPlan.Create(OperatingBands.Get("n78"), 632628, 100, 30);
        Assert.Equal(273, plan.NRb);
        Assert.Equal(3489.42e6, plan.DownlinkFrequencyHz, 1e-3);
        Assert.Equal(3489.42e6 - (((12 * 136) + 6) * 30e3), plan.PointAFrequencyHz, 1e-3);
        Assert.Equal(3489.42e6, plan.OfdmCenterFrequencyHz, 1e-3);
        Assert.Null(plan.UplinkArfcn);

        // The chosen SSB lies inside the carrier, on the 15 kHz grid from Point A, and is consistent with the reported numbers.
        double ssb0 = plan.SsbFrequencyHz - (120 * 30e3);
        Assert.Equal((12 * plan.OffsetToPointA) + plan.KSsb, (ssb0 - plan.PointAFrequencyHz) / 15e3, 1e-6);
        Assert.Equal(0, plan.OffsetToPointA % 2); // a whole 30 kHz common resource block
        Assert.InRange(plan.KSsb, 0, 23);
    }

    [Theory]
    [InlineData(2, 1, 0)]
    [InlineData(52, 26, 0)]
    [InlineData(273, 136, 6)]
    [InlineData(79, 39, 6)]
    [InlineData(11, 5, 6)]
    public void RasterMapping_FollowsTable5_4_2_2_1(int nRb, int nPrb, int k)
    {
        Assert.Equal(nPrb, FrequencyPlan.RasterResourceBlock(nRb));
        Assert.Equal(k, FrequencyPlan.RasterSubcarrier(nRb));
        Assert.Equal(6 * nRb, (12 * nPrb) + k); // the raster point is the carrier's centre subcarrier for even and odd N_RB
    }

    [Theory]
    // TS 38.508-1 Table 4.3.1.1.1.78-1 (n78, 15 kHz, offsetToCarrier 0): 10 MHz = 52 RB (even), 15 MHz = 79 RB (odd).
    [InlineData(620334, 10, 52, 3300.33e6, 620022)]
    [InlineData(620500, 15, 79, 3300.39e6, 620026)]
    public void Plan_PointA_MatchesTheConformanceTestFrequencies_ForEvenAndOddRbCounts(int arfcn, int bandwidthMhz, int nRb, double pointAHz, int pointAArfcn)
    {
        FrequencyPlan plan = FrequencyPlan.Create(OperatingBands.Get("n78"), arfcn, bandwidthMhz, 15);
        Assert.Equal(nRb, plan.NRb);
        Assert.Equal(pointAHz, plan.PointAFrequencyHz, 1e-3);
        Assert.Equal(pointAArfcn, plan.PointAArfcn);
        Assert.Equal(plan.DownlinkFrequencyHz, plan.OfdmCenterFrequencyHz, 1e-3);
    }

    [Fact]
    public void Plan_Fr2_UsesSixtyKilohertzUnits()
    {
        FrequencyPlan plan = FrequencyPlan.Create(OperatingBands.Get("n257"), 2079167, 100, 120);
        Assert.Equal(66, plan.NRb);
        Assert.Equal(120, plan.SsbSubcarrierSpacingKhz);
        double ssb0 = plan.SsbFrequencyHz - (120 * 120e3);
        Assert.Equal((12 * plan.OffsetToPointA / 2.0) + plan.KSsb, (ssb0 - plan.PointAFrequencyHz) / 120e3, 1e-6);
        Assert.InRange(plan.KSsb, 0, 11);
    }

    [Fact]
    public void Plan_InconsistentInputs_AreRejectedWithTheReason()
    {
        OperatingBand n78 = OperatingBands.Get("n78");
        Assert.Contains("outside band n78", Assert.Throws<ArgumentException>(() => FrequencyPlan.Create(n78, 600000, 100, 30)).Message, StringComparison.Ordinal);
        Assert.Contains("not on band n41's channel raster", Assert.Throws<ArgumentException>(() => FrequencyPlan.Create(OperatingBands.Get("n41"), 520001, 20, 30)).Message, StringComparison.Ordinal);
        Assert.Contains("does not fit band n78", Assert.Throws<ArgumentException>(() => FrequencyPlan.Create(n78, 620100, 100, 30)).Message, StringComparison.Ordinal);
        Assert.Contains("not on band n78's synchronization raster", Assert.Throws<ArgumentException>(() => FrequencyPlan.Create(n78, 632628, 100, 30, gscn: 7700)).Message, StringComparison.Ordinal);
        Assert.Contains("not inside the carrier", Assert.Throws<ArgumentException>(() => FrequencyPlan.Create(n78, 632628, 20, 30, gscn: 8000)).Message, StringComparison.Ordinal);
        Assert.Contains("k_SSB is undefined", Assert.Throws<ArgumentException>(() => FrequencyPlan.Create(OperatingBands.Get("n3"), 368500, 10, 15, gscn: 4605)).Message, StringComparison.Ordinal);
        Assert.Contains("no N_RB", Assert.Throws<ArgumentException>(() => FrequencyPlan.Create(n78, 632628, 100, 15)).Message, StringComparison.Ordinal);
        Assert.Contains("supplementary uplink", Assert.Throws<ArgumentException>(() => FrequencyPlan.Create(OperatingBands.Get("n80"), 350000, 10, 15)).Message, StringComparison.Ordinal);
    }
}
