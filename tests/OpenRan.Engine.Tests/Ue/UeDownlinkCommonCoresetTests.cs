using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Rrc;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Tests.Rrc;
using OpenRan.Engine.Ue.Downlink;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>
/// SIB1's commonControlResourceSet (TS 38.331 PDCCH-ConfigCommon; TS 38.213 §10.1). The n3 example cell transmits a SIB1
/// built from the band-n3 capture's by replacing its PDCCH-ConfigCommon and PDSCH-ConfigCommon (UPER, written by the test):
/// commonControlResourceSet 1 = the cell's CORESET#1 RBs (frequencyDomainResources in 6-RB groups from the initial BWP's
/// CRB 0), ra-SearchSpace and pagingSearchSpace 2 on it (every slot, symbol 0, 2 candidates at AL 4, 1 at AL 8), and a
/// pdsch-TimeDomainAllocationList of two rows (K0 absent = 0, and K0 = 1; both type A, S = 1, L = 13). The test puts
/// DCI 1_0 of C-RNTI 0x4650 on CORESET#1 (first AL-4 candidate, hashing Y = 0, FDRA over CORESET#0's size, PRBs from
/// CORESET#1's lowest RB, TS 38.214 §5.1.2.2) with the PDSCH they schedule; the receiver, which learns all of this from
/// SIB1 alone, must decode each PDSCH byte for byte, including the one scheduled with K0 = 1 in the next slot.
/// </summary>
public sealed class UeDownlinkCommonCoresetTests
{
    private const int Rnti = 0x4650;
    private const int SearchSpaceId = 2;

    [Fact]
    public void Sib1CommonControlResourceSet_RaSearchSpaceOnIt_DecodesCRntiPdschIncludingK0Of1()
    {
        CoresetConfiguration c1 = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml").Coreset1;
        byte[] sib1 = Sib1WithCommonCoreset(c1);
        Sib1 decoded = Sib1Decoder.Decode(sib1);
        Assert.Equal(1, decoded.PdcchConfigCommon!.CommonControlResourceSet!.Id);
        Assert.Equal(new int?[] { null, 1 }, decoded.PdschTimeDomainAllocations!.Select(a => a.K));
        CellSetup cell = CellSetup.Derive(GnbConfigurationReader.Read(TestConfigs.N3With(("hex: \"0b 30 55 ", $"hex: \"{Convert.ToHexString(sib1)}\" # ")), "gnb-sib1-coreset1.yaml"));
        var scheduler = new PhyTestScheduler(cell);
        var sent = new Dictionary<int, byte[]>();
        ComplexF32[] x = UeDownlinkRoundTripTests.Record(cell, scheduler, 30, new Random(41), 1_700.0, (s, plan) =>
        {
            if (s == 13)
            {
                sent[13] = Add(cell, scheduler, plan, firstPrb: 3, k0Row: false, seed: 0x21);
            }
            else if (s == 16)
            {
                sent[17] = Add(cell, scheduler, plan, firstPrb: 20, k0Row: true, seed: 0x63);
            }
            else if (s == 17)
            {
                plan.Reset(plan.Slot);
                AddPdsch(cell, scheduler, plan, 20, 0x63);
            }
        });

        var items = new List<UeDownlinkItem>();
        var configuration = new UeDownlinkConfiguration
        {
            SampleRateHz = cell.SampleRateHz,
            CenterFrequencyHz = cell.DownlinkCenterHz,
            SsbFrequencyHz = cell.Plan.SsbFrequencyHz,
            Rntis = [new UeRnti(Rnti, DciRntiType.CRnti)],
            Cell = new UeCellDescription { DownlinkArfcn = cell.Options.Cell.DlArfcn, CarrierPrbs = cell.NRb },
        };
        UeDownlinkSummary summary = new UeDownlinkReceiver(configuration).Decode(x, items.Add);

        Assert.True(summary.CellFound, summary.Problem);
        Assert.Null(summary.Problem);
        UeDownlinkItem sib1Item = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Sib1 && i.Sfn == 0);
        Assert.Contains("common2 (ra, CORESET#1)", sib1Item.Detail, StringComparison.Ordinal);
        UeDownlinkItem[] dcis = [.. items.Where(i => i.Kind == UeDownlinkItemKind.Dci && i.Rnti == Rnti)];
        Assert.Equal([3, 6], dcis.Select(d => d.Slot));
        Assert.All(dcis, d => Assert.Equal("common2 (ra, CORESET#1)", d.SearchSpace));
        UeDownlinkItem[] pdsch = [.. items.Where(i => i.Kind == UeDownlinkItemKind.Pdsch && i.Rnti == Rnti)];
        Assert.Equal([3, 7], pdsch.Select(p => p.Slot));
        Assert.All(pdsch, p => Assert.True(p.CrcPassed, p.Detail));
        Assert.Equal(sent[13], pdsch[0].Payload);
        Assert.Equal(sent[17], pdsch[1].Payload);
    }

    [Fact]
    public void ToConfiguration_BitmapFromTheBwpStartRoundedUpToSixRbs()
    {
        // Groups 1 and 3 set (MSB = group 0), BWP from CRB 5: group 0 starts at CRB 6 (TS 38.213 §10.1), so the CORESET
        // holds CRBs 12..17 and 24..29; no shiftIndex and no pdcch-DMRS-ScramblingID: N_ID^cell.
        var rrc = new RrcControlResourceSet(2, (1UL << 43) | (1UL << 41), 2, true, 2, 3, null, true, null);

        CoresetConfiguration c = CoresetMonitor.ToConfiguration(rrc, 5, 321);

        Assert.Equal((2, 6, 2, CceRegMapping.Interleaved, 2, 3, 321, PrecoderGranularity.AllContiguousRbs, (int?)null), (c.Id, c.FirstRb, c.Duration, c.Mapping, c.RegBundleSize, c.InterleaverSize, c.ShiftIndex, c.Granularity, c.DmrsScramblingId));
        Assert.Equal([false, true, false, true], c.FrequencyResources);
    }

    [Fact]
    public void Resolve_SearchSpaceOnCommonControlResourceSet_CarriesTheCoreset()
    {
        var coreset = new RrcControlResourceSet(1, 1UL << 44, 1, false, 6, 0, null, false, null);
        var common = new PdcchConfigCommon(null, coreset, 0, [new RrcSearchSpace(3, 1, 2, 1, null, 1 << 12, [0, 0, 2, 1, 0], "common")], 0, null, 3, 3);

        UeSearchSpace? space = UeSearchSpace.Resolve(common, 3, "ra", out string? problem);

        Assert.Null(problem);
        Assert.Same(coreset, space!.Coreset);
        Assert.Equal("common3 (ra, CORESET#1)", space.Name);
        SearchSpaceConfiguration occasion = Assert.Single(space.Occasions);
        Assert.Equal((2, 1, 1), (occasion.PeriodSlots, occasion.OffsetSlots, occasion.FirstSymbol));
    }

    /// <summary>
    /// Replaces the slot's content by a DCI 1_0 of <see cref="Rnti"/> on CORESET#1 in search space 2 (first AL-4 candidate,
    /// Y = 0) whose TDRA row is 0 (K0 = 0: the PDSCH is added in this slot) or 1 (K0 = 1: the caller adds it in the next
    /// slot); returns the transport block.
    /// </summary>
    private static byte[] Add(CellSetup cell, PhyTestScheduler scheduler, DownlinkSlotPlan plan, int firstPrb, bool k0Row, byte seed)
    {
        plan.Reset(plan.Slot);
        int fdraSize = cell.Coreset0Row.RbCount;
        var sizes = new DciSizes0_0And1_0(fdraSize, fdraSize, CommonSearchSpace: true);
        const int level = 4;
        PdcchPdu pdcch = plan.AddPdcch()!;
        pdcch.Coreset = scheduler.Coreset1;
        pdcch.FirstSymbol = 0;
        pdcch.AggregationLevel = level;
        pdcch.FirstCce = PdcchCandidates.FirstCce(0, 0, 2, level, scheduler.Coreset1.CceCount);
        pdcch.Rnti = Rnti;
        pdcch.ScramblingRnti = 0;
        pdcch.PayloadSize = sizes.Size;
        var dci = new Dci1_0 { Identifier = 1, FrequencyDomainAssignment = ResourceIndicatorValue.Compute(firstPrb, Prbs, fdraSize), TimeDomainAssignment = k0Row ? 1 : 0, Mcs = Mcs, NewDataIndicator = 1, HarqProcess = k0Row ? 1 : 0 };
        sizes.Pack(dci, DciRntiType.CRnti, pdcch.Payload.AsSpan(0, pdcch.PayloadSize));
        return k0Row ? Payload(cell, scheduler, firstPrb, seed) : AddPdsch(cell, scheduler, plan, firstPrb, seed);
    }

    private const int Prbs = 5;
    private const int Mcs = 7;

    /// <summary>The PDSCH of the DCI: PRBs from CORESET#1's lowest RB, type A S = 1, L = 13, DM-RS from point A.</summary>
    private static PdschConfiguration Pdsch(CellSetup cell, PhyTestScheduler scheduler, int firstPrb)
    {
        CoresetConfiguration c1 = cell.Coreset1;
        int lowestRb = c1.FirstRb + (6 * Array.IndexOf(c1.FrequencyResources, true));
        return scheduler.DedicatedPdsch(lowestRb + firstPrb, Prbs, 0, McsTables.Lookup(McsTable.Qam64, Mcs), 1) with
        {
            NRnti = Rnti,
            StartSymbol = 1,
            SymbolCount = 13,
            Dmrs = scheduler.CommonPdsch(0, Prbs, 0, Mcs, Rnti).Dmrs,
        };
    }

    private static byte[] Payload(CellSetup cell, PhyTestScheduler scheduler, int firstPrb, byte seed)
    {
        PdschConfiguration config = Pdsch(cell, scheduler, firstPrb);
        var tb = new byte[config.TransportBlockSizeFor(config.BuildLayout()) / 8];
        for (int i = 0; i < tb.Length; i++)
        {
            tb[i] = (byte)(seed + (i * 13));
        }

        return tb;
    }

    private static byte[] AddPdsch(CellSetup cell, PhyTestScheduler scheduler, DownlinkSlotPlan plan, int firstPrb, byte seed)
    {
        PdschConfiguration config = Pdsch(cell, scheduler, firstPrb);
        byte[] bytes = Payload(cell, scheduler, firstPrb, seed);
        PdschPdu pdsch = plan.AddPdsch()!;
        pdsch.Configuration = config;
        pdsch.ReferenceCrb = 0;
        pdsch.Rnti = Rnti;
        pdsch.RntiType = RntiType.CRnti;
        pdsch.NewData = true;
        pdsch.TransportBlockBytes = bytes.Length;
        bytes.CopyTo(pdsch.TransportBlock.AsSpan());
        return bytes;
    }

    /// <summary>
    /// The capture's SIB1 with its PDCCH-ConfigCommon and PDSCH-ConfigCommon replaced: the original's bits are found by
    /// encoding what <see cref="Sib1DecoderTests"/> asserts it holds (exactly one place), and replaced by the test's.
    /// </summary>
    internal static byte[] Sib1WithCommonCoreset(CoresetConfiguration c1)
    {
        byte[] capture = Convert.FromHexString(Sib1DecoderTests.CaptureSib1);
        bool[] bits = [.. Enumerable.Range(0, capture.Length * 8).Select(i => ((capture[i >> 3] >> (7 - (i & 7))) & 1) != 0)];
        var original = new UperBits();
        WriteCaptureConfigs(original);
        bool[] pattern = [.. original.Bits()];
        int[] at = [.. Enumerable.Range(0, bits.Length - original.Count + 1).Where(p => bits.AsSpan(p, original.Count).SequenceEqual(pattern))];
        int start = Assert.Single(at);

        ulong groups = 0;
        for (int g = 0; g < c1.FrequencyResources.Length; g++)
        {
            if (c1.FrequencyResources[g])
            {
                groups |= 1UL << (44 - ((c1.FirstRb / 6) + g));
            }
        }

        var replaced = new UperBits();
        replaced.Bit(false);                             // PDCCH-ConfigCommon: no extension
        replaced.Bits(0b0101_1011, 8);                   // commonControlResourceSet, commonSearchSpaceList, searchSpaceSIB1, paging, ra
        replaced.Bit(false);                             // ControlResourceSet: no extension
        replaced.Bits(0, 4);                             // no TCI lists, tci-PresentInDCI, pdcch-DMRS-ScramblingID
        replaced.Integer(1, 0, 11);                      // controlResourceSetId 1
        replaced.Bits(groups, 45);                       // frequencyDomainResources
        replaced.Integer(c1.Duration, 1, 3);             // duration
        replaced.Integer(1, 0, 1);                       // cce-REG-MappingType: nonInterleaved
        replaced.Integer(0, 0, 1);                       // precoderGranularity: sameAsREG-bundle
        replaced.Integer(1, 1, 4);                       // commonSearchSpaceList: one entry
        replaced.Bits(0b11_0111, 6);                     // SearchSpace: CORESET, periodicity, symbols, candidates, type
        replaced.Integer(SearchSpaceId, 0, 39);
        replaced.Integer(1, 0, 11);                      // controlResourceSetId 1
        replaced.Integer(0, 0, 14);                      // sl1
        replaced.Bits(1 << 13, 14);                      // symbol 0
        foreach (int index in new[] { 0, 0, 2, 1, 0 })   // nrofCandidates: AL4 n2, AL8 n1
        {
            replaced.Integer(index, 0, 7);
        }

        replaced.Integer(0, 0, 1);                       // searchSpaceType: common
        replaced.Bits(0b10000, 5);                       // dci-Format0-0-AndFormat1-0
        replaced.Bit(false);
        replaced.Integer(0, 0, 39);                      // searchSpaceSIB1 0
        replaced.Integer(SearchSpaceId, 0, 39);          // pagingSearchSpace
        replaced.Integer(SearchSpaceId, 0, 39);          // ra-SearchSpace
        replaced.Integer(1, 0, 1);                       // pdsch-ConfigCommon: setup
        replaced.Bit(false);                             // PDSCH-ConfigCommon: no extension
        replaced.Bit(true);                              // pdsch-TimeDomainAllocationList present
        replaced.Integer(2, 1, 16);
        replaced.Bit(false);                             // row 0: k0 absent (0)
        replaced.Integer(0, 0, 1);                       // typeA
        replaced.Integer(40, 0, 127);                    // SLIV 40: S = 1, L = 13
        replaced.Bit(true);                              // row 1: k0 = 1
        replaced.Integer(1, 0, 32);
        replaced.Integer(0, 0, 1);
        replaced.Integer(40, 0, 127);

        bool[] result = [.. bits[..start], .. replaced.Bits(), .. bits[(start + original.Count)..]];
        var bytes = new byte[(result.Length + 7) / 8];
        for (int i = 0; i < result.Length; i++)
        {
            bytes[i >> 3] |= (byte)(result[i] ? 0x80 >> (i & 7) : 0);
        }

        return bytes;
    }

    /// <summary>The capture's PDCCH-ConfigCommon and PDSCH-ConfigCommon as <see cref="Sib1DecoderTests"/> decodes them.</summary>
    private static void WriteCaptureConfigs(UperBits w)
    {
        w.Bit(false);
        w.Bits(0b0001_1111, 8);                          // commonSearchSpaceList, searchSpaceSIB1, otherSI, paging, ra
        w.Integer(1, 1, 4);
        w.Bits(0b11_0111, 6);
        w.Integer(1, 0, 39);
        w.Integer(0, 0, 11);
        w.Integer(0, 0, 14);
        w.Bits(1 << 13, 14);
        foreach (int index in new[] { 0, 0, 1, 0, 0 })
        {
            w.Integer(index, 0, 7);
        }

        w.Integer(0, 0, 1);
        w.Bits(0b10000, 5);
        w.Bit(false);
        w.Integer(0, 0, 39);
        w.Integer(1, 0, 39);
        w.Integer(1, 0, 39);
        w.Integer(1, 0, 39);
        w.Integer(1, 0, 1);
        w.Bit(false);
        w.Bit(true);
        w.Integer(1, 1, 16);
        w.Bit(false);
        w.Integer(0, 0, 1);
        w.Integer(40, 0, 127);
    }

    /// <summary>A test-only writer of unaligned PER bits (the reader's mirror).</summary>
    private sealed class UperBits
    {
        private readonly List<bool> _bits = [];

        public int Count => _bits.Count;

        public IReadOnlyList<bool> Bits() => _bits;

        public void Bit(bool value) => _bits.Add(value);

        public void Bits(ulong value, int count)
        {
            for (int i = count - 1; i >= 0; i--)
            {
                _bits.Add(((value >> i) & 1) != 0);
            }
        }

        public void Integer(long value, long minimum, long maximum) => Bits((ulong)(value - minimum), UperReader.WidthOf(maximum - minimum + 1));
    }
}
