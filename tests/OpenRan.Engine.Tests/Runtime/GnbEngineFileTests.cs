using System;
using System.IO;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Runtime;
using OpenRan.Engine.Scheduling;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.Phy.Upper.Sequences;
using OpenRan.Radio;
using OpenRan.Radio.SigMf;

namespace OpenRan.Engine.Tests.Runtime;

/// <summary>
/// End to end over the file radio: the engine records 4 frames of the n3 example cell to SigMF; the recording is decoded
/// with the PHY library's receivers following the specification (MIB with the running SFN, SIB1 from its DCI 1_0 with the
/// CORESET#0 DM-RS reference point, the test UE's DCI 1_1 and PDSCH), and the bytes match what the engine sent.
/// </summary>
public sealed class GnbEngineFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("openran-gnb-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Run_OverTheFileRadio_RecordsACellThatTheLibraryReceiversDecode()
    {
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        string recording = Path.Combine(_directory, "cell");
        const int slots = 40;
        RecordingSink sink = Record(cell, recording, slots);

        using SigMfReader reader = SigMfReader.Open(recording);
        var samples = new ComplexF32[reader.SampleCount];
        Assert.Equal(samples.Length, reader.Read(samples));
        var decoder = new CellDecoder(cell);
        var scheduler = new PhyTestScheduler(cell);

        // MIB in every frame with the running SFN (SSB block 0 in slot 0, symbol 2: case A).
        for (int frame = 0; frame < slots / 10; frame++)
        {
            decoder.Demodulate(samples, frame * 10L);
            (CellIdentity id, PbchReceiveResult pbch) = decoder.DecodeSsb(2);
            Assert.Equal(cell.Pci, id.NIdCell);
            Assert.True(pbch.CrcPassed, $"frame {frame}: PBCH CRC");
            Assert.Equal(frame, pbch.Mib!.Value.SystemFrameNumber);
            Assert.Equal(cell.Plan.KSsb, pbch.Mib.Value.SsbSubcarrierOffset);
            Assert.Equal(cell.PdcchConfigSib1, pbch.Mib.Value.PdcchConfigSib1);
        }

        // SIB1 in frames 0 and 2: DCI 1_0 (SI-RNTI) in the Type0-PDCCH CSS of CORESET#0 from the MIB.
        Mib mib = new(0, false, cell.Plan.KSsb, 2, cell.PdcchConfigSib1, false, true);
        Coreset0Row row = Ts38213Table13.Coreset0(15, 15, Type0CoresetBandClass.Default, mib.ControlResourceSetZero)!.Value;
        var coreset0 = new Coreset(Type0PdcchCss.Coreset0(row, cell.SsbFirstCrb, cell.Plan.KSsb, cell.Pci));
        Type0Occasion occasion = Type0PdcchCss.Occasion(mib.SearchSpaceZero, 0, 0, row.SymbolCount);
        var sizes = new DciSizes0_0And1_0(row.RbCount, row.RbCount, CommonSearchSpace: true);
        int sib1Count = 0;
        foreach (int frame in new[] { 0, 2 })
        {
            long slot = (frame * 10) + occasion.Slot;
            decoder.Demodulate(samples, slot);
            PdcchDetection? dci = decoder.Search(occasion.Slot, coreset0, Type0PdcchCss.SearchSpace(occasion.FirstSymbol), 0xFFFF, sizes.Size);
            Assert.NotNull(dci);
            Dci1_0 d = sizes.Parse1_0(dci!.Payload.AsSpan(0, dci.PayloadSize), DciRntiType.SiRnti);
            (int start, int length) = CellDecoder.DecodeRiv(d.FrequencyDomainAssignment, row.RbCount);
            McsEntry mcs = McsTables.Lookup(McsTable.Qam64, d.Mcs);
            PdschConfiguration config = decoder.UePdsch(row.RbCount, (start, length), d.TimeDomainAssignment, mcs, 0xFFFF, 2, 1, 6, 0, coreset0.Configuration.FirstRb);
            (bool crc, byte[] bytes) = decoder.DecodePdsch(config, occasion.Slot, coreset0.Configuration.FirstRb);
            Assert.True(crc, $"SIB1 CRC in frame {frame}");
            Assert.Equal(cell.Sib1.ToArray(), bytes[..cell.Sib1.Length]);
            AssertDmrsReferencedToCoreset0(decoder, config, coreset0.Configuration.FirstRb, cell.Pci, occasion.Slot, (float)cell.Options.Radio.BasebandScale);
            sib1Count++;
        }

        Assert.Equal(2, sib1Count);
        Assert.Equal(2, sink.Downlink.Count(t => t.Type == RntiType.SiRnti && t.Slot.Index < slots));

        // The test UE: DCI 1_1 in its UE-specific search space on CORESET#1, PDSCH 256QAM, bytes as the engine sent them.
        var coreset1 = new Coreset(cell.Coreset1);
        var dl11 = new DciFieldLayout(new Dci1_1Configuration(cell.NRb, 0, 16, ResourceAllocationType.Type1).Fields());
        int checkedSlots = 0;
        foreach (var sent in sink.Downlink.Where(t => t.Type == RntiType.CRnti && t.Slot.Index is 3 or 5 or 11 or 17))
        {
            long s = sent.Slot.Index;
            decoder.Demodulate(samples, s);
            PdcchDetection? dci = decoder.Search(sent.Slot.Slot, coreset1, scheduler.UeSearchSpace, cell.Options.TestUe.Rnti, dl11.Size);
            Assert.NotNull(dci);
            int Field(string name)
            {
                (int offset, int bits) = dl11[name];
                return (int)BitPacking.ReadUInt(dci!.Payload.AsSpan(0, dci.PayloadSize), offset, bits);
            }

            Assert.Equal(1, Field("Identifier for DCI formats"));
            int mcsNdiRv = Field("TB1: MCS, NDI, RV");
            McsEntry mcs = McsTables.Lookup(McsTable.Qam256, mcsNdiRv >> 3);
            (int start, int length) = CellDecoder.DecodeRiv(Field("Frequency domain resource assignment"), cell.NRb);
            PdschConfiguration config = decoder.UePdsch(cell.NRb, (start, length), Field("Time domain resource assignment"), mcs, cell.Options.TestUe.Rnti, 1, 1, 8, 0, 0);
            (bool crc, byte[] bytes) = decoder.DecodePdsch(config, sent.Slot.Slot, 0);
            Assert.True(crc, $"UE PDSCH CRC in slot {s}");
            Assert.Equal(sent.Bytes, bytes);
            checkedSlots++;
        }

        Assert.Equal(4, checkedSlots);
    }

    /// <summary>
    /// SIB1's DM-RS must use the lowest RB of CORESET#0 as reference point (TS 38.211 §7.4.1.1.2): on the first DM-RS symbol,
    /// subcarrier k counted from that RB carries β·r(k/2) with r from c_init = 2^17·(14·n_s + l + 1)·(2·N_ID + 1) + 2·N_ID.
    /// </summary>
    private static void AssertDmrsReferencedToCoreset0(CellDecoder decoder, PdschConfiguration config, int coreset0Crb, int pci, int slot, float scale)
    {
        const int l = 2;
        uint cInit = (uint)((((1L << 17) * ((14 * slot) + l + 1) * ((2 * pci) + 1)) + (2 * pci)) % (1L << 31));
        int lastK = (config.PrbSet.Max() + 1) * 12;
        var c = new byte[lastK + 2];
        var sequence = new PseudoRandomSequence();
        sequence.Initialize(cInit);
        sequence.Generate(c);
        float beta = MathF.Sqrt(2);
        foreach (int prb in config.PrbSet)
        {
            for (int k = prb * 12; k < (prb + 1) * 12; k += 2)
            {
                int n = k / 2;
                var expected = new ComplexF32((1 - (2 * c[2 * n])) / MathF.Sqrt(2), (1 - (2 * c[(2 * n) + 1])) / MathF.Sqrt(2)) * (beta * scale);
                ComplexF32 actual = decoder.Grid[0, l, (coreset0Crb * 12) + k];
                Assert.True(MathF.Abs(actual.Re - expected.Re) < 1e-3f * scale && MathF.Abs(actual.Im - expected.Im) < 1e-3f * scale, $"DM-RS at CORESET#0 subcarrier {k}: {actual} vs {expected}");
            }
        }
    }

    private static RecordingSink Record(CellSetup cell, string path, long slots)
    {
        var factory = new RadioFactory(RadioFactory.SoftwareDrivers());
        RadioSetup radio = RadioSetup.Create(cell, factory, "file", $"tx={path}");
        using IRadio device = radio.Open(factory);
        var sink = new RecordingSink();
        var scheduler = new PhyTestScheduler(cell);
        var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, Capture = sink, WarmUpRounds = 1, WarmUpScheduler = new PhyTestScheduler(cell) };
        using var engine = new GnbEngine(cell, device, scheduler, options, scheduler.MaxTransportBlockBytes);
        Assert.Equal(slots, engine.Run(slots));
        Assert.Equal(0, engine.Metrics.DownlinkLate);
        return sink;
    }
}
