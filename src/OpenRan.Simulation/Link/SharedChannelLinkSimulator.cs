using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.ChannelEstimation;
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
/// (<see cref="LinkChannel"/>) → OFDM demodulation per receive antenna → the composed <see cref="SharedChannelReceiver"/>
/// (channel estimation, equalization, soft demapping, descrambling, rate dematching with HARQ soft combining, LDPC
/// decoding and CRC). One instance per worker; every buffer is sized at construction, so a slot allocates nothing.
/// </summary>
/// <remarks>
/// The receiver's parts come from the options (<see cref="LinkSetup.ReceiverOptions"/>: estimator, equalizer, demapper,
/// LDPC decoder and iterations); a researcher swaps any of them with the <c>receiver</c> argument, for example
/// <c>parts =&gt; parts with { Equalizer = new MyEqualizer() }</c>. Timing: the receiver demodulates the channel output as
/// it comes, so every path arrives <see cref="IPropagationChannel.LatencySamples"/> samples (the fractional-delay filters'
/// latency, 7 samples = 0.23 µs at 30.72 Msps) later than its delay; latency plus delay spread stay well within the cyclic
/// prefix for every NR numerology and TDL profile of the requirements, and the channel estimator (or the perfect channel)
/// includes that delay. The channel runs continuously over the slots of a work unit, so the fading is correlated in time
/// as it should be, and HARQ retransmissions see the channel <see cref="LinkSimulationOptions.HarqProcesses"/> slots later.
/// With perfect channel knowledge (<see cref="PerfectChannelEstimator"/>) the receiver equalizes with the true frequency
/// response and noise variance instead of a DM-RS estimate.
/// </remarks>
public sealed class SharedChannelLinkSimulator : IWorkUnitSimulator, IHarqTransmission
{
    private readonly LinkSetup _setup;
    private readonly HarqScheduler _harq;
    private readonly LinkChannel _channel;
    private readonly RandomStream _data = new(0);
    private readonly SharedChannelEncoder _encoder = new();
    private readonly SharedChannelModulator _modulator;
    private readonly SharedChannelReceiver _receiver;
    private readonly PerfectChannelEstimator? _perfect;
    private readonly SharedChannelSoftBuffer[] _softBuffers;
    private readonly byte[][] _transportBlocks;
    private readonly byte[] _decoded;
    private readonly byte[] _codeword;
    private readonly ResourceGrid _txGrid;
    private readonly ResourceGrid _rxGrid;
    private readonly OfdmModulator _ofdmModulator;
    private readonly OfdmDemodulator _ofdmDemodulator;
    private readonly ComplexF32[] _txSamples;
    private readonly ComplexF32[] _rxSamples;

    /// <summary>Builds the link for <paramref name="setup"/> (allocates every buffer).</summary>
    /// <param name="setup">The link setup.</param>
    /// <param name="receiver">
    /// Optional: given the parts the options name (with the perfect estimator when chosen), returns the parts to use — the
    /// seam for a researcher's own estimator, equalizer, demapper or LDPC decoder. Called once.
    /// </param>
    public SharedChannelLinkSimulator(LinkSetup setup, Func<SharedChannelReceiverComponents, SharedChannelReceiverComponents>? receiver = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _setup = setup;
        LinkSimulationOptions o = setup.Options;
        _harq = new HarqScheduler(o.HarqProcesses, o.HarqMaxTransmissions, o.RvSequence);
        _channel = new LinkChannel(setup.Propagation, setup.SampleRateHz, o.TxAntennas, o.RxAntennas, setup.Direction);
        int codeBlocks = setup.Coding.Segmentation.CodeBlockCount;
        _softBuffers = new SharedChannelSoftBuffer[o.HarqProcesses];
        _transportBlocks = new byte[o.HarqProcesses][];
        for (int p = 0; p < o.HarqProcesses; p++)
        {
            _softBuffers[p] = new SharedChannelSoftBuffer(codeBlocks, setup.Coding.CircularBufferLength);
            _transportBlocks[p] = new byte[setup.TransportBlockSize];
        }

        _decoded = new byte[setup.TransportBlockSize];
        _codeword = new byte[setup.CodewordLength];
        int subcarriers = o.GridPrbs * NrConstants.SubcarriersPerRb;
        _txGrid = new ResourceGrid(setup.GridPortCount, NrConstants.SymbolsPerSlotNormalCp, subcarriers);
        _txGrid.Configure(setup.GridPortCount, NrConstants.SymbolsPerSlotNormalCp, o.GridPrbs);
        _rxGrid = new ResourceGrid(o.RxAntennas, NrConstants.SymbolsPerSlotNormalCp, subcarriers);
        _rxGrid.Configure(o.RxAntennas, NrConstants.SymbolsPerSlotNormalCp, o.GridPrbs);
        _ofdmModulator = new OfdmModulator(setup.Ofdm);
        _ofdmDemodulator = new OfdmDemodulator(setup.Ofdm);
        _modulator = new SharedChannelModulator(o.Layers);

        SharedChannelReceiverComponents parts = SharedChannelReceiverComponents.Create(setup.ReceiverOptions, o.RxAntennas, o.Layers);
        if (o.ChannelEstimation == ChannelKnowledge.Perfect)
        {
            _perfect = new PerfectChannelEstimator(_channel, setup.Ofdm.Timing, AllocatedSubcarrierFrequencies(setup), o.TxAntennas, o.RxAntennas, setup.FftNoiseGain);
            parts = parts with { Estimator = _perfect };
        }

        if (receiver is not null)
        {
            parts = receiver(parts) ?? throw new ArgumentException("the receiver function returned null.", nameof(receiver));
        }

        _receiver = new SharedChannelReceiver(parts, o.RxAntennas, o.Layers);
        int maxSlotSamples = setup.Ofdm.Timing.MaxSlotSampleCount;
        _txSamples = new ComplexF32[o.TxAntennas * maxSlotSamples];
        _rxSamples = new ComplexF32[o.RxAntennas * maxSlotSamples];
    }

    /// <summary>The setup.</summary>
    public LinkSetup Setup => _setup;

    /// <summary>The receiver (its demodulator holds the last channel estimate).</summary>
    public SharedChannelReceiver Receiver => _receiver;

    /// <summary>The receiver's channel estimate of the last slot (for tests and diagnostics).</summary>
    internal ChannelEstimate LastChannelEstimate => _receiver.Demodulator.ChannelEstimate;

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
        _modulator.Modulate(_setup.Channel, _codeword, slotInFrame, _txGrid);
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

        // Receiver: OFDM demodulation per antenna, slot-aligned with the transmitter, then the composed receiver.
        for (int r = 0; r < o.RxAntennas; r++)
        {
            _ofdmDemodulator.Demodulate(rx.Slice(r * n, n), slotInFrame, _rxGrid, r);
        }

        _perfect?.BeginSlot(slotInFrame, slotStart);
        SharedChannelReceiveResult result = _receiver.Receive(_setup.Channel, _rxGrid, slotInFrame, redundancyVersion, _softBuffers[harqProcess], newData, _decoded);
        return result.CrcPassed;
    }

    /// <summary>
    /// The baseband frequency of every allocated subcarrier in allocation order (as the channel estimate stores it): grid
    /// subcarrier k sits at (k − K/2)·Δf (TS 38.211 §5.3.1 with the grid centred on DC).
    /// </summary>
    private static double[] AllocatedSubcarrierFrequencies(LinkSetup setup)
    {
        SharedChannelLayout layout = setup.Channel.BuildLayout();
        int subcarriers = setup.Options.GridPrbs * NrConstants.SubcarriersPerRb;
        var frequencies = new double[layout.SubcarrierCount];
        double scs = setup.Numerology.SubcarrierSpacingHz;
        for (int x = 0; x < frequencies.Length; x++)
        {
            int k = layout.GridSubcarrierOfBlock(x / NrConstants.SubcarriersPerRb) + (x % NrConstants.SubcarriersPerRb);
            frequencies[x] = (k - (subcarriers / 2.0)) * scs;
        }

        return frequencies;
    }
}
