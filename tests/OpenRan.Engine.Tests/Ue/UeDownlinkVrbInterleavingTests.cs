using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Ue.Downlink;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdsch;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>
/// Interleaved VRB-to-PRB mapping (TS 38.211 §7.3.1.6) worked by hand from the spec's equations, and a DCI 1_0 of the
/// P-RNTI with the VRB-to-PRB bit set and TB scaling S = 0.5 (TS 38.214 Table 5.1.3.2-2) through the engine's own
/// transmitter: its PDSCH on the interleaved PRBs with the scaled transport block must decode byte for byte.
/// </summary>
public sealed class UeDownlinkVrbInterleavingTests
{
    private const int PRnti = 0xFFFE;

    /// <summary>
    /// 24 RBs from CRB 0, L = 2: N_bundle = 12 bundles of 2, R = 2, C = ⌊12/2⌋ = 6, f(j) = (j mod 2)·6 + ⌊j/2⌋:
    /// bundles 0..11 → 0, 6, 1, 7, 2, 8, 3, 9, 4, 10, 5, 11; VRBs 2j, 2j + 1 → PRBs 2f(j), 2f(j) + 1.
    /// </summary>
    [Fact]
    public void Prb_24RbsFromCrb0_InterleavesBundlesOfTwo()
    {
        int[] expected = [0, 1, 12, 13, 2, 3, 14, 15, 4, 5, 16, 17, 6, 7, 18, 19, 8, 9, 20, 21, 10, 11, 22, 23];

        Assert.Equal(expected, Enumerable.Range(0, 24).Select(v => VrbToPrbInterleaving.Prb(v, 24)));
    }

    /// <summary>
    /// 10 RBs from CRB 1, L = 2: bundle 0 = L − (1 mod 2) = 1 RB {0}, bundles 1..4 of 2 ({1,2}, {3,4}, {5,6}, {7,8}), the last
    /// (1 + 10) mod 2 = 1 RB {9}; N_bundle = ⌈(10 + 1)/2⌉ = 6, C = 3; j = 0..4 → f = 0, 3, 1, 4, 2 and bundle 5 → 5.
    /// </summary>
    [Fact]
    public void Prb_MisalignedStart_FirstAndLastBundlesShorterAndLastNotInterleaved()
    {
        int[] expected = [0, 5, 6, 1, 2, 7, 8, 3, 4, 9];

        Assert.Equal(expected, Enumerable.Range(0, 10).Select(v => VrbToPrbInterleaving.Prb(v, 10, startCrb: 1)));
    }

    /// <summary>
    /// 48 RBs from CRB 29 (a paging DCI 1_0 on the n3 example's CORESET#0): bundle 0 = {0} (L − 29 mod 2 = 1 RB), bundles
    /// 1..23 = {2b − 1, 2b}, bundle 24 = {47} ((29 + 48) mod 2 = 1 RB); N_bundle = ⌈49/2⌉ = 25, C = ⌊25/2⌋ = 12, f(j) =
    /// (j mod 2)·12 + ⌊j/2⌋ for j ≤ 23: VRB 0 → bundle 0 → PRB 0; VRBs 1, 2 → bundle 1 → f = 12 → PRBs 23, 24; VRBs 3, 4 →
    /// bundle 2 → f = 1 → PRBs 1, 2; VRB 47 → bundle 24 → 24 → PRB 47.
    /// </summary>
    [Fact]
    public void Prb_48RbsFromCrb29_FirstBundleOfOne()
    {
        Assert.Equal([0, 23, 24, 1, 2], Enumerable.Range(0, 5).Select(v => VrbToPrbInterleaving.Prb(v, 48, startCrb: 29)));
        Assert.Equal(47, VrbToPrbInterleaving.Prb(47, 48, startCrb: 29));
    }

    [Fact]
    public void PagingDci_InterleavedAndTbScalingHalf_DecodesThePdschByteForByte()
    {
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        var scheduler = new PhyTestScheduler(cell);
        int rbs = cell.Coreset0Row.RbCount;

        // CORESET#0 of 48 RBs from CRB 28 (even: bundles of 2 from its first RB), N_bundle = 24, C = 12: VRBs 0..3 =
        // bundles 0, 1 → PRB bundles f(0) = 0, f(1) = 12 → PRBs 0, 1, 24, 25.
        Assert.Equal((48, 28), (rbs, cell.Coreset0.FirstRb));
        int[] prbs = [0, 1, 24, 25];
        byte[] sent = [];
        int unscaledTbs = 0;
        ComplexF32[] x = UeDownlinkRoundTripTests.Record(cell, scheduler, 6 * cell.Numerology.SlotsPerSubframe, new Random(8), -4_100.0, (s, plan) =>
        {
            if (s == 5)
            {
                // VRBs 0..5 = bundles 0, 1, 2 → PRBs 0, 1, 24, 25, 2, 3: not in frequency order, reported as not decoded.
                UeDownlinkRoundTripTests.AddCommonDownlink(cell, scheduler, plan, PRnti, DciRntiType.PRnti, new Dci1_0 { ShortMessagesIndicator = 1, FrequencyDomainAssignment = ResourceIndicatorValue.Compute(0, 6, rbs), VrbToPrbMapping = 1, Mcs = 4 }, null);
            }

            if (s != 3)
            {
                return;
            }

            var dci = new Dci1_0 { ShortMessagesIndicator = 1, FrequencyDomainAssignment = ResourceIndicatorValue.Compute(0, 4, rbs), VrbToPrbMapping = 1, Mcs = 4, TbScaling = 1 };
            UeDownlinkRoundTripTests.AddCommonDownlink(cell, scheduler, plan, PRnti, DciRntiType.PRnti, dci, null);
            PdschConfiguration contiguous = scheduler.CommonPdsch(0, 4, 0, dci.Mcs, PRnti);
            unscaledTbs = contiguous.TransportBlockSizeFor(contiguous.BuildLayout());
            PdschConfiguration config = contiguous with { PrbSet = prbs, TransportBlockScaling = 0.5 }; // PRBs of the BWP = CORESET#0
            PdschPdu pdsch = plan.AddPdsch()!;
            pdsch.Configuration = config;
            pdsch.ReferenceCrb = 0;
            pdsch.Rnti = PRnti;
            pdsch.RntiType = RntiType.PRnti;
            pdsch.NewData = true;
            pdsch.TransportBlockBytes = config.TransportBlockSizeFor(config.BuildLayout()) / 8;
            Span<byte> tb = pdsch.TransportBlock.AsSpan(0, pdsch.TransportBlockBytes);
            for (int i = 0; i < tb.Length; i++)
            {
                tb[i] = (byte)(0x3c + (i * 5));
            }

            sent = tb.ToArray();
        });

        var items = new List<UeDownlinkItem>();
        var configuration = new UeDownlinkConfiguration
        {
            SampleRateHz = cell.SampleRateHz,
            CenterFrequencyHz = cell.DownlinkCenterHz,
            SsbFrequencyHz = cell.Plan.SsbFrequencyHz,
            Rntis = [new UeRnti(PRnti, DciRntiType.PRnti)],
            Cell = new UeCellDescription { DownlinkArfcn = cell.Options.Cell.DlArfcn, CarrierPrbs = cell.NRb },
        };
        UeDownlinkSummary summary = new UeDownlinkReceiver(configuration).Decode(x, items.Add);

        Assert.True(summary.CellFound, summary.Problem);
        UeDownlinkItem unordered = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Pdsch && i.Rnti == PRnti && i.Slot == 5);
        Assert.Equal((false, (byte[]?)null), (unordered.CrcPassed, unordered.Payload));
        Assert.Contains("PRBs 0,1,24,25,2,3 out of frequency order", unordered.Detail, StringComparison.Ordinal);
        UeDownlinkItem pdschItem = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Pdsch && i.Rnti == PRnti && i.Slot == 3);
        Assert.True(pdschItem.CrcPassed, pdschItem.Detail);
        Assert.Equal(sent, pdschItem.Payload);
        Assert.Equal((rbs, 0.5), (pdschItem.Allocation!.InterleavedOverRbs, pdschItem.Allocation.TbScaling));
        Assert.InRange(pdschItem.TransportBlockSize, 1, (unscaledTbs / 2) + 8);
    }
}
