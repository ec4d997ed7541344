using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Ue.Downlink;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>
/// HARQ soft combining in the UE downlink receiver, through the engine's own HARQ: the test UE's first PDSCH (256QAM
/// MCS 27, RV 0) is drowned at 17 dB SNR on its data symbols (after the PDCCH and the first DM-RS), so it cannot
/// decode; the test reports a NACK for its HARQ process, and the engine retransmits the transport block with the same
/// NDI and RV 2 sixteen slots later. RV 2 alone holds no systematic bits at this code rate, so the retransmission decodes
/// only when combined with the first transmission's soft bits: it must be reported with CRC ok, RV 2, "combined",
/// and the bytes the engine sent; the failed first transmission with CRC false and no payload.
/// </summary>
public sealed class UeDownlinkHarqTests
{
    [Fact]
    public void Retransmission_NackedProcess_DecodesAfterCombiningWithRv2()
    {
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        var scheduler = new PhyTestScheduler(cell);
        int rnti = cell.Options.TestUe.Rnti;
        long firstSlot = -1;
        int process = -1;
        byte[] sent = [];
        var retransmissions = new List<(long Slot, int Rv)>();
        ComplexF32[] x = UeDownlinkRoundTripTests.Record(cell, scheduler, 30 * cell.Numerology.SlotsPerSubframe, new Random(17), 900.0, (s, plan) =>
        {
            for (int i = 0; i < plan.PdschCount; i++)
            {
                PdschPdu p = plan.Pdsch[i];
                if (p.RntiType != RntiType.CRnti)
                {
                    continue;
                }

                if (firstSlot < 0 && s >= 3 && p.RedundancyVersion == 0)
                {
                    firstSlot = s;
                    process = p.HarqProcess;
                    sent = p.Bytes.ToArray();
                    scheduler.OnHarqAck(process, false);
                }
                else if (firstSlot >= 0 && p.HarqProcess == process && !p.NewData)
                {
                    retransmissions.Add((s, p.RedundancyVersion));
                    Assert.Equal(sent, p.Bytes.ToArray());
                }
            }
        }, snrDb: 40, onSamples: (s, samples) =>
        {
            if (s == firstSlot)
            {
                Drown(samples, cell.Timing.MaxSlotSampleCount / 14 * 4, 17, new Random(5));
            }
        });
        (long retransmissionSlot, int rv) = Assert.Single(retransmissions);
        Assert.Equal(2, rv);

        var items = new List<UeDownlinkItem>();
        var configuration = new UeDownlinkConfiguration
        {
            SampleRateHz = cell.SampleRateHz,
            CenterFrequencyHz = cell.DownlinkCenterHz,
            SsbFrequencyHz = cell.Plan.SsbFrequencyHz,
            Dedicated = UeDedicatedDownlink.FromGnbConfiguration(TestConfigs.Load("gnb-n3-20mhz-fdd.yaml")),
        };
        UeDownlinkSummary summary = new UeDownlinkReceiver(configuration).Decode(x, items.Add);

        Assert.True(summary.CellFound, summary.Problem);
        UeDownlinkItem[] pdsch = [.. items.Where(i => i.Kind == UeDownlinkItemKind.Pdsch && i.Rnti == rnti && i.HarqProcess == process)];
        UeDownlinkItem first = Assert.Single(pdsch, p => At(cell, p) == firstSlot);
        Assert.False(first.CrcPassed);
        Assert.Null(first.Payload);
        Assert.Equal((0, false), (first.RedundancyVersion, first.Combined));
        UeDownlinkItem second = Assert.Single(pdsch, p => At(cell, p) == retransmissionSlot);
        Assert.True(second.CrcPassed, second.Detail);
        Assert.Equal((2, true), (second.RedundancyVersion, second.Combined));
        Assert.Contains("combined", second.Detail, StringComparison.Ordinal);
        Assert.Equal(sent, second.Payload);
        Assert.All(items.Where(i => i.Kind == UeDownlinkItemKind.Pdsch && i.Rnti == rnti && At(cell, i) != firstSlot), p => Assert.True(p.CrcPassed, p.Detail));

        // Without the first transmission (its slot silenced, so its DCI is not seen) RV 2 is decoded on its own and fails.
        x.AsSpan((int)first.SampleIndex, cell.Timing.MaxSlotSampleCount).Clear();
        items.Clear();
        _ = new UeDownlinkReceiver(configuration).Decode(x, items.Add);
        UeDownlinkItem alone = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Pdsch && i.Rnti == rnti && At(cell, i) == retransmissionSlot);
        Assert.Equal((2, false, false), (alone.RedundancyVersion, alone.Combined, alone.CrcPassed));
        Assert.Null(alone.Payload);
    }

    private static long At(CellSetup cell, UeDownlinkItem item) => ((long)item.Sfn * cell.SlotsPerFrame) + item.Slot;

    /// <summary>Adds noise <paramref name="snrDb"/> below the signal power to the samples from <paramref name="from"/> on.</summary>
    private static void Drown(Span<ComplexF32> samples, int from, double snrDb, Random random)
    {
        Span<ComplexF32> data = samples[from..];
        float power = ComplexKernels.SumOfMagnitudesSquared(data) / data.Length;
        float sigma = MathF.Sqrt(power * MathF.Pow(10f, (float)(-snrDb / 10)) / 2);
        for (int n = 0; n < data.Length; n++)
        {
            double u = 1 - random.NextDouble();
            double v = random.NextDouble();
            double r = Math.Sqrt(-2 * Math.Log(u));
            data[n] += new ComplexF32(sigma * (float)(r * Math.Cos(2 * Math.PI * v)), sigma * (float)(r * Math.Sin(2 * Math.PI * v)));
        }
    }
}
