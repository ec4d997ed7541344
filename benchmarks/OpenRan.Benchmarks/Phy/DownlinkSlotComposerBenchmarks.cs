using System.Linq;
using BenchmarkDotNet.Attributes;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Downlink;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.CsiRs;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Benchmarks.Phy;

/// <summary>
/// A whole downlink slot from configuration to time-domain samples with <see cref="DownlinkSlotComposer"/>: 100 MHz at
/// 30 kHz (273 PRB, FFT 4096), 4 antenna ports, an SS/PBCH block (case C), CORESET#0 (48 RB) and a 2-symbol CORESET#1 (222 RB above it) with a
/// PDCCH each, 4 coded 256QAM PDSCHs (68 PRB × 12 symbols each, one per port, LDPC-encoded every slot) and a 4-port
/// NZP-CSI-RS; then OFDM on the 4 ports. Budget: ≤ 250 µs per port (≤ 1 ms for the slot) on one core, 0 B allocated.
/// </summary>
[BenchmarkCategory(Categories.Slot, Categories.Pdsch, Categories.Ofdm)]
[MedianColumn]
public class DownlinkSlotComposerBenchmarks
{
    private const int Ports = 4;
    private DownlinkSlotComposer? _composer;
    private ComplexF32[][] _samples = [];

    /// <summary>The benchmark's carrier.</summary>
    public static DownlinkWaveformConfiguration Configuration()
    {
        const int nrb = 273;
        const int pci = 1;
        var carrier = new DownlinkCarrier { Numerology = 1, NSizeGrid = nrb, NIdCell = pci, AntennaPortCount = Ports, CarrierFrequencyHz = 3.5e9 };
        McsEntry mcs = McsTables.Lookup(McsTable.Qam256, 20);
        DownlinkPdsch Pdsch(int i) => new()
        {
            Name = $"UE {i}",
            FirstPort = i,
            Configuration = new PdschConfiguration
            {
                Numerology = 1,
                NSizeGrid = nrb,
                NSizeBwp = nrb,
                NIdCell = pci,
                PrbSet = [.. Enumerable.Range(68 * i, 68)],
                StartSymbol = 2,
                SymbolCount = 12,
                Modulation = ModulationScheme.Qam256,
                NRnti = 0x4601 + i,
                NId = pci,
                Dmrs = new DmrsConfiguration { AdditionalPosition = 1, CdmGroupsWithoutData = 2, ScramblingId0 = pci, ScramblingId1 = pci, Ports = [0] },
                TargetCodeRate = mcs.TargetCodeRate,
            },
        };
        return new DownlinkWaveformConfiguration
        {
            Name = "100 MHz 30 kHz, 4 ports",
            Carrier = carrier,
            Ssb = new DownlinkSsbBurst
            {
                Case = SsbCase.C, LMax = 8, TransmittedBlocks = [true, false, false, false, false, false, false, false], PeriodMs = 20, NCrbSsb = 120,
                SubCarrierSpacingCommon = true,
            },
            Pdcch =
            [
                new DownlinkPdcch
                {
                    Name = "SIB1 DCI",
                    Coreset = new CoresetConfiguration(0, 0, [.. Enumerable.Repeat(true, 8)], 1, CceRegMapping.Interleaved, 6, 2, pci, PrecoderGranularity.SameAsRegBundle, null) { DmrsReferenceIsCoresetStart = true },
                    AggregationLevel = 4, Rnti = 0xFFFF, ScramblingRnti = 0, PayloadBits = 39,
                },
                new DownlinkPdcch
                {
                    Name = "UE DCI",
                    Coreset = new CoresetConfiguration(1, 48, [.. Enumerable.Repeat(true, 37)], 2, CceRegMapping.NonInterleaved, 6, 2, 0, PrecoderGranularity.SameAsRegBundle, pci),
                    FirstCce = 0, AggregationLevel = 8, Rnti = 0x4601, ScramblingRnti = 0x4601, PayloadBits = 41,
                },
            ],
            Pdsch = [Pdsch(0), Pdsch(1), Pdsch(2), Pdsch(3)],
            CsiRs =
            [
                new DownlinkCsiRs("CSI-RS 4 ports", new CsiRsConfiguration
                {
                    RowNumber = 4, FrequencyDomainAllocation = 1, Density = CsiRsDensity.One, FirstSymbol = 13, StartRb = 0, RbCount = nrb, ScramblingId = pci,
                }),
            ],
        };
    }

    [GlobalSetup]
    public void Setup()
    {
        _composer = new DownlinkSlotComposer(Configuration());
        _samples = [.. Enumerable.Range(0, Ports).Select(_ => new ComplexF32[_composer.SlotSampleCount(0)])];
        for (int i = 0; i < 3; i++)
        {
            ComposeAndModulateSlot();
        }
    }

    /// <summary>Slot 0 (with the SS/PBCH block): compose and OFDM-modulate the 4 ports.</summary>
    [Benchmark]
    public ComplexF32 ComposeAndModulateSlot()
    {
        _composer!.Compose(0);
        for (int port = 0; port < Ports; port++)
        {
            _composer.Modulate(port, _samples[port]);
        }

        return _samples[3][1000];
    }

    /// <summary>Slot 0: composing the grid alone (channel coding, modulation, mapping of every channel).</summary>
    [Benchmark]
    public ComplexF32 ComposeSlot()
    {
        _composer!.Compose(0);
        return _composer.Grid[0, 5, 100];
    }
}
