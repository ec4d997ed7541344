using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Ue.Downlink;
using OpenRan.Phy.Upper.Channels.Dci;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>
/// <c>--rnti</c> for any UE through the engine's own transmitter: DCI 1_0 of a C-RNTI and of the P-RNTI on CORESET#0
/// (put in the engine's slots by the test, as the engine sends neither) and DCI 1_1 of a C-RNTI other than the gNB
/// configuration's test UE in the UE-specific search space on CORESET#1; each PDSCH must decode byte for byte, a
/// short-messages-only paging DCI and an uplink DCI 0_0 must not produce a PDSCH.
/// </summary>
public sealed class UeDownlinkRntiTests
{
    private const int PRnti = 0xFFFE;

    [Fact]
    public void CommonSearchSpace_CRntiAndPaging_DecodesTheirPdschAndNoPdschForShortMessagesOrDci0_0()
    {
        const int cRnti = 0x4650;
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        var scheduler = new PhyTestScheduler(cell);
        int rbs = cell.Coreset0Row.RbCount;
        int riv = ResourceIndicatorValue.Compute(0, 4, rbs);
        byte[] data = [];
        byte[] paging = [];
        ComplexF32[] x = UeDownlinkRoundTripTests.Record(cell, scheduler, 10 * cell.Numerology.SlotsPerSubframe, new Random(3), 2_100.0, (s, plan) =>
        {
            switch (s)
            {
                case 3:
                    data = UeDownlinkRoundTripTests.AddCommonDownlink(cell, scheduler, plan, cRnti, DciRntiType.CRnti, new Dci1_0 { Identifier = 1, FrequencyDomainAssignment = riv, Mcs = 9, NewDataIndicator = 1, HarqProcess = 5 }, tb => Fill(tb, 0x11));
                    break;
                case 5:
                    paging = UeDownlinkRoundTripTests.AddCommonDownlink(cell, scheduler, plan, PRnti, DciRntiType.PRnti, new Dci1_0 { ShortMessagesIndicator = 1, FrequencyDomainAssignment = riv, Mcs = 2 }, tb => Fill(tb, 0x5a));
                    break;
                case 6:
                    UeDownlinkRoundTripTests.AddCommonDownlink(cell, scheduler, plan, PRnti, DciRntiType.PRnti, new Dci1_0 { ShortMessagesIndicator = 2, ShortMessages = 0x80 }, null);
                    break;
                case 7:
                    UeDownlinkRoundTripTests.AddCommonDownlink(cell, scheduler, plan, cRnti, DciRntiType.CRnti, new Dci1_0 { FrequencyDomainAssignment = riv, Mcs = 3 }, null);
                    plan.Pdcch[0].Payload[0] = 0; // identifier for DCI formats 0: format 0_0, an uplink grant of the same size
                    break;
            }
        });

        var items = new List<UeDownlinkItem>();
        var configuration = new UeDownlinkConfiguration
        {
            SampleRateHz = cell.SampleRateHz,
            CenterFrequencyHz = cell.DownlinkCenterHz,
            SsbFrequencyHz = cell.Plan.SsbFrequencyHz,
            Rntis = [new UeRnti(cRnti, DciRntiType.CRnti), new UeRnti(PRnti, DciRntiType.PRnti)],
            Cell = new UeCellDescription { DownlinkArfcn = cell.Options.Cell.DlArfcn, CarrierPrbs = cell.NRb },
        };
        UeDownlinkSummary summary = new UeDownlinkReceiver(configuration).Decode(x, items.Add);

        Assert.True(summary.CellFound, summary.Problem);
        UeDownlinkItem cDci = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Dci && i.Rnti == cRnti);
        Assert.Equal((3, 1, 5, 9), (cDci.Slot, cDci.Dci!.Value.NewDataIndicator, cDci.Dci.Value.HarqProcess, cDci.Dci.Value.Mcs));
        UeDownlinkItem cPdsch = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Pdsch && i.Rnti == cRnti);
        Assert.True(cPdsch.CrcPassed, cPdsch.Detail);
        Assert.Equal(data, cPdsch.Payload);

        UeDownlinkItem[] pagingDcis = [.. items.Where(i => i.Kind == UeDownlinkItemKind.Dci && i.RntiType == DciRntiType.PRnti)];
        Assert.Equal([5, 6], pagingDcis.Select(d => d.Slot));
        Assert.Equal((2, 0x80), (pagingDcis[1].Dci!.Value.ShortMessagesIndicator, pagingDcis[1].Dci!.Value.ShortMessages));
        Assert.Contains("short messages only", pagingDcis[1].Detail, StringComparison.Ordinal);
        UeDownlinkItem pPdsch = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Pdsch && i.RntiType == DciRntiType.PRnti);
        Assert.Equal(5, pPdsch.Slot);
        Assert.True(pPdsch.CrcPassed, pPdsch.Detail);
        Assert.Equal(paging, pPdsch.Payload);
    }

    /// <summary>
    /// A recording of a gNB whose test UE is 0x4602, decoded with the n3 example's configuration (test UE 0x4601) and
    /// <c>--rnti 0x4602</c>: the DCI 1_1 of 0x4602 is found in its own UE-specific search space (hashing with 0x4602)
    /// and every PDSCH decodes byte for byte; nothing is reported for 0x4601.
    /// </summary>
    [Fact]
    public void UeSpecificSearchSpace_GivenCRnti_DecodesItsDci1_1AndPdsch()
    {
        CellSetup cell = CellSetup.Derive(GnbConfigurationReader.Read(TestConfigs.N3With(("rnti: 0x4601", "rnti: 0x4602")), "gnb-4602.yaml"));
        var sent = new Dictionary<long, byte[]>();
        ComplexF32[] x = UeDownlinkRoundTripTests.RecordCRntiPdsch(cell, 8 * cell.Numerology.SlotsPerSubframe, new Random(13), -600.0, sent, snrDb: 40);

        var items = new List<UeDownlinkItem>();
        var configuration = new UeDownlinkConfiguration
        {
            SampleRateHz = cell.SampleRateHz,
            CenterFrequencyHz = cell.DownlinkCenterHz,
            SsbFrequencyHz = cell.Plan.SsbFrequencyHz,
            Rntis = [new UeRnti(0x4602, DciRntiType.CRnti)],
            Dedicated = UeDedicatedDownlink.FromGnbConfiguration(TestConfigs.Load("gnb-n3-20mhz-fdd.yaml")),
        };
        UeDownlinkSummary summary = new UeDownlinkReceiver(configuration).Decode(x, items.Add);

        Assert.True(summary.CellFound, summary.Problem);
        Assert.DoesNotContain(items, i => i.Rnti == 0x4601);
        UeDownlinkItem[] pdsch = [.. items.Where(i => i.Kind == UeDownlinkItemKind.Pdsch && i.Rnti == 0x4602)];
        Assert.True(pdsch.Length >= 5, $"{pdsch.Length} PDSCH of 0x4602 of {sent.Count} sent");
        Assert.All(pdsch, p =>
        {
            Assert.True(p.CrcPassed, p.Detail);
            Assert.Equal(sent[((long)p.Sfn * cell.SlotsPerFrame) + p.Slot], p.Payload);
        });
    }

    private static void Fill(Span<byte> tb, byte seed)
    {
        for (int i = 0; i < tb.Length; i++)
        {
            tb[i] = (byte)(seed + (i * 7));
        }
    }
}
