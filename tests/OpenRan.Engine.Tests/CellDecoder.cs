using System;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Timing;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Engine.Tests;

/// <summary>
/// A UE-side receiver for the engine's recordings built from the PHY library's receivers and the specification's rules
/// only (not from the scheduler's configurations): OFDM demodulation, PSS/SSS and PBCH, the Type0-PDCCH search, SIB1's
/// PDSCH from its DCI 1_0 with the CORESET#0 DM-RS reference point, and the test UE's DCI 1_1 and PDSCH.
/// </summary>
internal sealed class CellDecoder
{
    private readonly CellSetup _cell;
    private readonly OfdmDemodulator _ofdm;
    private readonly SlotClock _clock;

    public CellDecoder(CellSetup cell)
    {
        _cell = cell;
        _clock = new SlotClock(cell.Timing);
        _ofdm = new OfdmDemodulator(new OfdmConfiguration { Timing = cell.Timing, NSizeGrid = cell.NRb, CarrierFrequencyHz = cell.DownlinkCenterHz, Scaling = OfdmScaling.Unitary });
        Grid = new ResourceGrid(1, 14, cell.NRb * 12);
        Grid.Configure(1, 14, cell.NRb, 0);
    }

    public ResourceGrid Grid { get; }

    /// <summary>Demodulates slot <paramref name="slotIndex"/> of a recording that starts at slot 0.</summary>
    public void Demodulate(ReadOnlySpan<ComplexF32> recording, long slotIndex)
    {
        int start = (int)_clock.SlotStart(slotIndex);
        int length = _clock.SlotLength(slotIndex);
        _ofdm.Demodulate(recording.Slice(start, length), (int)(slotIndex % _cell.SlotsPerFrame), Grid, 0);
    }

    public (CellIdentity Cell, PbchReceiveResult Pbch) DecodeSsb(int firstSymbol)
    {
        var grid = new ResourceGrid(1, 4, 240);
        grid.Configure(1, 4, 20, 0);
        for (int l = 0; l < 4; l++)
        {
            Grid.Symbol(0, firstSymbol + l).Slice(_cell.SsbFirstSubcarrier, 240).CopyTo(grid.Symbol(0, l));
        }

        CellIdentity id = new CellIdentityDetector().Detect(grid, 0, 0, 0);
        PbchReceiveResult pbch = new PbchReceiver().Receive(grid, 0, 0, 0, id.NIdCell, _cell.LMax);
        return (id, pbch);
    }

    /// <summary>Blind search of one DCI size for one RNTI.</summary>
    public PdcchDetection? Search(int slot, Coreset coreset, SearchSpaceConfiguration space, int rnti, int size)
    {
        var results = new PdcchDetection[4];
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = new PdcchDetection();
        }

        int found = new PdcchReceiver().Search(Grid, 0, new PdcchSearchRequest(slot, coreset, space, rnti, 0, _cell.Pci), [size], [(ushort)rnti], 1, results);
        return found > 0 ? results[0] : null;
    }

    /// <summary>RIV of resource allocation type 1 back to (start, length) (TS 38.214 §5.1.2.2.2).</summary>
    public static (int Start, int Length) DecodeRiv(int riv, int n)
    {
        int a = riv / n;
        int b = riv % n;
        return a + b + 1 <= n ? (b, a + 1) : (n - 1 - b, n - a + 1);
    }

    /// <summary>
    /// The PDSCH of a DCI as a UE derives it: PRBs from the RIV, S/L from TS 38.214 Table 5.1.2.1.1-2 (row index), MCS row,
    /// DM-RS type 1 pos2 with the given CDM groups, scrambling n_RNTI/N_ID^cell, SS/PBCH PRBs reserved.
    /// </summary>
    public PdschConfiguration UePdsch(int bwpSize, (int Start, int Length) prbs, int tdra, McsEntry mcs, int rnti, int cdmGroups, int layers, int qmLbrm, ushort ssbMask, int referenceCrb)
    {
        (bool typeA, int s, int l) = Engine.Scheduling.Ts38214Table5_1_2_1_1_2.Row(tdra, _cell.Options.Cell.DmrsTypeAPosition);
        Assert.True(typeA);
        var dmrs = new DmrsConfiguration
        {
            ConfigurationType = DmrsConfigurationType.Type1,
            AdditionalPosition = 2,
            TypeAPosition = 2,
            CdmGroupsWithoutData = cdmGroups,
            ScramblingId0 = _cell.Pci,
            ScramblingId1 = _cell.Pci,
            Ports = Enumerable.Range(0, layers).ToArray(),
        };
        var config = new PdschConfiguration
        {
            Numerology = _cell.Numerology.Mu,
            NSizeGrid = bwpSize,
            NSizeBwp = bwpSize,
            NIdCell = _cell.Pci,
            PrbSet = Enumerable.Range(prbs.Start, prbs.Length).ToArray(),
            StartSymbol = s,
            SymbolCount = l,
            Modulation = ModulationSchemeExtensions.FromBitsPerSymbol(mcs.ModulationOrder),
            LayerCount = layers,
            NRnti = rnti,
            NId = _cell.Pci,
            Dmrs = dmrs,
            TargetCodeRate = mcs.TargetCodeRate,
            LimitedBuffer = LimitedBufferRateMatching.FromTransportBlockSize(TransportBlockSize.ForLimitedBufferRateMatching(layers, qmLbrm, TransportBlockSize.LimitedBufferPrbCount(bwpSize))),
        };
        if (ssbMask != 0)
        {
            int first = _cell.SsbFirstSubcarrier / 12;
            int last = (_cell.SsbFirstSubcarrier + 239) / 12;
            config = config with { ReservedResources = [ReservedResource.Blocks(Enumerable.Range(first - referenceCrb, last - first + 1), ssbMask)] };
        }

        return config;
    }

    /// <summary>Decodes a PDSCH whose configuration's CRB 0 is carrier CRB <paramref name="referenceCrb"/>.</summary>
    public (bool Crc, byte[] Bytes) DecodePdsch(PdschConfiguration config, int slot, int referenceCrb)
    {
        var grid = new ResourceGrid(1, 14, config.NSizeGrid * 12);
        grid.Configure(1, 14, config.NSizeGrid, 0);
        for (int l = 0; l < 14; l++)
        {
            Grid.Symbol(0, l).Slice(referenceCrb * 12, config.NSizeGrid * 12).CopyTo(grid.Symbol(0, l));
        }

        var receiver = new SharedChannelReceiver(1, config.LayerCount);
        int tbs = receiver.TransportBlockSize(config);
        SharedChannelSoftBuffer soft = receiver.CreateSoftBuffer(config);
        var bits = new byte[tbs];
        SharedChannelReceiveResult r = receiver.Receive(config, grid, slot, 0, soft, true, bits);
        var bytes = new byte[tbs / 8];
        BitPacking.Pack(bits, bytes);
        return (r.CrcPassed, bytes);
    }
}
