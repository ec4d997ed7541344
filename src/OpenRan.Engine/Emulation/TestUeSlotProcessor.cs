using System;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Engine.Emulation;

/// <summary>
/// The slot logic of the phy-test UE, independent of how its samples reach the gNB: it takes each demodulated downlink
/// slot (<see cref="OnDownlinkSlot"/>: DCI search, PDSCH decode with HARQ soft combining, uplink grants, and the random
/// access UE's response) and makes each uplink slot's samples (<see cref="MakeUplinkSlot"/>: the PUSCH of its grant or,
/// with <c>dl-harq-feedback: assume-ack</c>, of every whole uplink slot; the HARQ-ACK on PUCCH or, with
/// <c>test-ue.uci-on-pusch</c>, on the PUSCH; the random-access UE's preamble, Msg3 and its Msg4 HARQ-ACK). With
/// <c>test-ue.attach: random-access</c> the phy-test traffic starts only once the contention resolution made the
/// configured C-RNTI the random-access UE's own, OFDM-modulated at the uplink centre frequency and scaled by <c>radio.baseband-scale</c>. Used by
/// the loopback channel <see cref="TestUeUplinkChannel"/> (<c>openran cell</c>) and by the UE runtime
/// (<c>openran ue</c>). Allocation-free after construction except while the random-access UE decodes its response.
/// </summary>
public sealed class TestUeSlotProcessor
{
    private readonly CellSetup _cell;
    private readonly CellSchedule _schedule;
    private readonly PuschConfiguration _pusch;
    private readonly SharedChannelTransmitter _processor = new(1);
    private readonly OfdmModulator _ofdm;
    private readonly ResourceGrid _grid;
    private readonly ComplexF32[] _mix;
    private readonly byte[] _bits;
    private readonly byte[] _bytes;
    private readonly float _scale;
    private readonly TestUeRandomAccess? _randomAccess;
    private readonly TestUeHarqFeedback? _harq;
    private readonly TestUeDownlink? _downlink;
    private readonly TestUeUplinkHarq? _uplinkHarq;
    private readonly PhyTestScheduler _scheduler;
    private readonly byte[] _uciBits = new byte[8];
    private readonly bool _pucchOverlapsPusch;
    private readonly PucchResourceCommon? _commonPucch;

    /// <summary>Prepares the phy-test UE of <paramref name="cell"/>.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="randomAccessSlot">The slot from which a random-access UE looks for a PRACH occasion (−1: none; ignored without PRACH).</param>
    /// <param name="preambleIndex">Its preamble index.</param>
    /// <param name="bler">With PUCCH feedback: the probability of a NACK.</param>
    /// <param name="dtx">With PUCCH feedback: the probability of missing an assignment (no feedback).</param>
    public TestUeSlotProcessor(CellSetup cell, long randomAccessSlot = -1, int preambleIndex = 0, double bler = 0, double dtx = 0)
    {
        ArgumentNullException.ThrowIfNull(cell);
        _cell = cell;
        _schedule = new CellSchedule(cell);
        var scheduler = new PhyTestScheduler(cell);
        _scheduler = scheduler;
        _pusch = scheduler.UePusch;
        _ofdm = new OfdmModulator(new OfdmConfiguration { Timing = cell.Timing, NSizeGrid = cell.NRb, CarrierFrequencyHz = cell.UplinkCenterHz, Scaling = OfdmScaling.Unitary });
        _grid = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, cell.NRb * NrConstants.SubcarriersPerRb);
        _mix = new ComplexF32[cell.Timing.MaxSlotSampleCount];
        int tbs = _processor.TransportBlockSize(_pusch);
        _bits = new byte[tbs];
        _bytes = new byte[tbs / 8];
        _scale = (float)cell.Options.Radio.BasebandScale;
        if (cell.Options.Pucch.Count > 0)
        {
            (int first, int last) = CellPucch.Prbs(cell, 0);
            _pucchOverlapsPusch = first <= cell.Uplink.StartPrb + cell.Uplink.PrbCount - 1 && last >= cell.Uplink.StartPrb;
        }

        _commonPucch = cell.Options.PucchResourceCommon is int common ? PucchResourceCommon.Row(common, cell.NRb) : null;
        if (cell.Options.Prach.Enabled)
        {
            _randomAccess = new TestUeRandomAccess(cell, scheduler, randomAccessSlot, preambleIndex);
        }

        if (cell.Options.TestUe.Enabled && cell.Options.TestUe.DlHarqFeedback == "pucch")
        {
            _harq = new TestUeHarqFeedback(cell, bler, dtx);
            _uplinkHarq = new TestUeUplinkHarq(TestUeDownlink.HarqProcessCount, _bytes.Length);
            _downlink = new TestUeDownlink(cell, scheduler, _harq, _uplinkHarq);
        }
    }

    /// <summary>The test UE's HARQ feedback (null unless <c>dl-harq-feedback: pucch</c>).</summary>
    public TestUeHarqFeedback? HarqFeedback => _harq;

    /// <summary>The test UE's downlink receiver (null unless <c>dl-harq-feedback: pucch</c>).</summary>
    public TestUeDownlink? Downlink => _downlink;

    /// <summary>The test UE's uplink HARQ entity, which follows its grants (null unless <c>dl-harq-feedback: pucch</c>).</summary>
    public TestUeUplinkHarq? UplinkHarq => _uplinkHarq;

    /// <summary>The random-access UE (null when PRACH is disabled in the cell).</summary>
    public TestUeRandomAccess? RandomAccess => _randomAccess;

    /// <summary>
    /// Whether the test UE follows its C-RNTI: always with <c>test-ue.attach: preconfigured</c>; with <c>random-access</c>
    /// once the random-access UE's contention resolution made the configured C-RNTI its own (the promoted TC-RNTI).
    /// </summary>
    public bool TestUeAttached => !_cell.Options.TestUe.AttachByRandomAccess || _randomAccess?.CRnti == _cell.Options.TestUe.Rnti;

    /// <summary>Transport blocks transmitted on PUSCH.</summary>
    public long TransportBlocks { get; private set; }

    /// <summary>Whether a UE needs the downlink now (the test UE follows its DCIs, or the random-access UE awaits its response).</summary>
    public bool Listens => _downlink is not null || _randomAccess?.AwaitsResponse == true;

    /// <summary>Hands downlink slot <paramref name="slot"/>, demodulated into <paramref name="grid"/>, to the UEs.</summary>
    public void OnDownlinkSlot(long slot, ResourceGrid grid)
    {
        if (TestUeAttached)
        {
            _downlink?.OnDownlinkSlot(slot, grid);
        }

        _randomAccess?.OnDownlinkSlot(slot, grid);
    }

    /// <summary>
    /// Makes uplink slot <paramref name="slot"/> into <paramref name="samples"/> (its whole length); false when the UEs send
    /// nothing in it (the samples are then unspecified).
    /// </summary>
    public bool MakeUplinkSlot(long slot, Span<ComplexF32> samples)
    {
        bool randomAccess = _randomAccess?.Transmit(slot, samples) == true;
        int slotInFrame = (int)(slot % _cell.SlotsPerFrame);
        _grid.Clear();
        bool pusch;
        if (_uplinkHarq is not null)
        {
            // The PUSCH of the grant for this slot, with its HARQ process's block and redundancy version.
            int process = _uplinkHarq.Take(slot, out int rv);
            pusch = process >= 0 && !randomAccess;
            if (pusch)
            {
                BitPacking.Unpack(_uplinkHarq.TransportBlock(process), _bits);
                // The codebook (sized by the DAIs, TS 38.213 §9.1.3) never exceeds what the gNB can put on one PUSCH.
                int harqAck = _cell.Options.TestUe.UciOnPusch && _harq is not null ? Math.Min(_harq.TakeDue(slot, _uciBits), _scheduler.MaxHarqAckBits) : 0;
                if (harqAck > 0)
                {
                    // UCI on PUSCH (TS 38.212 §6.3.2, TS 38.213 §9.3): the HARQ-ACK due here rides on the PUSCH, no PUCCH.
                    _processor.Process(_scheduler.UePuschWithHarqAck(harqAck), _bits, new PuschUciPayload(_uciBits.AsSpan(0, harqAck)), rv, slotInFrame, _grid);
                }
                else
                {
                    _processor.Process(_pusch, _bits, rv, slotInFrame, _grid);
                }
            }
        }
        else
        {
            // Not where the gNB grants nothing: PRACH slots, and slots whose Msg4 HARQ-ACK PUCCH the PUSCH would overlap.
            pusch = _cell.Options.TestUe.Enabled && TestUeAttached && _schedule.IsFullUplink(slot) && _randomAccess?.HasOccasion(slot) != true && !randomAccess
                && !(Msg4AckOverlapsPusch() && _randomAccess?.SendsUplinkControl(slot) == true);
            if (pusch)
            {
                MacPdu.FillPseudoRandom(_bytes, (ulong)slot * 0x9E3779B97F4A7C15UL);
                BitPacking.Unpack(_bytes, _bits);
                _processor.Process(_pusch, _bits, 0, slotInFrame, _grid);
            }
        }

        // The HARQ-ACK goes on its PUCCH resource beside the PUSCH unless test-ue.uci-on-pusch took it onto the PUSCH above;
        // so does the random-access UE's HARQ-ACK of its Msg4.
        bool pucch = _harq?.Transmit(slot, _grid) == true;
        pucch |= _randomAccess?.TransmitUplinkControl(slot, _grid) == true;
        if (randomAccess)
        {
            // The random-access UE's Msg3 or preamble, plus the test UE's PUCCH if it has one in this slot.
            if (pucch)
            {
                Span<ComplexF32> mix = _mix.AsSpan(0, samples.Length);
                _ofdm.Modulate(_grid, 0, slotInFrame, mix);
                ComplexKernels.Add(samples, mix, samples);
            }

            ComplexKernels.Scale(samples, _scale, samples);
            return true;
        }

        if (!pusch && !pucch)
        {
            return false;
        }

        _ofdm.Modulate(_grid, 0, slotInFrame, samples);
        ComplexKernels.Scale(samples, _scale, samples);
        TransportBlocks += pusch ? 1 : 0;
        return true;
    }

    /// <summary>
    /// Whether the PUCCH of the random-access UE's Msg4 HARQ-ACK would overlap the test UE's PUSCH (the gNB grants none
    /// there): resource 0 of <c>pucch:</c>, or either hop of its <c>pucch-resource-common</c> resource (TS 38.213 §9.2.1).
    /// </summary>
    private bool Msg4AckOverlapsPusch()
    {
        int r = _randomAccess?.Msg4AckCommonResource ?? -1;
        if (_commonPucch is null || r < 0)
        {
            return _pucchOverlapsPusch;
        }

        (int firstHop, int secondHop) = _commonPucch.Prbs(r);
        int first = _cell.Uplink.StartPrb;
        int last = first + _cell.Uplink.PrbCount - 1;
        return (firstHop >= first && firstHop <= last) || (secondHop >= first && secondHop <= last);
    }

    /// <summary>Forgets every UE state (a radio restart).</summary>
    public void Reset()
    {
        _randomAccess?.Reset();
        _harq?.Reset();
        _downlink?.Reset();
        _uplinkHarq?.Reset();
    }
}
