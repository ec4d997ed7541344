using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Emulation;
using OpenRan.Engine.Processing;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Timing;
using OpenRan.Engine.Ue.Downlink;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Prach;
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
        var random = new Random(seed);
        var sib1Sent = new List<byte[]>();
        ComplexF32[] x = Record(cell, scheduler, 25 * cell.Numerology.SlotsPerSubframe, random, cfoHz, (_, plan) =>
        {
            for (int i = 0; i < plan.PdschCount; i++)
            {
                if (plan.Pdsch[i].RntiType == RntiType.SiRnti)
                {
                    sib1Sent.Add(plan.Pdsch[i].Bytes.ToArray());
                }
            }
        });

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

    /// <summary>
    /// Random access through the engine's own downlink: a PRACH detection is reported to the phy-test scheduler, which
    /// answers with a RAR (DCI 1_0 with the occasion's RA-RNTI on CORESET#0, one MAC RAR). The cell is the n3 example,
    /// whose CORESET#0 does not start at CRB 0, so the RAR PDSCH's DM-RS reference point matters: TS 38.211 §7.4.1.1.2
    /// puts it at point A for every PDSCH not scheduled by SI-RNTI in the Type0 CSS, and the independent receiver does
    /// so. The receiver, given the RA-RNTI and the carrier (point A; the engine's SIB1 is a placeholder, not RRC), must
    /// report the RAR PDSCH byte for byte and its MAC RAR fields as the engine wrote them, then follow the TC-RNTI: a
    /// Msg4 put in a later slot by the test (the engine sends none) is found and decoded byte for byte.
    /// </summary>
    [Fact]
    public void EngineRandomAccessResponse_RaRntiGiven_ReportsTheRarFieldsTheEngineSent()
    {
        const int preamble = 17;
        const int timingAdvance = 11;
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        Assert.True(cell.Coreset0.FirstRb > 0, $"CORESET#0 starts at CRB {cell.Coreset0.FirstRb}; the test needs it above CRB 0 (DM-RS reference point A ≠ CORESET#0)");
        var scheduler = new PhyTestScheduler(cell);
        CellPrach prach = scheduler.Prach!;
        SlotPoint occasionSlot = SlotPoint.FromIndex(1, cell.SlotsPerFrame, 0);
        Assert.True(prach.HasOccasion(occasionSlot), "the n3 example's PRACH configuration 16 has an occasion in subframe 1");
        PrachOccasion occasion = prach.Occasions(occasionSlot)[0];
        int raRnti = prach.RaRnti(occasion, 0);
        var detections = new UplinkSlotResults(1, 16);
        detections.Reset(occasionSlot);
        detections.AddPrach(new PrachDetectionResult(preamble, 0, timingAdvance, 20, new PrachOccasionPdu(occasion, 0, prach.OffsetInSlot(occasionSlot, 0), raRnti)));

        var sent = new List<(long Slot, byte[] Bytes)>();
        var random = new Random(5);
        byte[] msg4 = [];
        long msg4Slot = -1;
        ComplexF32[] x = Record(cell, scheduler, 12 * cell.Numerology.SlotsPerSubframe, random, 7_300.0, (s, plan) =>
        {
            if (s == 3)
            {
                scheduler.OnUplinkResults(detections);
            }

            if (sent.Count == 1 && msg4Slot < 0 && s >= sent[0].Slot + 3 && plan.Slot.Slot is not (0 or 1 or 2))
            {
                // The engine sends no Msg4: this slot carries one in its place (only it), DCI 1_0 with the RAR's TC-RNTI.
                Assert.True(MacPdu.TryReadRandomAccessResponse(sent[0].Bytes, out _, out _, out _, out int temporary));
                msg4Slot = s;
                msg4 = AddMsg4(cell, scheduler, plan, temporary);
            }

            for (int i = 0; i < plan.PdschCount; i++)
            {
                if (plan.Pdsch[i].RntiType == RntiType.RaRnti)
                {
                    Assert.Equal(raRnti, plan.Pdsch[i].Rnti);
                    sent.Add((s, plan.Pdsch[i].Bytes.ToArray()));
                }
            }
        });
        (long rarSlot, byte[] rarBytes) = Assert.Single(sent);
        Assert.True(MacPdu.TryReadRandomAccessResponse(rarBytes, out int rapid, out int ta, out int grantBits, out int tc));

        var items = new List<UeDownlinkItem>();
        var configuration = new UeDownlinkConfiguration
        {
            SampleRateHz = cell.SampleRateHz,
            CenterFrequencyHz = cell.DownlinkCenterHz,
            SsbFrequencyHz = cell.Plan.SsbFrequencyHz,
            Rntis = [new UeRnti(raRnti, DciRntiType.RaRnti)],
            Cell = new UeCellDescription { DownlinkArfcn = cell.Options.Cell.DlArfcn, CarrierPrbs = cell.NRb },
        };
        UeDownlinkSummary summary = new UeDownlinkReceiver(configuration).Decode(x, items.Add);

        Assert.True(summary.CellFound, summary.Problem);
        UeDownlinkItem dci = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Dci && i.RntiType == DciRntiType.RaRnti);
        Assert.Equal((raRnti, (int)(rarSlot % cell.SlotsPerFrame)), (dci.Rnti, dci.Slot));
        UeDownlinkItem pdsch = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Pdsch && i.RntiType == DciRntiType.RaRnti);
        Assert.True(pdsch.CrcPassed, pdsch.Detail);
        Assert.Equal(rarBytes, pdsch.Payload);
        MacRar rar = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Rar).Rar!.Value;
        Assert.Equal((preamble, timingAdvance), (rar.Rapid, rar.TimingAdvance));
        Assert.Equal((rapid, ta, RarUplinkGrant.Unpack(grantBits), tc), (rar.Rapid, rar.TimingAdvance, rar.Grant, rar.TemporaryCRnti));

        // The TC-RNTI learnt from the RAR is followed: the Msg4 DCI and its PDSCH, byte for byte.
        UeDownlinkItem msg4Dci = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Dci && i.RntiType == DciRntiType.TcRnti);
        Assert.Equal((tc, (int)(msg4Slot % cell.SlotsPerFrame)), (msg4Dci.Rnti, msg4Dci.Slot));
        UeDownlinkItem msg4Pdsch = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Pdsch && i.RntiType == DciRntiType.TcRnti);
        Assert.True(msg4Pdsch.CrcPassed, msg4Pdsch.Detail);
        Assert.Equal(msg4, msg4Pdsch.Payload);
        foreach (UeDownlinkItem item in items.Where(i => i.RntiType == DciRntiType.RaRnti))
        {
            TestContext.Current.SendDiagnosticMessage(item.Kind == UeDownlinkItemKind.Rar
                ? $"rar sfn {item.Sfn} slot {item.Slot}: RA-RNTI {item.Rnti}, RAPID {item.Rar!.Value.Rapid}, TA {item.Rar.Value.TimingAdvance}, TC-RNTI 0x{item.Rar.Value.TemporaryCRnti:x4}, grant {item.Rar.Value.Grant}"
                : $"{item.Kind} sfn {item.Sfn} slot {item.Slot}: {item.Allocation} CRC {item.CrcPassed} {(item.Payload is null ? "" : Convert.ToHexString(item.Payload))}");
        }
    }

    /// <summary>
    /// The test UE's downlink through the engine's own transmitter: the n3 example (DCI 1_1 on CORESET#1's UE-specific
    /// search space, 106-PRB 256QAM MCS 27 PDSCH, beside the SS/PBCH block in its slots) recorded at 40 dB SNR; given the
    /// same gNB configuration, the receiver must find the C-RNTI's DCI 1_1 in every slot the engine scheduled and decode
    /// each PDSCH byte for byte as the engine sent it.
    /// </summary>
    [Fact]
    public void EngineDownlink_GnbConfiguration_DecodesTheTestUePdschByteForByte()
    {
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        var sent = new Dictionary<long, byte[]>();
        ComplexF32[] x = RecordCRntiPdsch(cell, 25 * cell.Numerology.SlotsPerSubframe, new Random(11), 1_300.0, sent, snrDb: 40);

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
        Assert.Null(summary.Problem);
        UeDownlinkItem[] dcis = [.. items.Where(i => i.Kind == UeDownlinkItemKind.Dci && i.DciFormat == "1_1")];
        UeDownlinkItem[] pdsch = [.. items.Where(i => i.Kind == UeDownlinkItemKind.Pdsch && i.RntiType == DciRntiType.CRnti)];
        Assert.True(pdsch.Length >= 15, $"{pdsch.Length} C-RNTI PDSCH of {sent.Count} sent");
        Assert.Equal(dcis.Length, pdsch.Length);
        Assert.All(pdsch, p =>
        {
            Assert.True(p.CrcPassed, p.Detail);
            Assert.Equal(sent[((long)p.Sfn * cell.SlotsPerFrame) + p.Slot], p.Payload);
        });
        long firstDecodable = ((long)pdsch[0].Sfn * cell.SlotsPerFrame) + pdsch[0].Slot;
        Assert.All(sent.Keys.Where(k => k >= firstDecodable && k < ((long)pdsch[^1].Sfn * cell.SlotsPerFrame) + pdsch[^1].Slot), k => Assert.Contains(pdsch, p => ((long)p.Sfn * cell.SlotsPerFrame) + p.Slot == k));
    }

    /// <summary>
    /// Replaces what <paramref name="plan"/> holds by a Msg4 for <paramref name="temporaryCRnti"/>: DCI 1_0 on CORESET#0
    /// (first AL-4 candidate of the Type0 CSS candidates at symbol 0, like the engine's RAR) and a 4-PRB PDSCH with a UE
    /// Contention Resolution Identity MAC CE (LCID 62, TS 38.321 §6.1.3.4) and padding; returns the transport block.
    /// </summary>
    private static byte[] AddMsg4(CellSetup cell, PhyTestScheduler scheduler, DownlinkSlotPlan plan, int temporaryCRnti)
    {
        var dci = new Dci1_0 { Identifier = 1, FrequencyDomainAssignment = ResourceIndicatorValue.Compute(0, 4, cell.Coreset0Row.RbCount), TimeDomainAssignment = 0, Mcs = 4, NewDataIndicator = 1 };
        return AddCommonDownlink(cell, scheduler, plan, temporaryCRnti, DciRntiType.TcRnti, dci, tb =>
        {
            tb.Fill(63);
            tb[0] = 62;
            TestUeRandomAccess.Identity.CopyTo(tb[1..]);
        });
    }

    /// <summary>
    /// Replaces what <paramref name="plan"/> holds by one DCI 1_0 for <paramref name="rnti"/> on CORESET#0 (first AL-4
    /// candidate of the Type0 CSS candidates at symbol 0, like the engine's RAR) and, unless <paramref name="fill"/> is
    /// null, the 4-PRB PDSCH at PRB 0 that <paramref name="dci"/> describes (MCS of the DCI, TDRA row 0, DM-RS from point
    /// A) with the transport block <paramref name="fill"/> writes; returns the transport block (empty without PDSCH).
    /// </summary>
    internal static byte[] AddCommonDownlink(CellSetup cell, PhyTestScheduler scheduler, DownlinkSlotPlan plan, int rnti, DciRntiType type, Dci1_0 dci, SpanAction? fill, bool newData = true, int redundancyVersion = 0)
    {
        plan.Reset(plan.Slot);
        int rbs = cell.Coreset0Row.RbCount;
        var sizes = new DciSizes0_0And1_0(rbs, rbs, CommonSearchSpace: true);
        PdcchPdu pdcch = plan.AddPdcch()!;
        pdcch.Coreset = scheduler.Coreset0;
        pdcch.FirstSymbol = 0;
        pdcch.AggregationLevel = 4;
        pdcch.FirstCce = 0;
        pdcch.Rnti = rnti;
        pdcch.ScramblingRnti = 0;
        pdcch.PayloadSize = sizes.Size;
        sizes.Pack(dci, type, pdcch.Payload.AsSpan(0, pdcch.PayloadSize));
        if (fill is null)
        {
            return [];
        }

        PdschConfiguration config = scheduler.CommonPdsch(0, 4, 0, dci.Mcs, rnti);
        PdschPdu pdsch = plan.AddPdsch()!;
        pdsch.Configuration = config;
        pdsch.ReferenceCrb = 0; // CommonPdsch is in CRBs from point A (DM-RS from CRB 0)
        pdsch.Rnti = rnti;
        pdsch.RntiType = type switch
        {
            DciRntiType.TcRnti => RntiType.TcRnti,
            DciRntiType.PRnti => RntiType.PRnti,
            DciRntiType.RaRnti => RntiType.RaRnti,
            _ => RntiType.CRnti,
        };
        pdsch.NewData = newData;
        pdsch.RedundancyVersion = redundancyVersion;
        pdsch.HarqProcess = dci.HarqProcess;
        pdsch.TransportBlockBytes = config.TransportBlockSizeFor(config.BuildLayout()) / 8;
        Span<byte> tb = pdsch.TransportBlock.AsSpan(0, pdsch.TransportBlockBytes);
        fill(tb);
        return tb.ToArray();
    }

    /// <summary>Changes the samples of slot <paramref name="slot"/> before the offsets and the noise are applied.</summary>
    internal delegate void SlotSamplesAction(long slot, Span<ComplexF32> samples);

    /// <summary>Writes a transport block.</summary>
    internal delegate void SpanAction(Span<byte> transportBlock);

    /// <summary>
    /// <see cref="Record"/> with the phy-test scheduler of <paramref name="cell"/>, collecting the bytes of every C-RNTI
    /// PDSCH sent, by slot, into <paramref name="sent"/>.
    /// </summary>
    internal static ComplexF32[] RecordCRntiPdsch(CellSetup cell, int slots, Random random, double cfoHz, Dictionary<long, byte[]> sent, double snrDb) =>
        Record(cell, new PhyTestScheduler(cell), slots, random, cfoHz, (s, plan) =>
        {
            for (int i = 0; i < plan.PdschCount; i++)
            {
                if (plan.Pdsch[i].RntiType == RntiType.CRnti)
                {
                    sent[s] = plan.Pdsch[i].Bytes.ToArray();
                }
            }
        }, snrDb);

    /// <summary>
    /// Schedules and modulates <paramref name="slots"/> slots of <paramref name="cell"/> (calling <paramref name="onSlot"/>
    /// after each slot is scheduled), then puts 1000..20000 samples of silence before them, a carrier frequency offset and
    /// AWGN (25 dB SNR unless given).
    /// </summary>
    internal static ComplexF32[] Record(CellSetup cell, PhyTestScheduler scheduler, int slots, Random random, double cfoHz, Action<long, DownlinkSlotPlan> onSlot, double snrDb = 25, SlotSamplesAction? onSamples = null)
    {
        var processor = new DownlinkSlotProcessor(cell, scheduler.MaxTransportBlockBytes);
        var plan = new DownlinkSlotPlan(4, 2, scheduler.MaxTransportBlockBytes);
        var block = new SampleBlock<ComplexF32>(1, cell.Timing.MaxSlotSampleCount);
        int timingOffset = random.Next(1000, 20_000);
        var samples = new List<ComplexF32>(timingOffset + (slots * cell.Timing.MaxSlotSampleCount));
        samples.AddRange(new ComplexF32[timingOffset]);
        for (long s = 0; s < slots; s++)
        {
            plan.Reset(SlotPoint.FromIndex(s, cell.SlotsPerFrame, 0));
            scheduler.ScheduleDownlink(plan.Slot, plan, new NoUplink());
            onSlot(s, plan);
            processor.Process(plan, block);
            ComplexF32[] slotSamples = block[0].ToArray();
            onSamples?.Invoke(s, slotSamples);
            samples.AddRange(slotSamples);
        }

        ComplexF32[] x = [.. samples];
        float power = ComplexKernels.SumOfMagnitudesSquared(x.AsSpan(timingOffset)) / (x.Length - timingOffset);
        float sigma = MathF.Sqrt(power * MathF.Pow(10f, (float)(-snrDb / 10)) / 2);
        for (int n = 0; n < x.Length; n++)
        {
            double phase = 2 * Math.PI * cfoHz * n / cell.SampleRateHz;
            var rotation = new ComplexF32((float)Math.Cos(phase), (float)Math.Sin(phase));
            x[n] = (x[n] * rotation) + new ComplexF32(sigma * Gaussian(random), sigma * Gaussian(random));
        }

        return x;
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
