using System;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelEstimation;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Phy.Tests.Upper;

public class ChannelEstimatorTests
{
    private const double Scs = 30e3;

    private static PdschConfiguration Configuration(DmrsConfiguration dmrs, int layers) => new()
    {
        Numerology = 1,
        NSizeGrid = 51,
        NSizeBwp = 51,
        PrbSet = [.. Enumerable.Range(0, 51)],
        LayerCount = layers,
        Dmrs = dmrs,
    };

    public static TheoryData<DmrsConfigurationType, int, int, int[]> Patterns() => new()
    {
        { DmrsConfigurationType.Type1, 1, 2, [0] },
        { DmrsConfigurationType.Type1, 1, 2, [0, 1, 2, 3] },
        { DmrsConfigurationType.Type2, 1, 3, [0, 1, 4, 5] },
        { DmrsConfigurationType.Type1, 2, 2, [0, 4, 2, 6] },
        { DmrsConfigurationType.Type2, 2, 3, [0, 6, 3, 9] },
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Estimate_NoiselessFlatChannelWithTimingOffset_IsExactAndMeasuresTheOffset(DmrsConfigurationType type, int length, int groups, int[] ports)
    {
        var dmrs = new DmrsConfiguration { ConfigurationType = type, Length = length, AdditionalPosition = 1, CdmGroupsWithoutData = groups, Ports = ports, ScramblingId0 = 7, ScramblingId1 = 7 };
        PdschConfiguration configuration = Configuration(dmrs, ports.Length);
        SharedChannelLayout layout = configuration.BuildLayout();
        var transmitted = new ResourceGrid(4, 14, 51 * 12);
        transmitted.Configure(ports.Length, 14, 51);
        new SharedChannelReferenceSignals().MapDmrs(transmitted, layout, 3, dmrs.Beta);
        var channel = new SyntheticChannel(4, ports.Length, [0], seed: 5) { TimingOffsetSeconds = 0.4e-6 };
        var received = new ResourceGrid(4, 14, 51 * 12);
        channel.Apply(transmitted, received, Scs, 0, seed: 1);
        var estimate = new ChannelEstimate();
        new DmrsChannelEstimator().Estimate(received, layout.DmrsPattern, Pilots(layout, 3), estimate);
        Assert.Equal(0.4e-6, estimate.TimingOffsetSeconds, 9);
        Assert.True(estimate.NoiseVariance < 1e-6f, $"noise {estimate.NoiseVariance}");
        for (int r = 0; r < 4; r++)
        {
            for (int v = 0; v < ports.Length; v++)
            {
                ReadOnlySpan<ComplexF32> h = estimate.Coefficients(r, v, 6);
                for (int k = 1; k < h.Length - 1; k++)
                {
                    ComplexF32 expected = channel.Response(r, v, k, 6, Scs, 14);
                    Assert.True((h[k] - expected).Magnitude < 2e-3f * (1 + expected.Magnitude), $"r {r} v {v} k {k}: {h[k]} vs {expected}");
                }
            }
        }
    }

    [Theory]
    [InlineData(FrequencyInterpolation.Linear)]
    [InlineData(FrequencyInterpolation.Wiener)]
    public void Estimate_NoisySelectiveChannel_MeasuresNoiseAndTracksTheChannel(FrequencyInterpolation interpolation)
    {
        var dmrs = new DmrsConfiguration { AdditionalPosition = 1, CdmGroupsWithoutData = 2, Ports = [0, 1], ScramblingId0 = 3, ScramblingId1 = 3 };
        PdschConfiguration configuration = Configuration(dmrs, 2);
        SharedChannelLayout layout = configuration.BuildLayout();
        var transmitted = new ResourceGrid(2, 14, 51 * 12);
        new SharedChannelReferenceSignals().MapDmrs(transmitted, layout, 0, dmrs.Beta);
        var channel = new SyntheticChannel(2, 2, [0, 0.1e-6, 0.3e-6, 0.7e-6], seed: 9) { FrequencyOffsetHz = 150 };
        var received = new ResourceGrid(2, 14, 51 * 12);
        const double noise = 0.01;
        channel.Apply(transmitted, received, Scs, noise, seed: 2);
        var estimate = new ChannelEstimate();
        var options = new ChannelEstimatorOptions { FrequencyInterpolation = interpolation, TimeInterpolation = TimeInterpolation.Linear, DelaySpreadSeconds = 300e-9 };
        new DmrsChannelEstimator(2, 2, options).Estimate(received, layout.DmrsPattern, Pilots(layout, 0), estimate);
        Assert.True(estimate.NoiseVariance > noise * 0.85 && estimate.NoiseVariance < noise * 1.15, $"noise {estimate.NoiseVariance}");
        Assert.True(estimate.HasCarrierFrequencyOffset);
        Assert.True(estimate.CarrierFrequencyOffsetHz > 110 && estimate.CarrierFrequencyOffsetHz < 190, $"CFO {estimate.CarrierFrequencyOffsetHz}");
        double error = 0, power = 0;
        foreach (int l in (int[])[4, 9, 13])
        {
            for (int r = 0; r < 2; r++)
            {
                for (int v = 0; v < 2; v++)
                {
                    ReadOnlySpan<ComplexF32> h = estimate.Coefficients(r, v, l);
                    for (int k = 0; k < h.Length; k++)
                    {
                        ComplexF32 expected = channel.Response(r, v, k, l, Scs, 14);
                        error += (h[k] - expected).MagnitudeSquared;
                        power += expected.MagnitudeSquared;
                    }
                }
            }
        }

        double mseDb = 10 * Math.Log10(error / power);
        Assert.True(mseDb < -17, $"normalized MSE {mseDb:F1} dB");
    }

    [Fact]
    public void Estimate_TooManyPortsOrLayers_Throws()
    {
        PdschConfiguration configuration = Configuration(new DmrsConfiguration { Ports = [0, 1] }, 2);
        var received = new ResourceGrid(4, 14, 51 * 12);
        SharedChannelLayout layout = configuration.BuildLayout();
        Assert.Throws<ArgumentException>(() => new DmrsChannelEstimator(2, 2).Estimate(received, layout.DmrsPattern, Pilots(layout, 0), new ChannelEstimate()));
    }

    private static DmrsPilots Pilots(SharedChannelLayout layout, int slot)
    {
        var pilots = new DmrsPilots();
        new SharedChannelReferenceSignals().FillPilots(layout, slot, DmrsSequenceKind.PseudoRandom, null, pilots);
        return pilots;
    }
}
