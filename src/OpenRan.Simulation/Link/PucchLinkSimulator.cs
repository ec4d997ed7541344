using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.Channels.Pucch;
using OpenRan.Simulation.Channels;
using OpenRan.Simulation.Randomness;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Link;

/// <summary>
/// The PUCCH link at sample level, one occasion per slot: UCI for the test (all ACK, all NACK, nothing, or random CSI) →
/// <see cref="PucchTransmitter"/> → OFDM modulation of the PUCCH symbols (TS 38.211 §5.3) → propagation channel and AWGN
/// (<see cref="LinkChannel"/>) → OFDM demodulation per receive antenna → <see cref="PucchReceiver"/> → the counts of the test
/// (<see cref="PucchTest"/>). One instance per worker; every buffer sized at construction, so an occasion allocates nothing.
/// </summary>
/// <remarks>
/// Every occasion draws its own channel realisation and noise (seeds derived from the work unit and the occasion index), and
/// only its own symbols are propagated: the channel starts from silence at the occasion's first cyclic prefix, exactly as
/// the empty symbols before a PUCCH in the TS 38.104 test, and its delay spread and filter latency stay inside the cyclic
/// prefix. Occasions are therefore independent, which makes error rates converge faster than over one continuously fading
/// channel, with the same statistics. The slot number cycles through the frame so sequence and cyclic-shift hopping vary.
/// LinkCounters: Slots = occasions, Transmissions = trials (HARQ-ACK bits, or occasions for UCI BLER), TransmissionErrors = errors.
/// </remarks>
public sealed class PucchLinkSimulator : IWorkUnitSimulator
{
    private readonly PucchLinkSetup _setup;
    private readonly LinkChannel _channel;
    private readonly PucchTransmitter _transmitter = new();
    private readonly PucchReceiver _receiver;
    private readonly PucchUciMessage _message = new();
    private readonly RandomStream _data = new(0);
    private readonly ResourceGrid _txGrid;
    private readonly ResourceGrid _rxGrid;
    private readonly OfdmModulator _modulator;
    private readonly OfdmDemodulator _demodulator;
    private readonly ComplexF32[] _txSamples;
    private readonly ComplexF32[] _rxSamples;
    private readonly byte[] _harqAck;
    private readonly byte[] _sr;
    private readonly byte[] _csiPart1;
    private readonly byte[] _csiPart2;

    /// <summary>Builds the link for <paramref name="setup"/> (allocates every buffer).</summary>
    public PucchLinkSimulator(PucchLinkSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _setup = setup;
        PucchLinkOptions o = setup.Options;
        _channel = new LinkChannel(setup.Propagation, setup.Ofdm.Timing.SampleRateHz, 1, o.RxAntennas, LinkDirection.Uplink);
        _receiver = new PucchReceiver(new PucchReceiverOptions { FalseAlarmProbability = o.FalseAlarmProbability });
        int subcarriers = o.GridPrbs * NrConstants.SubcarriersPerRb;
        _txGrid = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, subcarriers);
        _rxGrid = new ResourceGrid(o.RxAntennas, NrConstants.SymbolsPerSlotNormalCp, subcarriers);
        _modulator = new OfdmModulator(setup.Ofdm);
        _demodulator = new OfdmDemodulator(setup.Ofdm);
        int maxSlotSamples = setup.Ofdm.Timing.MaxSlotSampleCount;
        _txSamples = new ComplexF32[maxSlotSamples];
        _rxSamples = new ComplexF32[o.RxAntennas * maxSlotSamples];
        _harqAck = new byte[o.Sizes.HarqAckBitCount];
        _sr = new byte[o.Sizes.SrBitCount];
        _csiPart1 = new byte[o.Sizes.CsiPart1BitCount];
        _csiPart2 = new byte[o.Sizes.CsiPart2BitCount];
    }

    /// <summary>The setup.</summary>
    public PucchLinkSetup Setup => _setup;

    /// <summary>The result of the last occasion.</summary>
    public PucchReceiveResult LastResult { get; private set; }

    /// <inheritdoc />
    public LinkCounters Run(in WorkUnit unit)
    {
        ulong channelSeed = unit.StreamSeed(RandomStreamKind.Channel);
        ulong noiseSeed = unit.StreamSeed(RandomStreamKind.Noise);
        _data.Reset(unit.StreamSeed(RandomStreamKind.Data));
        _channel.NoiseVariance = _setup.NoiseVariance(unit.SnrDb);
        long trials = 0, errors = 0;
        for (int i = 0; i < unit.SlotCount; i++)
        {
            _channel.Reset(SeedSequence.Derive(channelSeed, (ulong)i), SeedSequence.Derive(noiseSeed, (ulong)i));
            (int t, int e) = Occasion(((unit.BatchIndex * unit.SlotCount) + i) % _setup.Numerology.SlotsPerFrame);
            trials += t;
            errors += e;
        }

        return new LinkCounters
        {
            Slots = unit.SlotCount,
            Transmissions = trials,
            TransmissionErrors = errors,
            TransportBlocks = unit.SlotCount,
        };
    }

    /// <summary>Simulates one occasion in slot <paramref name="slot"/> of the frame; returns (trials, errors) of the test.</summary>
    private (int Trials, int Errors) Occasion(int slot)
    {
        PucchLinkOptions o = _setup.Options;
        PucchConfiguration c = o.Configuration;
        PucchTest test = o.Test;
        _harqAck.AsSpan().Fill(test == PucchTest.AckMissed ? (byte)1 : (byte)0);
        _sr.AsSpan().Clear();
        if (test == PucchTest.UciBler)
        {
            _data.NextBits(_harqAck);
            _data.NextBits(_sr);
            _data.NextBits(_csiPart1);
            _data.NextBits(_csiPart2);
        }

        for (int l = c.StartSymbol; l < c.StartSymbol + c.SymbolCount; l++)
        {
            _txGrid.Symbol(0, l).Clear();
        }

        if (test != PucchTest.DtxToAck)
        {
            _transmitter.Transmit(c, new PucchUciPayload(_harqAck, _sr, _csiPart1, _csiPart2), slot, _txGrid);
        }

        // The PUCCH symbols only: OFDM, channel from silence, noise, OFDM demodulation per receive antenna.
        OfdmTiming timing = _setup.Ofdm.Timing;
        int first = timing.FirstSymbolOfSlot(slot) + c.StartSymbol;
        int n = timing.SymbolOffset(first + c.SymbolCount - 1) + timing.CyclicPrefixLength(first + c.SymbolCount - 1) + timing.FftSize - timing.SymbolOffset(first);
        Span<ComplexF32> tx = _txSamples.AsSpan(0, n);
        _modulator.Modulate(_txGrid, 0, slot, c.StartSymbol, c.SymbolCount, tx);
        Span<ComplexF32> rx = _rxSamples.AsSpan(0, o.RxAntennas * n);
        _channel.Process(tx, rx, n);
        for (int r = 0; r < o.RxAntennas; r++)
        {
            _demodulator.Demodulate(rx.Slice(r * n, n), slot, c.StartSymbol, c.SymbolCount, _rxGrid, r);
        }

        PucchReceiveResult result = _receiver.Receive(_rxGrid, c, o.Sizes, slot, _message);
        LastResult = result;
        return Count(test, result);
    }

    private (int Trials, int Errors) Count(PucchTest test, PucchReceiveResult result)
    {
        bool valid = result.IsValid;
        ReadOnlySpan<byte> harq = _message.HarqAck;
        int acks = 0;
        for (int i = 0; i < harq.Length; i++)
        {
            acks += harq[i] & 1;
        }

        switch (test)
        {
            case PucchTest.AckMissed:
                return (_harqAck.Length, _harqAck.Length - (valid ? acks : 0));
            case PucchTest.NackToAck:
            case PucchTest.DtxToAck:
                return (_harqAck.Length, valid ? acks : 0);
            default:
                bool right = valid && harq.SequenceEqual(_harqAck) && _message.Sr.SequenceEqual(_sr)
                    && _message.CsiPart1.SequenceEqual(_csiPart1) && _message.CsiPart2.SequenceEqual(_csiPart2);
                return (1, right ? 0 : 1);
        }
    }
}
