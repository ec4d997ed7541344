using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Ue.Downlink;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>
/// <c>--coreset</c>: a CORESET other than CORESET#0 described by the user. The engine's n3 cell carries, on its CORESET#1
/// (put there by the test), a DCI 1_0 of C-RNTI 0x4650 in a common search space (first AL-4 candidate, hashing Y = 0;
/// FDRA over CORESET#0's size, PRBs from CORESET#1's lowest RB) and one in the UE-specific search space (hashing with
/// the RNTI; FDRA over the carrier, PRBs from CRB 0), each with its PDSCH; the receiver given CORESET#1's description
/// and the matching <c>--search-space</c> must decode each byte for byte, and find nothing with the wrong one.
/// </summary>
public sealed class UeDownlinkCoresetTests
{
    private const int Rnti = 0x4650;

    [Fact]
    public void DescribedCoreset_CommonAndUeSpecificSearchSpace_DecodeTheirDci1_0AndPdsch()
    {
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        var scheduler = new PhyTestScheduler(cell);
        CoresetConfiguration c1 = cell.Coreset1;
        int firstGroup = Array.IndexOf(c1.FrequencyResources, true);
        var description = new UeCoresetDescription
        {
            RbStart = c1.FirstRb + (6 * firstGroup),
            RbCount = 6 * c1.FrequencyResources.Count(b => b),
            Duration = c1.Duration,
        };
        var coreset = new Coreset(description.ToConfiguration(cell.Pci));
        byte[] common = [];
        byte[] ue = [];
        ComplexF32[] x = UeDownlinkRoundTripTests.Record(cell, scheduler, 8 * cell.Numerology.SlotsPerSubframe, new Random(21), 3_300.0, (s, plan) =>
        {
            if (s == 3)
            {
                common = Add(cell, scheduler, plan, coreset, description, commonSpace: true, firstPrb: 2, seed: 0x31);
            }
            else if (s == 6)
            {
                ue = Add(cell, scheduler, plan, coreset, description, commonSpace: false, firstPrb: 40, seed: 0x77);
            }
        });

        foreach ((string space, int slot, byte[] sent) in new[] { ("common3", 3, common), ("ue", 6, ue) })
        {
            var items = new List<UeDownlinkItem>();
            var configuration = new UeDownlinkConfiguration
            {
                SampleRateHz = cell.SampleRateHz,
                CenterFrequencyHz = cell.DownlinkCenterHz,
                SsbFrequencyHz = cell.Plan.SsbFrequencyHz,
                Rntis = [new UeRnti(Rnti, DciRntiType.CRnti)],
                Cell = new UeCellDescription { DownlinkArfcn = cell.Options.Cell.DlArfcn, CarrierPrbs = cell.NRb },
                Coreset = description,
                CoresetSearchSpace = space,
            };
            UeDownlinkSummary summary = new UeDownlinkReceiver(configuration).Decode(x, items.Add);

            Assert.True(summary.CellFound, summary.Problem);
            Assert.Null(summary.Problem);
            UeDownlinkItem dci = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Dci && i.Rnti == Rnti);
            Assert.Equal((slot, $"{space} (--coreset)"), (dci.Slot, dci.SearchSpace));
            UeDownlinkItem pdsch = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Pdsch && i.Rnti == Rnti);
            Assert.True(pdsch.CrcPassed, pdsch.Detail);
            Assert.Equal(sent, pdsch.Payload);
        }
    }

    [Theory]
    [InlineData("rb-count=7", "--coreset rb-count: 7 is not valid; valid: a multiple of 6, 6..270")]
    [InlineData("rb-count=12,duration=4", "--coreset duration: 4 is not valid; valid: 1..3")]
    [InlineData("rb-count=12,reg-bundle=2", "--coreset reg-bundle: 2 is not valid without interleaving; valid: 6")]
    [InlineData("rb-count=12,interleaved=true,reg-bundle=3", "--coreset reg-bundle: 3 is not valid for duration 1; valid: 2 | 6")]
    [InlineData("rb-count=12,interleaved=true,reg-bundle=6,interleaver-size=4", "--coreset interleaver-size: 4 is not valid; valid: 2 | 3 | 6")]
    [InlineData("rb-count=12,interleaved=true,reg-bundle=6,interleaver-size=2,shift=275", "--coreset shift: 275 is not valid; valid: 0..274")]
    [InlineData("rb-start=300,rb-count=12", "--coreset rb-start: 300 is not valid; valid: 0..274")]
    [InlineData("rb-count=18,interleaved=true,reg-bundle=6,interleaver-size=6", "--coreset interleaver-size: rb-count 18 × duration 1 = 18 REGs is not a multiple of reg-bundle × interleaver-size = 36")]
    [InlineData("rb-start=0", "--coreset rb-count: missing")]
    [InlineData("bandwidth=12", "--coreset: 'bandwidth=12' is not key=value with a key of rb-start")]
    public void Parse_InvalidKey_NamesTheKeyAndItsRange(string text, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => UeCoresetDescription.Parse(text));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AllKeys_RoundTripsThroughToString()
    {
        UeCoresetDescription d = UeCoresetDescription.Parse("rb-start=12, rb-count=48, duration=2, interleaved=true, reg-bundle=6, interleaver-size=2, shift=7");
        Assert.Equal((12, 48, 2, true, 6, 2, (int?)7), (d.RbStart, d.RbCount, d.Duration, d.Interleaved, d.RegBundleSize, d.InterleaverSize, d.Shift));
        Assert.Equal(d, UeCoresetDescription.Parse(d.ToString()));
        CoresetConfiguration c = d.ToConfiguration(500);
        c.Validate();
        Assert.Equal((12, 8, CceRegMapping.Interleaved, 7), (c.FirstRb, c.FrequencyResources.Length, c.Mapping, c.ShiftIndex));
    }

    /// <summary>Replaces the slot's content by a DCI 1_0 of <see cref="Rnti"/> on <paramref name="coreset"/> and a 5-PRB PDSCH; returns its transport block.</summary>
    private static byte[] Add(CellSetup cell, PhyTestScheduler scheduler, DownlinkSlotPlan plan, Coreset coreset, UeCoresetDescription description, bool commonSpace, int firstPrb, byte seed)
    {
        plan.Reset(plan.Slot);
        int fdraSize = commonSpace ? cell.Coreset0Row.RbCount : cell.NRb;
        var sizes = new DciSizes0_0And1_0(fdraSize, fdraSize, CommonSearchSpace: commonSpace);
        const int level = 4;
        int slot = plan.Slot.Slot;
        int y = PdcchCandidates.HashingY(commonSpace, 1, Rnti, slot);
        PdcchPdu pdcch = plan.AddPdcch()!;
        pdcch.Coreset = coreset;
        pdcch.FirstSymbol = 0;
        pdcch.AggregationLevel = level;
        pdcch.FirstCce = PdcchCandidates.FirstCce(y, 0, commonSpace ? 4 : 2, level, coreset.CceCount);
        pdcch.Rnti = Rnti;
        pdcch.ScramblingRnti = 0;
        pdcch.PayloadSize = sizes.Size;
        const int prbs = 5;
        const int mcs = 7;
        var dci = new Dci1_0 { Identifier = 1, FrequencyDomainAssignment = ResourceIndicatorValue.Compute(firstPrb, prbs, fdraSize), Mcs = mcs, NewDataIndicator = 1 };
        sizes.Pack(dci, DciRntiType.CRnti, pdcch.Payload.AsSpan(0, pdcch.PayloadSize));

        int crb = (commonSpace ? description.RbStart : 0) + firstPrb;
        PdschConfiguration config = scheduler.DedicatedPdsch(crb, prbs, 0, McsTables.Lookup(McsTable.Qam64, mcs), 1) with
        {
            NRnti = Rnti,
            Dmrs = scheduler.CommonPdsch(0, prbs, 0, mcs, Rnti).Dmrs,
        };
        PdschPdu pdsch = plan.AddPdsch()!;
        pdsch.Configuration = config;
        pdsch.ReferenceCrb = 0;
        pdsch.Rnti = Rnti;
        pdsch.RntiType = RntiType.CRnti;
        pdsch.NewData = true;
        pdsch.TransportBlockBytes = config.TransportBlockSizeFor(config.BuildLayout()) / 8;
        Span<byte> tb = pdsch.TransportBlock.AsSpan(0, pdsch.TransportBlockBytes);
        for (int i = 0; i < tb.Length; i++)
        {
            tb[i] = (byte)(seed + (i * 13));
        }

        return tb.ToArray();
    }
}
