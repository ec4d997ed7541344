using System;
using System.Diagnostics;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Timing;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Radio.Channels;

namespace OpenRan.Engine.Emulation;

/// <summary>
/// A loopback channel (<c>model=test-ue</c>) whose receiver hears the phy-test UE instead of the gNB's own downlink: it
/// transmits the PUSCH the phy-test scheduler grants (its configuration), OFDM-modulated at the uplink centre frequency,
/// delayed by <c>ue_delay</c> samples. With <c>dl-harq-feedback: assume-ack</c> it does not read its DCIs: in every whole
/// uplink slot without a PRACH occasion it sends a fresh pseudo-random transport block with redundancy version 0 and
/// never retransmits. With <c>dl-harq-feedback: pucch</c> the UE follows its DCIs (see below): PUSCH only on its
/// grants, with the HARQ process, NDI and redundancy version each grant names (<see cref="TestUeUplinkHarq"/>).
/// <para>
/// Random access (<c>ra_slot</c> ≥ 0, <see cref="TestUeRandomAccess"/>): from that slot on, a second emulated UE sends
/// preamble <c>ra_preamble</c> in the next PRACH occasion (N_TA = 0), decodes the random-access response from the gNB's
/// transmitted samples (RA-RNTI PDCCH on CORESET#0, the PDSCH, the MAC RAR), and sends its Msg3 on the granted resources
/// K2 + Δ slots later, advanced by the RAR's timing advance, retransmits it on DCI 0_0 grants with its TC-RNTI, decodes
/// its Msg4 and acknowledges it on PUCCH. With <c>test-ue.attach: random-access</c> the two are one UE: the phy-test
/// traffic (DCIs followed, PUSCH sent) starts only once the contention resolution made the configured C-RNTI its own.
/// Allocation-free after construction except while decoding the response and the Msg4 (once per procedure).
/// </para>
/// <para>
/// Downlink (<c>dl-harq-feedback: pucch</c>, <see cref="TestUeDownlink"/>): the test UE hears the gNB's samples through
/// the optional downlink channel (noise, fading, frequency offset), finds its DCI, decodes its PDSCH with HARQ soft
/// combining and answers ACK/NACK on PUCCH; its uplink leaves through the optional uplink channel.
/// </para>
/// </summary>
public sealed class TestUeUplinkChannel : ISampleChannel
{
    private readonly CellSetup _cell;
    private readonly SlotClock _clock;
    private readonly CellSchedule _schedule;
    private readonly PuschConfiguration _pusch;
    private readonly SharedChannelTransmitter _processor = new(1);
    private readonly OfdmModulator _ofdm;
    private readonly ResourceGrid _grid;
    private readonly ComplexF32[] _slot;
    private readonly byte[] _bits;
    private readonly byte[] _bytes;
    private readonly int _delay;
    private readonly float _scale;
    private readonly TestUeRandomAccess? _randomAccess;
    private readonly TestUeHarqFeedback? _harq;
    private readonly TestUeDownlink? _downlink;
    private readonly TestUeUplinkHarq? _uplinkHarq;
    private readonly ISampleChannel? _downlinkChannel;
    private readonly ISampleChannel? _uplinkChannel;
    private readonly long _steadyStateFrom;
    private readonly bool _pucchOverlapsPusch;
    private readonly PhyTestScheduler _scheduler;
    private readonly byte[] _uciBits = new byte[8];
    private ComplexF32[] _air = [];
    private readonly OfdmDemodulator _downlinkOfdm;
    private readonly ResourceGrid _downlinkGrid;
    private readonly ComplexF32[] _downlinkSlot;
    private readonly ComplexF32[] _mix;
    private ComplexF32[] _lastRx = [];
    private long _lastTimestamp = -1;
    private int _lastCount;
    private long _listenSlot = -1;
    private int _listenFilled;
    private long _slotIndex = -1;
    private int _slotLength;
    private bool _slotEmpty;

    /// <summary>Emulates the test UE of <paramref name="cell"/> with an extra delay of <paramref name="delaySamples"/>.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="delaySamples">The propagation delay.</param>
    /// <param name="randomAccessSlot">The slot from which the random-access UE looks for a PRACH occasion (−1: none).</param>
    /// <param name="preambleIndex">Its preamble index.</param>
    /// <param name="bler">With PUCCH feedback: the probability of a NACK.</param>
    /// <param name="dtx">With PUCCH feedback: the probability of missing an assignment (no feedback).</param>
    /// <param name="downlinkChannel">The channel from the gNB to the UE (null: ideal).</param>
    /// <param name="uplinkChannel">The channel from the UE to the gNB (null: ideal).</param>
    public TestUeUplinkChannel(
        CellSetup cell, int delaySamples, long randomAccessSlot = -1, int preambleIndex = 0, double bler = 0, double dtx = 0, ISampleChannel? downlinkChannel = null, ISampleChannel? uplinkChannel = null)
    {
        ArgumentNullException.ThrowIfNull(cell);
        _cell = cell;
        _clock = new SlotClock(cell.Timing);
        _schedule = new CellSchedule(cell);
        var scheduler = new PhyTestScheduler(cell);
        _scheduler = scheduler;
        _pusch = scheduler.UePusch;
        _ofdm = new OfdmModulator(new OfdmConfiguration { Timing = cell.Timing, NSizeGrid = cell.NRb, CarrierFrequencyHz = cell.UplinkCenterHz, Scaling = OfdmScaling.Unitary });
        _grid = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, cell.NRb * NrConstants.SubcarriersPerRb);
        _slot = new ComplexF32[_clock.MaxSlotSampleCount];
        int tbs = _processor.TransportBlockSize(_pusch);
        _bits = new byte[tbs];
        _bytes = new byte[tbs / 8];
        _delay = delaySamples;
        _scale = (float)cell.Options.Radio.BasebandScale;
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

        _downlinkChannel = downlinkChannel;
        _uplinkChannel = uplinkChannel;
        if (cell.Options.Pucch.Count > 0)
        {
            (int first, int last) = CellPucch.Prbs(cell, 0);
            _pucchOverlapsPusch = first <= cell.Uplink.StartPrb + cell.Uplink.PrbCount - 1 && last >= cell.Uplink.StartPrb;
        }

        // Steady state: after the random access (its response and Msg3 allocate once) and every kind of slot has been seen.
        _steadyStateFrom = _clock.SlotStart(Math.Max(400, randomAccessSlot + 300));

        _downlinkOfdm = new OfdmDemodulator(new OfdmConfiguration { Timing = cell.Timing, NSizeGrid = cell.NRb, CarrierFrequencyHz = cell.DownlinkCenterHz, Scaling = OfdmScaling.Unitary });
        _downlinkGrid = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, cell.NRb * NrConstants.SubcarriersPerRb);
        _downlinkGrid.Configure(1, NrConstants.SymbolsPerSlotNormalCp, cell.NRb, 0);
        _downlinkSlot = new ComplexF32[_clock.MaxSlotSampleCount];
        _mix = new ComplexF32[_clock.MaxSlotSampleCount];
    }

    /// <summary>The test UE's HARQ feedback (null unless <c>dl-harq-feedback: pucch</c>).</summary>
    public TestUeHarqFeedback? HarqFeedback => _harq;

    /// <summary>The test UE's downlink receiver (null unless <c>dl-harq-feedback: pucch</c>).</summary>
    public TestUeDownlink? Downlink => _downlink;

    /// <summary>The test UE's uplink HARQ entity, which follows its grants (null unless <c>dl-harq-feedback: pucch</c>).</summary>
    public TestUeUplinkHarq? UplinkHarq => _uplinkHarq;

    /// <summary>Bytes this channel (the emulated UEs and their channels) allocated from slot 400 on (or 300 slots after the random access): 0 in steady state.</summary>
    public long SteadyStateAllocatedBytes { get; private set; }

    /// <summary>Stopwatch ticks spent in this channel (the emulated UEs, their OFDM and channels).</summary>
    public long ProcessingTicks { get; private set; }

    /// <summary>The random-access UE (null when PRACH is disabled in the cell).</summary>
    public TestUeRandomAccess? RandomAccess => _randomAccess;

    /// <summary>
    /// Whether the test UE follows its C-RNTI: always with <c>test-ue.attach: preconfigured</c>; with <c>random-access</c>
    /// once the random-access UE's contention resolution made the configured C-RNTI its own (the promoted TC-RNTI).
    /// </summary>
    public bool TestUeAttached => !_cell.Options.TestUe.AttachByRandomAccess || _randomAccess?.CRnti == _cell.Options.TestUe.Rnti;

    /// <summary>Transport blocks transmitted.</summary>
    public long TransportBlocks { get; private set; }

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<ComplexF32> tx, Span<ComplexF32> rx, long timestampSamples)
    {
        ThrowHelper.ThrowIfLengthDiffers(rx.Length, tx.Length, nameof(rx));
        long start = Stopwatch.GetTimestamp();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        if (_lastRx.Length < rx.Length)
        {
            _lastRx = new ComplexF32[rx.Length];
            _air = new ComplexF32[rx.Length];
        }

        // What the UE hears: the gNB's samples through the downlink channel; what the gNB hears: the UE's through the uplink one.
        ReadOnlySpan<ComplexF32> heard = tx;
        if (_downlinkChannel is not null)
        {
            _downlinkChannel.Apply(tx, _air.AsSpan(0, tx.Length), timestampSamples);
            heard = _air.AsSpan(0, tx.Length);
        }

        Produce(heard, rx, timestampSamples);
        if (_uplinkChannel is not null)
        {
            rx.CopyTo(_air);
            _uplinkChannel.Apply(_air.AsSpan(0, rx.Length), rx, timestampSamples);
        }

        rx.CopyTo(_lastRx);
        _lastTimestamp = timestampSamples;
        _lastCount = rx.Length;
        ProcessingTicks += Stopwatch.GetTimestamp() - start;
        if (timestampSamples >= _steadyStateFrom)
        {
            SteadyStateAllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
        }
    }

    /// <summary>
    /// What the other receive antennas hear: the same UE signal (one transmit antenna, ideal channels), copied from the
    /// last <see cref="Apply"/> of this channel at the same timestamp (the loopback radio applies antenna 0 first).
    /// </summary>
    internal void Mirror(Span<ComplexF32> rx, long timestampSamples)
    {
        if (_lastTimestamp == timestampSamples && _lastCount == rx.Length)
        {
            _lastRx.AsSpan(0, rx.Length).CopyTo(rx);
        }
        else
        {
            rx.Clear();
        }
    }

    private void Produce(ReadOnlySpan<ComplexF32> heard, Span<ComplexF32> rx, long timestampSamples)
    {
        if (_downlink is not null || _randomAccess?.AwaitsResponse == true)
        {
            Listen(heard, timestampSamples);
        }

        int done = 0;
        while (done < rx.Length)
        {
            long t = timestampSamples + done - _delay;
            if (t < 0)
            {
                int zeros = (int)Math.Min(-t, rx.Length - done);
                rx.Slice(done, zeros).Clear();
                done += zeros;
                continue;
            }

            long slot = _clock.SlotAt(t);
            if (slot != _slotIndex)
            {
                Generate(slot);
            }

            int offset = (int)(t - _clock.SlotStart(slot));
            int take = Math.Min(_slotLength - offset, rx.Length - done);
            if (_slotEmpty)
            {
                rx.Slice(done, take).Clear();
            }
            else
            {
                _slot.AsSpan(offset, take).CopyTo(rx[done..]);
            }

            done += take;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        _slotIndex = -1;
        _listenSlot = -1;
        _randomAccess?.Reset();
        _harq?.Reset();
        _downlink?.Reset();
        _uplinkHarq?.Reset();
        _downlinkChannel?.Reset();
        _uplinkChannel?.Reset();
    }

    /// <summary>Buffers the gNB's transmitted samples per slot and hands each complete slot, demodulated, to the listening UEs.</summary>
    private void Listen(ReadOnlySpan<ComplexF32> tx, long timestampSamples)
    {
        int done = 0;
        while (done < tx.Length)
        {
            long t = timestampSamples + done;
            long slot = _clock.SlotAt(t);
            int offset = (int)(t - _clock.SlotStart(slot));
            if (slot != _listenSlot)
            {
                _listenSlot = slot;
                _listenFilled = offset == 0 ? 0 : -1;
            }

            int length = _clock.SlotLength(slot);
            int take = Math.Min(length - offset, tx.Length - done);
            if (_listenFilled == offset)
            {
                tx.Slice(done, take).CopyTo(_downlinkSlot.AsSpan(offset));
                _listenFilled += take;
                if (_listenFilled == length && _cell.DownlinkSymbolMask(slot) != 0)
                {
                    _downlinkOfdm.Demodulate(_downlinkSlot.AsSpan(0, length), (int)(slot % _cell.SlotsPerFrame), _downlinkGrid, 0);
                    if (TestUeAttached)
                    {
                        _downlink?.OnDownlinkSlot(slot, _downlinkGrid);
                    }

                    _randomAccess?.OnDownlinkSlot(slot, _downlinkGrid);
                }
            }

            done += take;
        }
    }

    private void Generate(long slot)
    {
        _slotIndex = slot;
        _slotLength = _clock.SlotLength(slot);
        Span<ComplexF32> samples = _slot.AsSpan(0, _slotLength);
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
                int harqAck = _cell.Options.TestUe.UciOnPusch && _harq is not null ? _harq.TakeDue(slot, _uciBits) : 0;
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
                && !(_pucchOverlapsPusch && _randomAccess?.SendsUplinkControl(slot) == true);
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
        _slotEmpty = !pusch && !randomAccess && !pucch;
        if (randomAccess)
        {
            // The random-access UE's Msg3 or preamble, plus the test UE's PUCCH if it has one in this slot.
            if (pucch)
            {
                Span<ComplexF32> mix = _mix.AsSpan(0, _slotLength);
                _ofdm.Modulate(_grid, 0, slotInFrame, mix);
                ComplexKernels.Add(samples, mix, samples);
            }

            ComplexKernels.Scale(samples, _scale, samples);
            return;
        }

        if (!pusch && !pucch)
        {
            return;
        }

        _ofdm.Modulate(_grid, 0, slotInFrame, samples);
        ComplexKernels.Scale(samples, _scale, samples);
        TransportBlocks += pusch ? 1 : 0;
    }
}
