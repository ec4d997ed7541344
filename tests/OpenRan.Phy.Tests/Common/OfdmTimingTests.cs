using System;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Tests.Common;

/// <summary>Numerology, cyclic-prefix lengths (TS 38.211 §5.3.1), FFT-size rules and the N_RB tables (TS 38.101-1/-2 Table 5.3.2-1).</summary>
public class OfdmTimingTests
{
    [Theory]
    [InlineData(0, 15_000, 1, 10)]
    [InlineData(1, 30_000, 2, 20)]
    [InlineData(2, 60_000, 4, 40)]
    [InlineData(3, 120_000, 8, 80)]
    [InlineData(4, 240_000, 16, 160)]
    public void Numerology_Mu_GivesSpacingAndSlots(int mu, int scsHz, int slotsPerSubframe, int slotsPerFrame)
    {
        var numerology = new Numerology(mu);
        Assert.Equal(scsHz, numerology.SubcarrierSpacingHz);
        Assert.Equal(slotsPerSubframe, numerology.SlotsPerSubframe);
        Assert.Equal(slotsPerFrame, numerology.SlotsPerFrame);
        Assert.Equal(numerology, Numerology.FromSubcarrierSpacingKhz(scsHz / 1000));
    }

    [Fact]
    public void Numerology_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Numerology(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Numerology.FromSubcarrierSpacingKhz(45));
        Assert.Throws<ArgumentException>(() => new OfdmTiming(new Numerology(1), CyclicPrefix.Extended, 1024));
    }

    [Fact]
    public void CyclicPrefix_15kHzAt2048_Is160ThenSix144PerHalfSubframe()
    {
        var timing = new OfdmTiming(new Numerology(0), CyclicPrefix.Normal, 2048);
        int[] expected = [160, 144, 144, 144, 144, 144, 144, 160, 144, 144, 144, 144, 144, 144];
        for (int l = 0; l < 14; l++)
        {
            Assert.Equal(expected[l], timing.CyclicPrefixLength(l));
        }

        Assert.Equal(30720, timing.SamplesPerSubframe);
    }

    [Fact]
    public void CyclicPrefix_30kHzAt4096_LongCpAtSymbols0And14()
    {
        var timing = new OfdmTiming(new Numerology(1), CyclicPrefix.Normal, 4096);
        for (int l = 0; l < 28; l++)
        {
            Assert.Equal(l is 0 or 14 ? 352 : 288, timing.CyclicPrefixLength(l));
        }

        Assert.Equal(61440, timing.SlotSampleCount(0));
        Assert.Equal(61440, timing.SlotSampleCount(1));
        Assert.Equal(61440, timing.SlotOffsetInSubframe(1));
    }

    [Fact]
    public void SlotLengths_Mu2_OnlySlots0And2HoldLongCp()
    {
        var timing = new OfdmTiming(new Numerology(2), CyclicPrefix.Normal, 1024);
        int shortSlot = 14 * (1024 + 72);
        Assert.Equal(shortSlot + 32, timing.SlotSampleCount(0));
        Assert.Equal(shortSlot, timing.SlotSampleCount(1));
        Assert.Equal(shortSlot + 32, timing.SlotSampleCount(2));
        Assert.Equal(shortSlot, timing.SlotSampleCount(7));
        Assert.Equal(shortSlot + 32, timing.MaxSlotSampleCount);
    }

    public static TheoryData<int, CyclicPrefix, int> Configurations()
    {
        var data = new TheoryData<int, CyclicPrefix, int>();
        foreach (int mu in new[] { 0, 1, 2, 3, 4 })
        {
            foreach (int n in new[] { 128, 384, 512, 1536, 2048, 4096 })
            {
                data.Add(mu, CyclicPrefix.Normal, n);
            }
        }

        data.Add(2, CyclicPrefix.Extended, 1024);
        data.Add(2, CyclicPrefix.Extended, 4096);
        return data;
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Subframe_SymbolLengths_SumToExactlyOneMillisecond(int mu, CyclicPrefix cp, int n)
    {
        var timing = new OfdmTiming(new Numerology(mu), cp, n);
        long sum = 0;
        for (int l = 0; l < timing.SymbolsPerSubframe; l++)
        {
            Assert.Equal(sum, timing.SymbolOffset(l));
            sum += timing.CyclicPrefixLength(l) + n;
        }

        // 1 ms at f_s = N·Δf is 15·2^μ·N samples.
        Assert.Equal(15L * (1 << mu) * n, sum);
        Assert.Equal(sum, timing.SamplesPerSubframe);
        long slots = 0;
        for (int s = 0; s < timing.Numerology.SlotsPerSubframe; s++)
        {
            slots += timing.SlotSampleCount(s);
        }

        Assert.Equal(sum, slots);
        Assert.Equal(cp == CyclicPrefix.Extended ? 12 : 14, timing.SymbolsPerSlot);
    }

    [Theory]
    [InlineData(25, FftSizeRule.PowerOfTwo, 512)]
    [InlineData(52, FftSizeRule.PowerOfTwo, 1024)]
    [InlineData(106, FftSizeRule.PowerOfTwo, 2048)]
    [InlineData(216, FftSizeRule.PowerOfTwo, 4096)]
    [InlineData(273, FftSizeRule.PowerOfTwo, 4096)]
    [InlineData(11, FftSizeRule.PowerOfTwo, 256)]
    [InlineData(1, FftSizeRule.PowerOfTwo, 128)]
    [InlineData(106, FftSizeRule.Compact, 1536)]
    [InlineData(52, FftSizeRule.Compact, 768)]
    [InlineData(273, FftSizeRule.Compact, 4096)]
    [InlineData(216, FftSizeRule.Compact, 3072)]
    [InlineData(24, FftSizeRule.Compact, 384)]
    public void SelectFftSize_Rule_GivesSmallestSizeAtMost85PercentOccupied(int nRb, FftSizeRule rule, int expected)
    {
        Assert.Equal(expected, OfdmTiming.SelectFftSize(nRb, rule));
    }

    [Fact]
    public void EveryChannelBandwidth_BothRules_GiveValidTimingWithinOccupancy()
    {
        foreach (FrequencyRange range in new[] { FrequencyRange.Fr1, FrequencyRange.Fr2 })
        {
            foreach (int bandwidth in Ts38101Table5_3_2_1.ChannelBandwidthsMhz(range))
            {
                foreach (int scs in new[] { 15, 30, 60, 120 })
                {
                    if (Ts38101Table5_3_2_1.TryGetMaxRbCount(range, bandwidth, scs) is not int nRb)
                    {
                        continue;
                    }

                    foreach (FftSizeRule rule in new[] { FftSizeRule.PowerOfTwo, FftSizeRule.Compact })
                    {
                        OfdmTiming timing = OfdmTiming.ForGrid(Numerology.FromSubcarrierSpacingKhz(scs), CyclicPrefix.Normal, nRb, rule);
                        Assert.True(12.0 * nRb / timing.FftSize <= OfdmTiming.MaxOccupancy, $"{range} {bandwidth} MHz {scs} kHz: N = {timing.FftSize}");
                        Assert.True(12.0 * nRb / (timing.FftSize / 2) > OfdmTiming.MaxOccupancy || timing.FftSize == 128 || rule == FftSizeRule.Compact);
                        Assert.Equal(0, timing.FftSize % 128);
                        Assert.Equal(timing.FftSize * scs * 1000.0, timing.SampleRateHz);
                    }
                }
            }
        }

        // MATLAB's sample rates in the reference data: 40 MHz at 15 kHz → 61.44 Msps, 10 MHz at 15 kHz → 15.36 Msps, 40 MHz at 30 kHz → 61.44 Msps.
        Assert.Equal(61.44e6, OfdmTiming.ForGrid(new Numerology(0), CyclicPrefix.Normal, 216).SampleRateHz);
        Assert.Equal(15.36e6, OfdmTiming.ForGrid(new Numerology(0), CyclicPrefix.Normal, 52).SampleRateHz);
        Assert.Equal(61.44e6, OfdmTiming.ForGrid(new Numerology(1), CyclicPrefix.Normal, 106).SampleRateHz);
    }

    [Fact]
    public void ForSampleRate_ValidRate_GivesFftSize()
    {
        Assert.Equal(1536, OfdmTiming.ForSampleRate(new Numerology(0), CyclicPrefix.Normal, 23.04e6, 106).FftSize);
        Assert.Equal(1536, OfdmTiming.ForSampleRate(new Numerology(1), CyclicPrefix.Normal, 46.08e6, 106).FftSize);
        Assert.Equal(61.44e6, OfdmTiming.ForSampleRate(new Numerology(0), CyclicPrefix.Normal, 61.44e6, 216).SampleRateHz);
    }

    [Fact]
    public void ForSampleRate_BadRate_ThrowsWithReason()
    {
        ArgumentException notMultiple = Assert.Throws<ArgumentException>(() => OfdmTiming.ForSampleRate(new Numerology(0), CyclicPrefix.Normal, 10e6, 25));
        Assert.Contains("not a multiple of 128", notMultiple.Message, StringComparison.Ordinal);
        ArgumentException tooSmall = Assert.Throws<ArgumentException>(() => OfdmTiming.ForSampleRate(new Numerology(0), CyclicPrefix.Normal, 7.68e6, 106));
        Assert.Contains("fewer than the 1272 subcarriers", tooSmall.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FrequencyRange.Fr1, 5, 15, 25)]
    [InlineData(FrequencyRange.Fr1, 10, 15, 52)]
    [InlineData(FrequencyRange.Fr1, 15, 15, 79)]
    [InlineData(FrequencyRange.Fr1, 20, 15, 106)]
    [InlineData(FrequencyRange.Fr1, 40, 15, 216)]
    [InlineData(FrequencyRange.Fr1, 50, 15, 270)]
    [InlineData(FrequencyRange.Fr1, 20, 30, 51)]
    [InlineData(FrequencyRange.Fr1, 40, 30, 106)]
    [InlineData(FrequencyRange.Fr1, 100, 30, 273)]
    [InlineData(FrequencyRange.Fr1, 100, 60, 135)]
    [InlineData(FrequencyRange.Fr2, 50, 60, 66)]
    [InlineData(FrequencyRange.Fr2, 100, 120, 66)]
    [InlineData(FrequencyRange.Fr2, 400, 120, 264)]
    public void MaxRbCount_SpecTable_GivesNrb(FrequencyRange range, int bandwidthMhz, int scsKhz, int expected)
    {
        Assert.Equal(expected, Ts38101Table5_3_2_1.GetMaxRbCount(range, bandwidthMhz, scsKhz));
    }

    [Fact]
    public void MaxRbCount_NotApplicable_ThrowsListingValidValues()
    {
        Assert.Null(Ts38101Table5_3_2_1.TryGetMaxRbCount(FrequencyRange.Fr1, 100, 15));
        Assert.Null(Ts38101Table5_3_2_1.TryGetMaxRbCount(FrequencyRange.Fr1, 5, 60));
        ArgumentException e = Assert.Throws<ArgumentException>(() => Ts38101Table5_3_2_1.GetMaxRbCount(FrequencyRange.Fr2, 400, 60));
        Assert.Contains("TS 38.101-2", e.Message, StringComparison.Ordinal);
    }
}
