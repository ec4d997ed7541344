using System;
using OpenRan.Engine.Configuration;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Radio;

namespace OpenRan.Engine.Tests.Configuration;

public sealed class CellSetupTests
{
    public static TheoryData<string> Examples() => new(TestConfigs.ExampleNames);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Derive_ExampleConfiguration_IsConsistentAndPrintsItsOwnEffectiveForm(string name)
    {
        CellSetup cell = TestConfigs.Cell(name);
        string printed = EffectiveConfigurationWriter.Write(cell);
        CellSetup again = CellSetup.Derive(GnbConfigurationReader.Read(printed, "printed"));
        Assert.Equal(printed.Split('\n')[1..], EffectiveConfigurationWriter.Write(again).Split('\n')[1..]);
        Assert.True(cell.Coreset0.FirstRb >= 0 && cell.Coreset0.FirstRb + cell.Coreset0Row.RbCount <= cell.NRb);
        Assert.Equal(cell.SsbIndices.Count, cell.Type0Occasions.Count);
        _ = RadioSetup.Create(cell, new RadioFactory(RadioFactory.SoftwareDrivers()));
    }

    [Fact]
    public void Derive_N3Example_MatchesTheFrequencyPlanOfTheSpecification()
    {
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        Assert.Equal(106, cell.NRb);
        Assert.Equal(DuplexMode.Fdd, cell.Duplex);
        Assert.Equal(23.04e6, cell.SampleRateHz);
        Assert.Equal(1842.5e6, cell.Plan.DownlinkFrequencyHz, 1);
        // Point A = F_REF − 12·⌊106/2⌋·15 kHz (TS 38.104 Table 5.4.2.2-1; carrier at Point A).
        Assert.Equal(1842.5e6 - (12 * 53 * 15e3), cell.Plan.PointAFrequencyHz, 1);
        // The SSB starts at Point A + (12·offsetToPointA + k_SSB)·15 kHz = SS_REF − 120·15 kHz (TS 38.211 §7.4.3.1).
        Assert.Equal(cell.Plan.SsbFrequencyHz - (120 * 15e3), cell.Plan.PointAFrequencyHz + (((12 * cell.Plan.OffsetToPointA) + cell.Plan.KSsb) * 15e3), 1);
        Assert.Equal(cell.SsbFirstSubcarrier, (12 * cell.Plan.OffsetToPointA) + cell.Plan.KSsb);
        // FDD uplink: 95 MHz below (band n3 duplex spacing).
        Assert.Equal(cell.DownlinkCenterHz - 95e6, cell.UplinkCenterHz, 1);
        Assert.Equal(4, cell.LMax);
    }

    [Fact]
    public void Derive_N78Example_HasTheTddPatternAndCaseC()
    {
        CellSetup cell = TestConfigs.Cell("gnb-n78-40mhz-tdd.yaml");
        Assert.NotNull(cell.Tdd);
        Assert.Equal(10, cell.Tdd!.PeriodSlots);
        Assert.Equal(0x3FFF, cell.DownlinkSymbolMask(0));
        Assert.Equal(0, cell.UplinkSymbolMask(0));
        Assert.Equal(0b11_1100_0000_0000, cell.UplinkSymbolMask(7));
        Assert.Equal(0b00_0000_0011_1111, cell.DownlinkSymbolMask(7));
        Assert.Equal(0x3FFF, cell.UplinkSymbolMask(9));
        Assert.Equal(Phy.Upper.Channels.Ssb.SsbCase.C, cell.SsbCase);
        Assert.Equal(8, cell.LMax);
        Assert.Equal(46.08e6, cell.SampleRateHz);
    }

    [Fact]
    public void Open_RadioWithFewerChannelsThanAntennas_IsAConfigurationErrorNamingTheKey()
    {
        CellSetup cell = TestConfigs.Cell("gnb-n78-100mhz-tdd.yaml"); // antennas: { tx: 2, rx: 2 }
        var factory = new RadioFactory(RadioFactory.SoftwareDrivers());
        RadioSetup oneChannel = RadioSetup.Create(cell, factory, "loopback", "model=ideal");
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => oneChannel.Open(factory));
        Assert.Equal("antennas.tx", e.Key);
        Assert.Contains("offers 1 transmit channel", e.Message, StringComparison.Ordinal);
        Assert.Contains("channels=2", e.Message, StringComparison.Ordinal);

        using IRadio twoChannels = RadioSetup.Create(cell, factory, "loopback", "model=ideal,channels=2").Open(factory);
        Assert.NotNull(twoChannels);
    }

    [Fact]
    public void Read_UnknownKey_NamesFileLineKeyAndValidKeys()
    {
        string yaml = TestConfigs.N3With(("  pci: 1\n", "  pci: 1\n  pcii: 2\n"));
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => GnbConfigurationReader.Read(yaml, "gnb.yaml"));
        Assert.Equal("cell.pcii", e.Key);
        Assert.StartsWith("gnb.yaml:10:", e.Location, StringComparison.Ordinal);
        Assert.Contains("pci", e.Reason, StringComparison.Ordinal);
        Assert.Contains("dl-arfcn", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ValueOutOfRange_NamesTheValidRange()
    {
        string yaml = TestConfigs.N3With(("  pci: 1\n", "  pci: 1008\n"));
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => GnbConfigurationReader.Read(yaml, "gnb.yaml"));
        Assert.Equal("cell.pci", e.Key);
        Assert.StartsWith("gnb.yaml:9:", e.Location, StringComparison.Ordinal);
        Assert.Contains("0..1007", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_ArfcnOutsideTheBand_IsAnImpossibleFrequencyPlanAtTheArfcnLine()
    {
        string yaml = TestConfigs.N3With(("dl-arfcn: 368500", "dl-arfcn: 428000"));
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => CellSetup.Derive(GnbConfigurationReader.Read(yaml, "gnb.yaml")));
        Assert.Equal("cell.dl-arfcn", e.Key);
        Assert.StartsWith("gnb.yaml:6:", e.Location, StringComparison.Ordinal);
        Assert.Contains("impossible frequency plan", e.Reason, StringComparison.Ordinal);
        Assert.Contains("n3", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_ChannelTooWideForTheBandEdge_IsAnImpossibleFrequencyPlan()
    {
        string yaml = TestConfigs.N3With(("dl-arfcn: 368500", "dl-arfcn: 361500"));
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => CellSetup.Derive(GnbConfigurationReader.Read(yaml, "gnb.yaml")));
        Assert.Equal("cell.dl-arfcn", e.Key);
        Assert.Contains("does not fit", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_TddPeriodContradictingTheScs_NamesTheValidPeriods()
    {
        string text = System.IO.File.ReadAllText(TestConfigs.PathOf("gnb-n78-40mhz-tdd.yaml")).Replace("period-ms: 5, dl-slots: 7", "period-ms: 0.625, dl-slots: 7", StringComparison.Ordinal);
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => CellSetup.Derive(GnbConfigurationReader.Read(text, "tdd.yaml")));
        Assert.Equal("cell.tdd.period-ms", e.Key);
        Assert.StartsWith("tdd.yaml:9:", e.Location, StringComparison.Ordinal);
        Assert.Contains("valid at 30 kHz: 0.5 | 1 | 2 | 2.5 | 4 | 5 | 10", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_TddSlotsExceedingThePeriod_NamesTheKey()
    {
        string text = System.IO.File.ReadAllText(TestConfigs.PathOf("gnb-n78-40mhz-tdd.yaml")).Replace("dl-slots: 7", "dl-slots: 9", StringComparison.Ordinal);
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => CellSetup.Derive(GnbConfigurationReader.Read(text, "tdd.yaml")));
        Assert.Equal("cell.tdd.dl-slots", e.Key);
        Assert.Contains("exceed the 10 slots", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_TddOnAnFddBand_IsRejected()
    {
        string yaml = TestConfigs.N3With(("duplex: fdd", "duplex: tdd"));
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => CellSetup.Derive(GnbConfigurationReader.Read(yaml, "gnb.yaml")));
        Assert.Equal("cell.duplex", e.Key);
        Assert.Contains("valid: fdd", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RadioSetup_UnknownDriver_NamesTheValidDrivers()
    {
        string yaml = TestConfigs.N3With(("driver: loopback", "driver: usrp"));
        CellSetup cell = CellSetup.Derive(GnbConfigurationReader.Read(yaml, "gnb.yaml"));
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => RadioSetup.Create(cell, new RadioFactory(RadioFactory.SoftwareDrivers())));
        Assert.Equal("radio.driver", e.Key);
        Assert.StartsWith("gnb.yaml:", e.Location, StringComparison.Ordinal);
        Assert.Contains("zmq | file | loopback", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RadioSetup_BadArguments_AreReportedAtTheArgsKey()
    {
        string yaml = TestConfigs.N3With(("args: \"\"", "args: \"colour=blue\""));
        CellSetup cell = CellSetup.Derive(GnbConfigurationReader.Read(yaml, "gnb.yaml"));
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => RadioSetup.Create(cell, new RadioFactory(RadioFactory.SoftwareDrivers())));
        Assert.Equal("radio.args", e.Key);
    }

    [Fact]
    public void Derive_Coreset0IndexThatDoesNotFit_ListsTheIndicesThatDo()
    {
        string yaml = TestConfigs.N3With(("  search-space-zero: 0", "  coreset0-index: 15\n  search-space-zero: 0"));
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => CellSetup.Derive(GnbConfigurationReader.Read(yaml, "gnb.yaml")));
        Assert.Equal("pdcch.coreset0-index", e.Key);
        Assert.Contains("valid: ", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_256QamWithFallbackDci_IsRejected()
    {
        string yaml = TestConfigs.N3With(("dci: 1_1", "dci: 1_0"));
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => CellSetup.Derive(GnbConfigurationReader.Read(yaml, "gnb.yaml")));
        Assert.Equal("test-ue.downlink.mcs-table", e.Key);
    }
}
