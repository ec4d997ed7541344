using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelEstimation;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Simulation.Channels;
using OpenRan.Simulation.Configuration;
using OpenRan.Simulation.Randomness;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Link;

/// <summary>
/// The whole PUSCH or PDSCH link at sample level, one slot at a time: transport block → UL-SCH/DL-SCH encoding with the
/// HARQ redundancy version (TS 38.212 §6.2/§7.2) → scrambling, modulation, layer mapping, DM-RS and RE mapping (TS 38.211
/// §6.3.1/§7.3.1) → OFDM modulation per transmit antenna (§5.3) → propagation channel, impairments and AWGN
/// (<see cref="LinkChannel"/>) → OFDM demodulation per receive antenna → DM-RS channel estimation, equalization and soft
/// demapping → descrambling, rate dematching with HARQ soft combining, LDPC decoding and CRC. One instance per worker;
/// every buffer is sized at construction, so a slot allocates nothing.
/// </summary>
/// <remarks>
/// Timing: the receiver demodulates the channel output as it comes, so every path arrives
/// <see cref="IPropagationChannel.LatencySamples"/> samples (the fractional-delay filters' latency, 7 samples = 0.23 µs at
/// 30.72 Msps) later than its delay; latency plus delay spread stay well within the cyclic prefix for every NR numerology
/// and TDL profile of the requirements, and the channel estimator (or the perfect channel) includes that delay.
/// The channel runs continuously over the slots of a work unit, so the fading is correlated in time as it should be, and
/// HARQ retransmissions see the channel <see cref="LinkSimulationOptions.HarqProcesses"/> slots later.
/// With perfect channel knowledge the receiver skips the DM-RS estimation and equalizes with the true frequency response of
/// the propagation channel at the centre of every OFDM symbol (<see cref="MultipathFadingChannel.FrequencyResponse"/>: the
/// filters the channel applied, latency included) and the true noise variance per RE (N_FFT·σ²); CFO and
/// phase noise are not part of that knowledge.
/// </remarks>
public sealed class SharedChannelLinkSimulator : IWorkUnitSimulator, IHarqTransmission
{
    private readonly LinkSetup _setup;
    private readonly HarqScheduler _harq;
    private readonly LinkChannel _channel;
    private readonly RandomStream _data = new(0);
    private readonly SharedChannelEncoder _encoder = new();
    private readonly SharedChannelDecoder _decoder;
    private readonly SharedChannelSoftBuffer[] _softBuffers;
    private readonly byte[][] _transportBlocks;
    private readonly byte[] _decoded;
    private readonly byte[] _codeword;
    private readonly sbyte[] _llrs;
    private readonly ResourceGrid _txGrid;
    private readonly ResourceGrid _rxGrid;
    private readonly OfdmModulator _ofdmModulator;
    private readonly OfdmDemodulator _ofdmDemodulator;
    private readonly PuschModulator? _puschModulator;
    private readonly PuschDemodulator? _puschDemodulator;
    private readonly PdschModulator? _pdschModulator;
    private readonly PdschDemodulator? _pdschDemodulator;
    private readonly ComplexF32[] _txSamples;
    private readonly ComplexF32[] _rxSamples;
    private readonly ChannelEstimate? _knownChannel;
    private readonly ChannelFrequencyResponsePlan? _responsePlan;
    private readonly ComplexF32[] _response = [];

    /// <summary>Builds the link for <paramref name="setup"/> (allocates every buffer).</summary>
    public SharedChannelLinkSimulator(LinkSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _setup = setup;
        LinkSimulationOptions o = setup.Options;
        _harq = new HarqScheduler(o.HarqProcesses, o.HarqMaxTransmissions, o.RvSequence);
        _channel = new LinkChannel(setup.Propagation, setup.SampleRateHz, o.TxAntennas, o.RxAntennas, setup.Direction);
        int codeBlocks = setup.Coding.Segmentation.CodeBlockCount;
        _decoder = new SharedChannelDecoder(LdpcDecoderFactory.Create(LdpcDecoderFactory.Auto, LdpcDecoderOptions.Default), codeBlocks);
        _softBuffers = new SharedChannelSoftBuffer[o.HarqProcesses];
        _transportBlocks = new byte[o.HarqProcesses][];
        for (int p = 0; p < o.HarqProcesses; p++)
        {
            _softBuffers[p] = new SharedChannelSoftBuffer(codeBlocks, setup.Coding.CircularBufferLength);
            _transportBlocks[p] = new byte[setup.TransportBlockSize];
        }

        _decoded = new byte[setup.TransportBlockSize];
        _codeword = new byte[setup.CodewordLength];
        _llrs = new sbyte[setup.CodewordLength];
        int subcarriers = o.GridPrbs * NrConstants.SubcarriersPerRb;
        _txGrid = new ResourceGrid(setup.GridPortCount, NrConstants.SymbolsPerSlotNormalCp, subcarriers);
        _txGrid.Configure(setup.GridPortCount, NrConstants.SymbolsPerSlotNormalCp, o.GridPrbs);
        _rxGrid = new ResourceGrid(o.RxAntennas, NrConstants.SymbolsPerSlotNormalCp, subcarriers);
        _rxGrid.Configure(o.RxAntennas, NrConstants.SymbolsPerSlotNormalCp, o.GridPrbs);
        _ofdmModulator = new OfdmModulator(setup.Ofdm);
        _ofdmDemodulator = new OfdmDemodulator(setup.Ofdm);
        if (setup.Channel is PuschConfiguration)
        {
            _puschModulator = new PuschModulator(o.Layers);
            _puschDemodulator = new PuschDemodulator(o.RxAntennas, o.Layers);
        }
        else
        {
            _pdschModulator = new PdschModulator(o.Layers);
            _pdschDemodulator = new PdschDemodulator(o.RxAntennas, o.Layers);
        }

        if (o.ChannelEstimation == ChannelKnowledge.Perfect)
        {
            // Baseband frequency of every allocated subcarrier (allocation order, as the channel estimate stores it):
            // grid subcarrier k sits at (k − K/2)·Δf (TS 38.211 §5.3.1 with the grid centred on DC).
            SharedChannelLayout layout = _puschDemodulator is not null
                ? _puschDemodulator.Layout((PuschConfiguration)setup.Channel)
                : _pdschDemodulator!.Layout((PdschConfiguration)setup.Channel);
            var frequencies = new double[layout.SubcarrierCount];
            double scs = setup.Numerology.SubcarrierSpacingHz;
            for (int x = 0; x < frequencies.Length; x++)
            {
                int k = layout.GridSubcarrierOfBlock(x / NrConstants.SubcarriersPerRb) + (x % NrConstants.SubcarriersPerRb);
                frequencies[x] = (k - (subcarriers / 2.0)) * scs;
            }

            _responsePlan = _channel.Fading.CreateFrequencyResponsePlan(frequencies, timingReferenceSamples: 0);
            _response = new ComplexF32[o.RxAntennas * o.TxAntennas * frequencies.Length];
            _knownChannel = _puschDemodulator?.ChannelEstimate ?? _pdschDemodulator!.ChannelEstimate;
        }

        int maxSlotSamples = setup.Ofdm.Timing.MaxSlotSampleCount;
        _txSamples = new ComplexF32[o.TxAntennas * maxSlotSamples];
        _rxSamples = new ComplexF32[o.RxAntennas * maxSlotSamples];
    }

    /// <summary>The setup.</summary>
    public LinkSetup Setup => _setup;

    /// <summary>The receiver's channel estimate of the last slot (for tests and diagnostics).</summary>
    internal ChannelEstimate LastChannelEstimate => _puschDemodulator?.ChannelEstimate ?? _pdschDemodulator!.ChannelEstimate;

    /// <inheritdoc />
    public LinkCounters Run(in WorkUnit unit)
    {
        _channel.Reset(unit.StreamSeed(RandomStreamKind.Channel), unit.StreamSeed(RandomStreamKind.Noise));
        _channel.NoiseVariance = _setup.NoiseVariance(unit.SnrDb);
        _data.Reset(unit.StreamSeed(RandomStreamKind.Data));
        foreach (SharedChannelSoftBuffer buffer in _softBuffers)
        {
            buffer.Reset();
        }

        return _harq.Run(unit.SlotCount, _setup.TransportBlockSize, this);
    }

    /// <inheritdoc />
    public bool Transmit(int slot, int harqProcess, int redundancyVersion, bool newData)
    {
        LinkSimulationOptions o = _setup.Options;
        int slotInFrame = slot % _setup.SlotsPerFrame;
        byte[] transportBlock = _transportBlocks[harqProcess];
        if (newData)
        {
            _data.NextBits(transportBlock);
        }

        // Transmitter: coding, modulation and mapping, OFDM per antenna (antenna a carries grid port a).
        _encoder.Encode(transportBlock, _setup.Coding, redundancyVersion, _codeword);
        _txGrid.Clear();
        if (_puschModulator is not null)
        {
            _puschModulator.Modulate((PuschConfiguration)_setup.Channel, _codeword, slotInFrame, _txGrid);
        }
        else
        {
            _pdschModulator!.Modulate((PdschConfiguration)_setup.Channel, _codeword, slotInFrame, _txGrid);
        }

        int n = _ofdmModulator.SlotSampleCount(slotInFrame);
        Span<ComplexF32> tx = _txSamples.AsSpan(0, o.TxAntennas * n);
        for (int a = 0; a < o.TxAntennas; a++)
        {
            Span<ComplexF32> antenna = tx.Slice(a * n, n);
            if (a < _setup.GridPortCount)
            {
                _ofdmModulator.Modulate(_txGrid, a, slotInFrame, antenna);
            }
            else
            {
                antenna.Clear();
            }
        }

        // Channel, impairments and noise.
        long slotStart = _channel.Fading.SampleTime;
        Span<ComplexF32> rx = _rxSamples.AsSpan(0, o.RxAntennas * n);
        _channel.Process(tx, rx, n);

        // Receiver: OFDM demodulation per antenna, slot-aligned with the transmitter.
        for (int r = 0; r < o.RxAntennas; r++)
        {
            _ofdmDemodulator.Demodulate(rx.Slice(r * n, n), slotInFrame, _rxGrid, r);
        }

        bool known = _knownChannel is not null;
        if (known)
        {
            FillKnownChannel(slotInFrame, slotStart);
        }

        if (_puschDemodulator is not null)
        {
            _puschDemodulator.Demodulate((PuschConfiguration)_setup.Channel, _rxGrid, slotInFrame, _llrs, known);
        }
        else
        {
            _pdschDemodulator!.Demodulate((PdschConfiguration)_setup.Channel, _rxGrid, slotInFrame, _llrs, known);
        }

        SharedChannelDecodeResult result = _decoder.Decode(_llrs, _setup.Coding, redundancyVersion, _softBuffers[harqProcess], newData, _decoded);
        return result.CrcPassed;
    }

    /// <summary>Writes the true channel of every allocated symbol and the true noise into the demodulator's estimate.</summary>
    private void FillKnownChannel(int slotInFrame, long slotStart)
    {
        LinkSimulationOptions o = _setup.Options;
        ChannelEstimate estimate = _knownChannel!;
        OfdmTiming timing = _setup.Ofdm.Timing;
        int k = _responsePlan!.FrequencyCount;
        estimate.Reset(o.RxAntennas, o.Layers, k);
        int firstSymbol = timing.FirstSymbolOfSlot(slotInFrame);
        int slotOffset = timing.SlotOffsetInSubframe(slotInFrame);
        for (int l = o.SymbolStart; l < o.SymbolStart + o.SymbolCount; l++)
        {
            // Centre of the FFT window of symbol l, as an index of the channel's output stream.
            long centre = slotStart + (timing.UsefulPartOffset(firstSymbol + l) - slotOffset) + (timing.FftSize / 2);
            _channel.Fading.FrequencyResponse(_responsePlan, centre, _response);
            for (int r = 0; r < o.RxAntennas; r++)
            {
                for (int v = 0; v < o.Layers; v++)
                {
                    // Layer v is sent on transmit antenna v.
                    _response.AsSpan(((r * o.TxAntennas) + v) * k, k).CopyTo(estimate.Row(r, v, l));
                }
            }

            estimate.MapSymbol(l, l);
        }

        float noisePerRe = (float)(_channel.NoiseVariance * _setup.FftNoiseGain);
        for (int r = 0; r < o.RxAntennas; r++)
        {
            estimate.SetNoise(r, noisePerRe);
        }

        estimate.NoiseVariance = noisePerRe;
        estimate.ChannelPower = 1f;
    }
}
