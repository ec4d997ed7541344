using System;
using System.Collections.Generic;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Timing;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Radio;
using OpenRan.Radio.Channels;

namespace OpenRan.Engine.Emulation;

/// <summary>
/// A loopback channel (<c>model=test-ue</c>) whose receiver hears the phy-test UE instead of the gNB's own downlink: in
/// every whole uplink slot it transmits the PUSCH the phy-test scheduler grants (its configuration, a fresh pseudo-random
/// transport block, redundancy version 0), OFDM-modulated at the uplink centre frequency, delayed by <c>ue_delay</c>
/// samples. It does not decode the downlink (that is the test-UE runtime's job), so it never retransmits: it exercises
/// the gNB's uplink chain, measurements and timing-advance loop with decodable traffic. Allocation-free after construction.
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
    private long _slotIndex = -1;
    private int _slotLength;
    private bool _slotEmpty;

    /// <summary>Emulates the test UE of <paramref name="cell"/> with an extra delay of <paramref name="delaySamples"/>.</summary>
    public TestUeUplinkChannel(CellSetup cell, int delaySamples)
    {
        ArgumentNullException.ThrowIfNull(cell);
        _cell = cell;
        _clock = new SlotClock(cell.Timing);
        _schedule = new CellSchedule(cell);
        var scheduler = new PhyTestScheduler(cell);
        _pusch = scheduler.UePusch;
        _ofdm = new OfdmModulator(new OfdmConfiguration { Timing = cell.Timing, NSizeGrid = cell.NRb, CarrierFrequencyHz = cell.UplinkCenterHz, Scaling = OfdmScaling.Unitary });
        _grid = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, cell.NRb * NrConstants.SubcarriersPerRb);
        _slot = new ComplexF32[_clock.MaxSlotSampleCount];
        int tbs = _processor.TransportBlockSize(_pusch);
        _bits = new byte[tbs];
        _bytes = new byte[tbs / 8];
        _delay = delaySamples;
        _scale = (float)cell.Options.Radio.BasebandScale;
    }

    /// <summary>Transport blocks transmitted.</summary>
    public long TransportBlocks { get; private set; }

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<ComplexF32> tx, Span<ComplexF32> rx, long timestampSamples)
    {
        ThrowHelper.ThrowIfLengthDiffers(rx.Length, tx.Length, nameof(rx));
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
    public void Reset() => _slotIndex = -1;

    private void Generate(long slot)
    {
        _slotIndex = slot;
        _slotLength = _clock.SlotLength(slot);
        _slotEmpty = !_cell.Options.TestUe.Enabled || !_schedule.IsFullUplink(slot);
        if (_slotEmpty)
        {
            return;
        }

        int slotInFrame = (int)(slot % _cell.SlotsPerFrame);
        MacPdu.FillPseudoRandom(_bytes, (ulong)slot * 0x9E3779B97F4A7C15UL);
        BitPacking.Unpack(_bytes, _bits);
        _processor.Process(_pusch, _bits, 0, slotInFrame, _grid);
        Span<ComplexF32> samples = _slot.AsSpan(0, _slotLength);
        _ofdm.Modulate(_grid, 0, slotInFrame, samples);
        ComplexKernels.Scale(samples, _scale, samples);
        TransportBlocks++;
    }
}

/// <summary>The <c>model=test-ue</c> provider of the loopback driver, bound to a cell (<c>ue_delay=SAMPLES</c>).</summary>
/// <param name="cell">The cell whose test UE is emulated.</param>
public sealed class TestUeUplinkChannelProvider(CellSetup cell) : ISampleChannelProvider
{
    /// <inheritdoc />
    public string Name => "test-ue";

    /// <inheritdoc />
    public IReadOnlyList<RadioArgumentSpec> Arguments => [new("ue_delay", "[test-ue] extra propagation delay of the emulated UE in samples, 0..10000 (default 0)")];

    /// <inheritdoc />
    public void Validate(RadioArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        _ = arguments.GetInt64("ue_delay", 0, 0, 10_000);
    }

    /// <inheritdoc />
    public ISampleChannel Create(RadioArguments arguments, int txChannel, int rxChannel, double sampleRateHz)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return new TestUeUplinkChannel(cell, (int)arguments.GetInt64("ue_delay", 0, 0, 10_000));
    }
}
