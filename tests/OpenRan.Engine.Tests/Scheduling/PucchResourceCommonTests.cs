using System;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Emulation;
using OpenRan.Engine.Runtime;
using OpenRan.Engine.Scheduling;
using OpenRan.Phy.Upper.Channels.Pucch;
using OpenRan.Radio;
using OpenRan.Radio.Loopback;

namespace OpenRan.Engine.Tests.Scheduling;

/// <summary>
/// <c>pucch-resource-common</c> (TS 38.213 §9.2.1, Table 9.2.1-1): every row's resources against values worked by hand
/// for a 106-PRB initial uplink BWP, r_PUCCH from the DCI's first CCE and PRI, the configuration key's range, and a Msg4
/// acknowledged on the common resource of a non-zero row by the emulated random-access UE.
/// </summary>
public sealed class PucchResourceCommonTests
{
    /// <summary>
    /// Row, PUCCH format, first symbol, symbols; then for r_PUCCH = 5 and 13 the first-hop PRB, second-hop PRB and initial
    /// cyclic shift, worked by hand from §9.2.1 with N_BWP^size = 106 (e.g. row 2: RB_offset 3, N_CS 3 of {0, 4, 8}; r = 5:
    /// ⌊5/3⌋ = 1, hops 3 + 1 = 4 and 106 − 3 − 1 − 1 = 101, shift {0, 4, 8}[5 mod 3] = 8; r = 13: r − 8 = 5, the hops swap).
    /// </summary>
    [Theory]
    [InlineData(0, 0, 12, 2, 2, 103, 3)]
    [InlineData(1, 0, 12, 2, 1, 104, 8)]
    [InlineData(2, 0, 12, 2, 4, 101, 8)]
    [InlineData(3, 1, 10, 4, 2, 103, 6)]
    [InlineData(4, 1, 10, 4, 1, 104, 3)]
    [InlineData(5, 1, 10, 4, 3, 102, 3)]
    [InlineData(6, 1, 10, 4, 5, 100, 3)]
    [InlineData(7, 1, 4, 10, 2, 103, 6)]
    [InlineData(8, 1, 4, 10, 1, 104, 3)]
    [InlineData(9, 1, 4, 10, 3, 102, 3)]
    [InlineData(10, 1, 4, 10, 5, 100, 3)]
    [InlineData(11, 1, 0, 14, 2, 103, 6)]
    [InlineData(12, 1, 0, 14, 1, 104, 3)]
    [InlineData(13, 1, 0, 14, 3, 102, 3)]
    [InlineData(14, 1, 0, 14, 5, 100, 3)]
    [InlineData(15, 1, 0, 14, 27, 78, 3)] // RB_offset = ⌊106/4⌋ = 26
    public void Row_Resources5And13_MatchTheHandWorkedTable(int index, int format, int firstSymbol, int symbols, int low, int high, int shift)
    {
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        Assert.Equal(106, cell.NRb);
        PucchResourceCommon row = PucchResourceCommon.Row(index, cell.NRb);

        PucchConfiguration r5 = row.Configuration(cell, 5);
        Assert.Equal((PucchFormat)format, r5.Format);
        Assert.Equal(firstSymbol, r5.StartSymbol);
        Assert.Equal(symbols, r5.SymbolCount);
        Assert.Equal(low, r5.StartPrb);
        Assert.Equal(high, r5.SecondHopPrb);
        Assert.Equal(shift, r5.InitialCyclicShift);
        Assert.True(r5.IntraSlotFrequencyHopping);
        Assert.Equal(0, r5.TimeDomainOcc);

        // r_PUCCH = 13 ≥ 8: r − 8 = 5 from the other band edge.
        PucchConfiguration r13 = row.Configuration(cell, 13);
        Assert.Equal(high, r13.StartPrb);
        Assert.Equal(low, r13.SecondHopPrb);
        Assert.Equal(shift, r13.InitialCyclicShift);
    }

    [Fact]
    public void Row_EdgeResources_MatchTheHandWorkedValues()
    {
        // Row 0 ({0, 3}): r = 0 → PRBs 0 / 105, shift 0; r = 8 → 105 / 0. Row 1 ({0, 4, 8}): r = 15 → r − 8 = 7, ⌊7/3⌋ = 2:
        // 106 − 1 − 2 = 103 / 2, shift {0, 4, 8}[7 mod 3] = 4. Row 11 ({0, 6}): r = 7 → ⌊7/2⌋ = 3: 3 / 102, shift 6.
        Assert.Equal((0, 105), PucchResourceCommon.Row(0, 106).Prbs(0));
        Assert.Equal(0, PucchResourceCommon.Row(0, 106).InitialCyclicShift(0));
        Assert.Equal((105, 0), PucchResourceCommon.Row(0, 106).Prbs(8));
        Assert.Equal((103, 2), PucchResourceCommon.Row(1, 106).Prbs(15));
        Assert.Equal(4, PucchResourceCommon.Row(1, 106).InitialCyclicShift(15));
        Assert.Equal((3, 102), PucchResourceCommon.Row(11, 106).Prbs(7));
        Assert.Equal(6, PucchResourceCommon.Row(11, 106).InitialCyclicShift(7));
    }

    [Theory]
    [InlineData(0, 24, 0, 0)]
    [InlineData(11, 24, 0, 0)]
    [InlineData(12, 24, 0, 1)]
    [InlineData(23, 24, 0, 1)]
    [InlineData(12, 24, 3, 7)]
    [InlineData(8, 16, 7, 15)]
    public void ResourceIndex_IsTwiceTheCceHalfPlusTwiceThePri(int firstCce, int cces, int pri, int expected) =>
        Assert.Equal(expected, PucchResourceCommon.ResourceIndex(firstCce, cces, pri));

    [Fact]
    public void Read_PucchResourceCommonOutOfRange_NamesTheKeyAndItsRange()
    {
        var e = Assert.Throws<ConfigurationException>(() => GnbConfigurationReader.Read(TestConfigs.N3With(("antennas:", "pucch-resource-common: 16\nantennas:")), "gnb.yaml"));
        Assert.Equal("pucch-resource-common", e.Key);
        Assert.Contains("0..15", e.Reason, StringComparison.Ordinal);
        GnbConfiguration ok = GnbConfigurationReader.Read(TestConfigs.N3With(("antennas:", "pucch-resource-common: 9\nantennas:")), "gnb.yaml");
        Assert.Equal(9, ok.PucchResourceCommon);
        Assert.Contains("pucch-resource-common: 9", EffectiveConfigurationWriter.Write(CellSetup.Derive(ok)), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Msg4HarqAckOnCommonResourceOfRow9_ReceivedAndTheUeAttaches()
    {
        CellSetup cell = CellSetup.Derive(GnbConfigurationReader.Read(TestConfigs.N3With(("antennas:", "pucch-resource-common: 9\nantennas:")), "n3-common.yaml"));
        var provider = new TestUeUplinkChannelProvider(cell);
        var factory = new RadioFactory([new LoopbackRadioDriver(provider)]);
        RadioSetup radio = RadioSetup.Create(cell, factory, "loopback", "model=test-ue,ue_delay=30,ra_slot=20,ra_preamble=5");
        using IRadio device = radio.Open(factory);
        var scheduler = new PhyTestScheduler(cell);
        var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, WarmUpRounds = 1 };
        using var engine = new GnbEngine(cell, device, scheduler, options, scheduler.MaxTransportBlockBytes);
        engine.Run(20 + (8 * cell.SlotsPerFrame));

        // The UE derived r_PUCCH from its Msg4 PDCCH (PRI 0: 0 or 1) and answered there; the gNB, listening on the same
        // resource of row 9 (format 1, symbols 4..13, RB_offset 2, hopping), received the ACK with the first Msg4.
        TestUeRandomAccess ue = provider.Created[0].RandomAccess!;
        Assert.InRange(ue.Msg4AckCommonResource, 0, 1);
        Assert.True(ue.Msg4AckSlot > ue.ContentionResolutionSlot);
        Assert.Equal(ue.TemporaryCRnti, ue.CRnti);
        Assert.Equal(1, scheduler.Msg4Transmissions);
        Assert.Equal(1, scheduler.ContentionResolutions);
        Assert.Equal(0, scheduler.ContentionResolutionFailures);
        (int first, int second) = PucchResourceCommon.Row(9, cell.NRb).Prbs(ue.Msg4AckCommonResource);
        TestContext.Current.SendDiagnosticMessage($"Msg4 HARQ-ACK on r_PUCCH {ue.Msg4AckCommonResource} (PRBs {first} / {second}) in slot {ue.Msg4AckSlot}");
    }
}
