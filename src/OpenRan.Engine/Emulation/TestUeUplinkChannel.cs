using System;
using System.Diagnostics;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Timing;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
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
    private readonly TestUeSlotProcessor _ue;
    private readonly ComplexF32[] _slot;
    private readonly int _delay;
    private readonly ISampleChannel? _downlinkChannel;
    private readonly ISampleChannel? _uplinkChannel;
    private readonly long _steadyStateFrom;
    private ComplexF32[] _air = [];
    private readonly OfdmDemodulator _downlinkOfdm;
    private readonly ResourceGrid _downlinkGrid;
    private readonly ComplexF32[] _downlinkSlot;
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
        _ue = new TestUeSlotProcessor(cell, randomAccessSlot, preambleIndex, bler, dtx);
        _slot = new ComplexF32[_clock.MaxSlotSampleCount];
        _delay = delaySamples;
        _downlinkChannel = downlinkChannel;
        _uplinkChannel = uplinkChannel;
        // Steady state: after the random access (its response and Msg3 allocate once) and every kind of slot has been seen.
        _steadyStateFrom = _clock.SlotStart(Math.Max(400, randomAccessSlot + 300));

        _downlinkOfdm = new OfdmDemodulator(new OfdmConfiguration { Timing = cell.Timing, NSizeGrid = cell.NRb, CarrierFrequencyHz = cell.DownlinkCenterHz, Scaling = OfdmScaling.Unitary });
        _downlinkGrid = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, cell.NRb * NrConstants.SubcarriersPerRb);
        _downlinkGrid.Configure(1, NrConstants.SymbolsPerSlotNormalCp, cell.NRb, 0);
        _downlinkSlot = new ComplexF32[_clock.MaxSlotSampleCount];
    }

    /// <summary>The test UE's HARQ feedback (null unless <c>dl-harq-feedback: pucch</c>).</summary>
    public TestUeHarqFeedback? HarqFeedback => _ue.HarqFeedback;

    /// <summary>The test UE's downlink receiver (null unless <c>dl-harq-feedback: pucch</c>).</summary>
    public TestUeDownlink? Downlink => _ue.Downlink;

    /// <summary>The test UE's uplink HARQ entity, which follows its grants (null unless <c>dl-harq-feedback: pucch</c>).</summary>
    public TestUeUplinkHarq? UplinkHarq => _ue.UplinkHarq;

    /// <summary>Bytes this channel (the emulated UEs and their channels) allocated from slot 400 on (or 300 slots after the random access): 0 in steady state.</summary>
    public long SteadyStateAllocatedBytes { get; private set; }

    /// <summary>Stopwatch ticks spent in this channel (the emulated UEs, their OFDM and channels).</summary>
    public long ProcessingTicks { get; private set; }

    /// <summary>The random-access UE (null when PRACH is disabled in the cell).</summary>
    public TestUeRandomAccess? RandomAccess => _ue.RandomAccess;

    /// <inheritdoc cref="TestUeSlotProcessor.TestUeAttached"/>
    public bool TestUeAttached => _ue.TestUeAttached;

    /// <summary>Transport blocks transmitted.</summary>
    public long TransportBlocks => _ue.TransportBlocks;

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
        if (_ue.Listens)
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
        _ue.Reset();
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
                    _ue.OnDownlinkSlot(slot, _downlinkGrid);
                }
            }

            done += take;
        }
    }

    private void Generate(long slot)
    {
        _slotIndex = slot;
        _slotLength = _clock.SlotLength(slot);
        _slotEmpty = !_ue.MakeUplinkSlot(slot, _slot.AsSpan(0, _slotLength));
    }
}
