using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Ue.Downlink;
using OpenRan.Phy.Upper.Channels.Dci;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>
/// <c>--cell</c> with <c>dedicated:</c>: the n3 example cell's test UE described in the cell YAML alone (no gNB
/// configuration file); its C-RNTI's DCI 1_1 on CORESET#1 and every PDSCH must decode byte for byte as the engine sent
/// them; each bad key is an error naming <c>dedicated.KEY</c> and its valid range.
/// </summary>
public sealed class UeCellDescriptionDedicatedTests
{
    private const string Yaml = """
        cell: { pci: 1, prb: 106, scs-khz: 15, dl-arfcn: 368500 }
        dedicated: { rnti: 0x4601, band: n3, channel-bandwidth-mhz: 20, ssb-period-ms: 10, ssb-positions-in-burst: "1000", aggregation-level: 4, mcs-table: qam256 }
        """;

    [Fact]
    public void Dedicated_WithoutGnbConfiguration_DecodesTheTestUeDci1_1AndPdsch()
    {
        UeCellDescriptionFile file = UeCellDescriptionFile.Read(Yaml, "cell.yaml");
        Assert.NotNull(file.Dedicated);
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        var sent = new Dictionary<long, byte[]>();
        ComplexF32[] x = UeDownlinkRoundTripTests.RecordCRntiPdsch(cell, 16 * cell.Numerology.SlotsPerSubframe, new Random(19), 900.0, sent, snrDb: 40);

        var items = new List<UeDownlinkItem>();
        var configuration = new UeDownlinkConfiguration
        {
            SampleRateHz = cell.SampleRateHz,
            CenterFrequencyHz = cell.DownlinkCenterHz,
            Cell = file.Cell,
            Dedicated = file.Dedicated,
        };
        UeDownlinkSummary summary = new UeDownlinkReceiver(configuration).Decode(x, items.Add);

        Assert.True(summary.CellFound, summary.Problem);
        Assert.Null(summary.Problem);
        UeDownlinkItem[] dcis = [.. items.Where(i => i.Kind == UeDownlinkItemKind.Dci && i.DciFormat == "1_1" && i.Rnti == 0x4601)];
        UeDownlinkItem[] pdsch = [.. items.Where(i => i.Kind == UeDownlinkItemKind.Pdsch && i.RntiType == DciRntiType.CRnti)];
        Assert.True(pdsch.Length >= 8, $"{pdsch.Length} C-RNTI PDSCH of {sent.Count} sent");
        Assert.Equal(dcis.Length, pdsch.Length);
        Assert.All(pdsch, p =>
        {
            Assert.True(p.CrcPassed, p.Detail);
            Assert.Equal(sent[((long)p.Sfn * cell.SlotsPerFrame) + p.Slot], p.Payload);
        });
    }

    [Theory]
    [InlineData("rnti: 0", "dedicated.rnti")]
    [InlineData("rnti: 0x4601, band: n3", "dedicated.channel-bandwidth-mhz: missing; valid: 5..100")]
    [InlineData("rnti: 0x4601, band: n3, channel-bandwidth-mhz: 20, ssb-period-ms: 15", "dedicated.ssb-period-ms: '15' is not valid; valid: 5 | 10 | 20 | 40 | 80 | 160")]
    [InlineData("rnti: 0x4601, band: n3, channel-bandwidth-mhz: 20, aggregation-level: 3", "dedicated.aggregation-level: '3' is not valid; valid: 1 | 2 | 4 | 8 | 16")]
    [InlineData("rnti: 0x4601, band: n3, channel-bandwidth-mhz: 10", "dedicated.channel-bandwidth-mhz: 10 MHz at 15 kHz is 52 RB, but cell.prb says 106")]
    [InlineData("rnti: 0x4601, band: n3, channel-bandwidth-mhz: 20, harq: 8", "dedicated.harq: unknown key")]
    public void Dedicated_BadKey_NamesItAndItsRange(string keys, string expected)
    {
        string yaml = $"cell: {{ pci: 1, prb: 106, scs-khz: 15, dl-arfcn: 368500 }}\ndedicated: {{ {keys} }}\n";

        var ex = Assert.Throws<ConfigurationException>(() => UeCellDescriptionFile.Read(yaml, "cell.yaml"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
