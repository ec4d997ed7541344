using System;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.Radio.Streaming;

namespace OpenRan.Engine.Processing;

/// <summary>
/// The downlink of one slot, plan to antenna samples: SS/PBCH blocks with the running SFN (TS 38.211 §7.4.3,
/// TS 38.212 §7.1), PDCCHs (§7.3.2), PDSCHs (TS 38.212 §7.2, TS 38.211 §7.3.1) on the carrier grid, then OFDM per
/// antenna (§5.3, §5.4). This class and <see cref="UplinkSlotProcessor"/> are the only places the engine calls PHY
/// processors, so changes to the chains stay local. One instance per worker; processing allocates nothing.
/// </summary>
public sealed class DownlinkSlotProcessor
{
    private readonly CellSetup _cell;
    private readonly ResourceGrid _grid;
    private readonly ResourceGrid _pdschGrid;
    private readonly SsbTransmitter _ssb = new();
    private readonly PdcchTransmitter _pdcch = new();
    private readonly SharedChannelTransmitter _pdsch;
    private readonly OfdmModulator _ofdm;
    private readonly byte[] _bits;
    private readonly int _antennas;
    private readonly float _scale;
    private readonly SsbAmplitudes _ssbAmplitudes;

    /// <summary>Builds the processors, grids and OFDM plan for <paramref name="cell"/>.</summary>
    public DownlinkSlotProcessor(CellSetup cell, int maxTransportBlockBytes)
    {
        ArgumentNullException.ThrowIfNull(cell);
        _cell = cell;
        _antennas = cell.Options.Antennas.Tx;
        int subcarriers = cell.NRb * NrConstants.SubcarriersPerRb;
        _grid = new ResourceGrid(_antennas, NrConstants.SymbolsPerSlotNormalCp, subcarriers);
        _grid.Configure(_antennas, NrConstants.SymbolsPerSlotNormalCp, cell.NRb, 0);
        int layers = Math.Max(1, cell.Downlink.Layers);
        _pdschGrid = new ResourceGrid(layers, NrConstants.SymbolsPerSlotNormalCp, subcarriers);
        _pdsch = new SharedChannelTransmitter(layers);
        _ofdm = new OfdmModulator(new OfdmConfiguration
        {
            Timing = cell.Timing,
            NSizeGrid = cell.NRb,
            CarrierFrequencyHz = cell.DownlinkCenterHz,
            Scaling = OfdmScaling.Unitary,
        });
        _bits = new byte[maxTransportBlockBytes * 8];
        _scale = (float)cell.Options.Radio.BasebandScale;
        float beta = cell.SsbAmplitude;
        _ssbAmplitudes = new SsbAmplitudes(beta, beta, beta, beta);
    }

    /// <summary>
    /// Builds the layout of a PDSCH configuration the scheduler may send (SIB1, RAR, Msg4, the test UE's) before the first
    /// slot that carries it, so that slot allocates nothing; other configurations are ignored. At start-up only.
    /// </summary>
    public void Prepare(SharedChannelConfiguration configuration)
    {
        if (configuration is PdschConfiguration)
        {
            _ = _pdsch.Modulator.Layout(configuration);
        }
    }

    /// <summary>The carrier grid of the last processed slot (antenna ports × 14 symbols × 12·N_RB subcarriers).</summary>
    public ResourceGrid Grid => _grid;

    /// <summary>
    /// Maps <paramref name="plan"/> onto the carrier grid and OFDM-modulates every antenna into <paramref name="output"/>
    /// (one channel per transmit antenna; its count is set to the slot length).
    /// </summary>
    public void Process(DownlinkSlotPlan plan, SampleBlock<ComplexF32> output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        MapGrid(plan);
        Modulate(plan.Slot.Slot, output);
    }

    /// <summary>Maps <paramref name="plan"/> onto <see cref="Grid"/> (upper PHY only).</summary>
    public void MapGrid(DownlinkSlotPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _grid.Clear();
        int slotsPerFrame = _cell.SlotsPerFrame;
        foreach (SsbPdu ssb in plan.Ssb)
        {
            var mib = new Mib(
                plan.Slot.Sfn,
                SubCarrierSpacingCommon: _cell.Options.Cell.ScsKhz is 30 or 120,
                SsbSubcarrierOffset: _cell.Plan.KSsb,
                DmrsTypeAPosition: _cell.Options.Cell.DmrsTypeAPosition,
                PdcchConfigSib1: _cell.PdcchConfigSib1,
                CellBarred: false,
                IntraFreqReselectionAllowed: true);
            _ssb.Map(_grid, 0, ssb.FirstSymbol, _cell.SsbFirstSubcarrier, mib, _cell.Pci, _cell.LMax, ssb.Index, plan.Slot.HalfFrame(slotsPerFrame), _ssbAmplitudes);
        }

        foreach (PdcchPdu pdcch in plan.Pdcch)
        {
            var allocation = new PdcchAllocation(plan.Slot.Slot, pdcch.FirstSymbol, pdcch.FirstCce, pdcch.AggregationLevel, pdcch.Rnti, pdcch.ScramblingRnti, _cell.Pci);
            _pdcch.Map(_grid, 0, pdcch.Coreset, allocation, pdcch.Bits);
        }

        foreach (PdschPdu pdsch in plan.Pdsch)
        {
            MapPdsch(pdsch, plan.Slot.Slot);
        }
    }

    /// <summary>OFDM-modulates every antenna of <see cref="Grid"/> (lower PHY).</summary>
    public void Modulate(int slotInFrame, SampleBlock<ComplexF32> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        int length = _ofdm.SlotSampleCount(slotInFrame);
        output.Count = length;
        for (int port = 0; port < _antennas; port++)
        {
            Span<ComplexF32> samples = output[port];
            _ofdm.Modulate(_grid, port, slotInFrame, samples);
            ComplexKernels.Scale(samples, _scale, samples);
        }
    }

    private void MapPdsch(PdschPdu pdu, int slot)
    {
        PdschConfiguration config = pdu.Configuration;
        int tbs = pdu.TransportBlockBytes * 8;
        Span<byte> bits = _bits.AsSpan(0, tbs);
        BitPacking.Unpack(pdu.Bytes, bits);
        _pdsch.Process(config, bits, pdu.RedundancyVersion, slot, _pdschGrid);

        // The chain writes a grid of its own (CRB 0 of the configuration = ReferenceCrb of the carrier); layer v goes to
        // antenna v. Only the allocated symbols and the configuration's carrier part hold anything, so adding is exact.
        int offset = pdu.ReferenceCrb * NrConstants.SubcarriersPerRb;
        int width = config.NSizeGrid * NrConstants.SubcarriersPerRb;
        int last = config.StartSymbol + config.SymbolCount;
        for (int layer = 0; layer < config.LayerCount && layer < _antennas; layer++)
        {
            for (int l = config.StartSymbol; l < last; l++)
            {
                Span<ComplexF32> destination = _grid.Symbol(layer, l).Slice(offset, width);
                ComplexKernels.Add(destination, _pdschGrid.Symbol(layer, l)[..width], destination);
            }
        }
    }
}
