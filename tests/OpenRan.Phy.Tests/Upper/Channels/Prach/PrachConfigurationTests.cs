using System;
using OpenRan.Phy.Common;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.Upper.Channels.Prach;

namespace OpenRan.Phy.Tests.Upper.Channels.Prach;

public class PrachConfigurationTests
{
    internal static PrachParameters Format0 => new()
    {
        ConfigurationIndex = 16,
        PuschNumerology = new Numerology(0),
        NSizeGrid = 25,
        RootSequenceIndex = 22,
        ZeroCorrelationZoneConfig = 1,
    };

    internal static PrachParameters B4At30 => new()
    {
        ConfigurationIndex = 209,
        Msg1SubcarrierSpacingKhz = 30,
        PuschNumerology = new Numerology(1),
        NSizeGrid = 24,
        ZeroCorrelationZoneConfig = 15,
    };

    [Fact]
    public void ConfigurationIndex_OutOfRange_NamesTheFieldAndRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PrachConfiguration(Format0 with { ConfigurationIndex = 256 }));
        Assert.Equal("ConfigurationIndex", error.ParamName);
        Assert.Contains("0..255", error.Message);
        Assert.Contains("Table 6.3.3.2-2", error.Message);
    }

    [Fact]
    public void DuplexModeWithoutTable_NamesTheDuplexMode()
    {
        var fr2Fdd = Assert.Throws<ArgumentException>(() => new PrachConfiguration(B4At30 with { FrequencyRange = FrequencyRange.Fr2, Msg1SubcarrierSpacingKhz = 120, PuschNumerology = new Numerology(3) }));
        Assert.Contains("DuplexMode Fdd", fr2Fdd.Message);
        Assert.Contains("FR2 only TDD", fr2Fdd.Message);
        var sdl = Assert.Throws<ArgumentException>(() => new PrachConfiguration(Format0 with { DuplexMode = DuplexMode.Sdl }));
        Assert.Contains("DuplexMode Sdl", sdl.Message);
    }

    [Fact]
    public void LongFormatInFr2Index_IsRejected()
    {
        // FR2 index 0 is A1; asking FR2 for a short format at an FR1 spacing names msg1-SubcarrierSpacing.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PrachConfiguration(new PrachParameters
        {
            FrequencyRange = FrequencyRange.Fr2,
            DuplexMode = DuplexMode.Tdd,
            ConfigurationIndex = 0,
            Msg1SubcarrierSpacingKhz = 30,
            PuschNumerology = new Numerology(3),
            NSizeGrid = 66,
        }));
        Assert.Equal("Msg1SubcarrierSpacingKhz", error.ParamName);
        Assert.Contains("60 or 120 kHz", error.Message);
    }

    [Fact]
    public void OtherBadFields_AreNamedWithTheirRanges()
    {
        Assert.Equal("Msg1SubcarrierSpacingKhz", Assert.Throws<ArgumentException>(() => new PrachConfiguration(Format0 with { Msg1SubcarrierSpacingKhz = 15 })).ParamName);
        Assert.Equal("Msg1SubcarrierSpacingKhz", Assert.Throws<ArgumentOutOfRangeException>(() => new PrachConfiguration(B4At30 with { Msg1SubcarrierSpacingKhz = null })).ParamName);
        Assert.Equal("RootSequenceIndex", Assert.Throws<ArgumentOutOfRangeException>(() => new PrachConfiguration(B4At30 with { RootSequenceIndex = 138 })).ParamName);
        Assert.Equal("ZeroCorrelationZoneConfig", Assert.Throws<ArgumentOutOfRangeException>(() => new PrachConfiguration(Format0 with { ZeroCorrelationZoneConfig = 16 })).ParamName);
        Assert.Equal("RestrictedSet", Assert.Throws<ArgumentException>(() => new PrachConfiguration(B4At30 with { RestrictedSet = PrachRestrictedSet.TypeA })).ParamName);
        Assert.Equal("Msg1Fdm", Assert.Throws<ArgumentOutOfRangeException>(() => new PrachConfiguration(Format0 with { Msg1Fdm = 3 })).ParamName);
        var start = Assert.Throws<ArgumentOutOfRangeException>(() => new PrachConfiguration(Format0 with { Msg1FrequencyStart = 20 }));
        Assert.Equal("Msg1FrequencyStart", start.ParamName);
        Assert.Contains("0..19", start.Message);
        Assert.Equal("Msg1Fdm", Assert.Throws<ArgumentException>(() => new PrachConfiguration(Format0 with { Msg1Fdm = 8 })).ParamName);
        Assert.Equal("puschSubcarrierSpacingKhz", Assert.Throws<ArgumentOutOfRangeException>(() => new PrachConfiguration(Format0 with { PuschNumerology = new Numerology(3) })).ParamName);
    }

    [Fact]
    public void LongFormat_OccasionTiming_HasNo16KappaExtension()
    {
        var configuration = new PrachConfiguration(Format0);
        Span<PrachOccasion> occasions = new PrachOccasion[PrachConfiguration.MaxOccasionsPerSubframe];
        Assert.Equal(0, configuration.GetOccasions(0, 0, occasions));
        Assert.Equal(1, configuration.GetOccasions(0, 1, occasions));
        PrachOccasion o = occasions[0];
        Assert.Equal((0, 3168, 24576), (o.StartKappa, o.CyclicPrefixKappa, o.UsefulLengthKappa));
        Assert.Equal(1, configuration.GetOccasions(7, 1, occasions));
    }

    [Fact]
    public void ShortFormat_OccasionsInBothPrachSlots_AndThe16KappaRule()
    {
        // B4 at 30 kHz, index 209: two PRACH slots per subframe, one occasion each at l = 0 and l = 14.
        var configuration = new PrachConfiguration(B4At30);
        Span<PrachOccasion> occasions = new PrachOccasion[PrachConfiguration.MaxOccasionsPerSubframe];
        Assert.Equal(2, configuration.GetOccasions(3, 1, occasions));
        Assert.Equal((0, 0, 468 + 16), (occasions[0].PrachSlot, occasions[0].StartKappa, occasions[0].CyclicPrefixKappa));
        Assert.Equal((1, 14, 15360, 468 + 16), (occasions[1].PrachSlot, occasions[1].StartSymbol, occasions[1].StartKappa, occasions[1].CyclicPrefixKappa));
        var timing = new PrachTiming(configuration, new OfdmTiming(new Numerology(1), CyclicPrefix.Normal, 512));
        Assert.Equal(1, timing.GetOccasionsInSlot(3, 2, occasions));
        Assert.Equal(0, occasions[0].PrachSlot);
        Assert.Equal(1, timing.GetOccasionsInSlot(3, 3, occasions));
        Assert.Equal(1, occasions[0].PrachSlot);
        Assert.Equal(0, timing.GetOccasionsInSlot(3, 4, occasions));
        Assert.Equal(512, timing.RepetitionSamples);
        Assert.Equal((468 + 16) / 2, timing.CyclicPrefixSamples(occasions[0]));
    }

    [Fact]
    public void GetOccasionsInSlot_SteadyState_AllocatesNothing()
    {
        var configuration = new PrachConfiguration(B4At30);
        var timing = new PrachTiming(configuration, new OfdmTiming(new Numerology(1), CyclicPrefix.Normal, 512));
        var occasions = new PrachOccasion[PrachConfiguration.MaxOccasionsPerSubframe];
        int sfn = 0;
        OpenRan.TestSupport.AllocationAssert.SteadyStateAllocatesNothing(() =>
        {
            for (int slot = 0; slot < 20; slot++)
            {
                timing.GetOccasionsInSlot(sfn, slot, occasions);
            }

            sfn = (sfn + 1) % 1024;
        });
    }

    [Fact]
    public void CombinedRow_LastOccasionUsesTheBFormat()
    {
        var configuration = new PrachConfiguration(new PrachParameters
        {
            DuplexMode = DuplexMode.Tdd,
            ConfigurationIndex = 238,
            Msg1SubcarrierSpacingKhz = 15,
            PuschNumerology = new Numerology(1),
            NSizeGrid = 51,
        });
        Assert.Equal(PrachPreambleFormat.A2, configuration.Occasion(0, 3, 0, 1).Format);
        PrachOccasion last = configuration.Occasion(0, 3, 0, 2);
        Assert.Equal(PrachPreambleFormat.B2, last.Format);
        Assert.Equal(360, last.CyclicPrefixKappa);
    }

    [Fact]
    public void Occasion_NotInTheConfiguration_Throws()
    {
        var configuration = new PrachConfiguration(Format0);
        Assert.Throws<ArgumentException>(() => configuration.Occasion(0, 2, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => configuration.Occasion(0, 1, 0, 1));
    }

    [Fact]
    public void FirstSubcarrier_FollowsK1AndKBar()
    {
        // 25 RB at 15 kHz, format 0 (K = 12, k̄ = 7): k1 = 12·start − 150 → K·k1 + k̄.
        var configuration = new PrachConfiguration(Format0 with { Msg1FrequencyStart = 4, Msg1Fdm = 2 });
        Assert.Equal((12 * ((12 * 4) - 150)) + 7, configuration.FirstSubcarrierOffset(0));
        Assert.Equal((12 * ((12 * 10) - 150)) + 7, configuration.FirstSubcarrierOffset(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => configuration.FirstSubcarrierOffset(2));
    }

    [Fact]
    public void Timing_SampleRateTooLow_IsAClearError()
    {
        var configuration = new PrachConfiguration(new PrachParameters
        {
            ConfigurationIndex = 185,
            Msg1SubcarrierSpacingKhz = 15,
            PuschNumerology = new Numerology(0),
            NSizeGrid = 12,
        });
        var error = Assert.Throws<ArgumentException>(() => new PrachTiming(configuration, new OfdmTiming(new Numerology(0), CyclicPrefix.Normal, 128)));
        Assert.Contains("not a whole number", error.Message);
    }
}
