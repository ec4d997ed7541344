using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Processing;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Timing;
using OpenRan.Engine.Ue.Downlink;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Radio.SigMf;
using OpenRan.Radio.Streaming;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>
/// Round trip through the engine's own downlink path: the phy-test scheduler and <see cref="DownlinkSlotProcessor"/>
/// generate 25 ms of the n3 example cell (SS/PBCH block every 10 ms, SIB1 every 20 ms, the test UE's PDSCH); a random
/// timing offset (noise before the first slot), a random carrier frequency offset of more than one subcarrier and AWGN
/// are applied; the recording is written as SigMF and read back, and the UE downlink receiver must find the PCI, every
/// MIB with consecutive SFNs, and SIB1 byte for byte as the scheduler sent it, and report no DCI for an RNTI that was
/// only sent in DCI formats it does not search (1_1 on CORESET 1).
/// </summary>
public sealed class UeDownlinkRoundTripTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("openran-ue-dl-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(1, 21_700.0)]
    [InlineData(2, -9_100.0)]
    public void EngineDownlink_WithCfoAndTimingOffset_DecodesMibAndSib1(int seed, double cfoHz)
    {
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        var scheduler = new PhyTestScheduler(cell);
        var processor = new DownlinkSlotProcessor(cell, scheduler.MaxTransportBlockBytes);
        var plan = new DownlinkSlotPlan(4, 2, scheduler.MaxTransportBlockBytes);
        var block = new SampleBlock<ComplexF32>(1, cell.Timing.MaxSlotSampleCount);
        var random = new Random(seed);
        int timingOffset = random.Next(1000, 20_000);
        int slots = 25 * cell.Numerology.SlotsPerSubframe;
        var samples = new List<ComplexF32>(timingOffset + (slots * cell.Timing.MaxSlotSampleCount));
        samples.AddRange(new ComplexF32[timingOffset]);
        var sib1Sent = new List<byte[]>();
        for (long s = 0; s < slots; s++)
        {
            plan.Reset(SlotPoint.FromIndex(s, cell.SlotsPerFrame, 0));
            scheduler.ScheduleDownlink(plan.Slot, plan, new NoUplink());
            for (int i = 0; i < plan.PdschCount; i++)
            {
                if (plan.Pdsch[i].RntiType == RntiType.SiRnti)
                {
                    sib1Sent.Add(plan.Pdsch[i].Bytes.ToArray());
                }
            }

            processor.Process(plan, block);
            samples.AddRange(block[0].ToArray());
        }

        ComplexF32[] x = [.. samples];
        float power = ComplexKernels.SumOfMagnitudesSquared(x.AsSpan(timingOffset)) / (x.Length - timingOffset);
        float sigma = MathF.Sqrt(power * MathF.Pow(10f, -2.5f) / 2);
        for (int n = 0; n < x.Length; n++)
        {
            double phase = 2 * Math.PI * cfoHz * n / cell.SampleRateHz;
            var rotation = new ComplexF32((float)Math.Cos(phase), (float)Math.Sin(phase));
            x[n] = (x[n] * rotation) + new ComplexF32(sigma * Gaussian(random), sigma * Gaussian(random));
        }

        string basePath = Path.Combine(_directory, "cell");
        var metadata = new SigMfMetadata { SampleRateHz = cell.SampleRateHz, Captures = [new SigMfCapture(0, cell.DownlinkCenterHz)] };
        using (SigMfWriter writer = SigMfWriter.Create(basePath, metadata))
        {
            writer.Write(x);
        }

        ComplexF32[] read;
        double centreHz;
        double rateHz;
        using (SigMfReader reader = SigMfReader.Open(basePath))
        {
            read = new ComplexF32[reader.SampleCount];
            Assert.Equal(x.Length, reader.Read(read));
            centreHz = reader.Metadata.Captures[0].FrequencyHz!.Value;
            rateHz = reader.Metadata.SampleRateHz;
        }

        var items = new List<UeDownlinkItem>();
        var configuration = new UeDownlinkConfiguration
        {
            SampleRateHz = rateHz,
            CenterFrequencyHz = centreHz,
            SsbFrequencyHz = cell.Plan.SsbFrequencyHz,
            Rntis = [new UeRnti(cell.Options.TestUe.Rnti, DciRntiType.CRnti)],
        };
        UeDownlinkSummary summary = new UeDownlinkReceiver(configuration).Decode(read, items.Add);

        Assert.True(summary.CellFound, summary.Problem);
        Assert.Equal(cell.Pci, summary.Pci);
        UeDownlinkItem[] mibs = [.. items.Where(i => i.Kind == UeDownlinkItemKind.Mib)];
        Assert.True(mibs.Length >= 2, $"{mibs.Length} MIB(s)");
        Assert.All(mibs.Zip(mibs.Skip(1)), p => Assert.Equal((p.First.Sfn + 1) % 1024, p.Second.Sfn));
        Assert.All(mibs, m => Assert.InRange(m.FrequencyOffsetHz, cfoHz - 300, cfoHz + 300));
        UeDownlinkItem[] sib1 = [.. items.Where(i => i.Kind == UeDownlinkItemKind.Pdsch && i.RntiType == DciRntiType.SiRnti)];
        Assert.NotEmpty(sib1);
        Assert.All(sib1, p => Assert.True(p.CrcPassed, p.Detail));
        Assert.All(sib1, p => Assert.Equal(sib1Sent[0], p.Payload));
        Assert.DoesNotContain(items, i => i.Rnti == cell.Options.TestUe.Rnti);
    }

    private static float Gaussian(Random random) => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    private sealed class NoUplink : IUplinkPlanner
    {
        private readonly UplinkSlotPlan _plan = new(2, 2);

        public UplinkSlotPlan PlanFor(long slotIndex)
        {
            _plan.Reset(SlotPoint.FromIndex(slotIndex, 10, 0));
            return _plan;
        }
    }
}
