using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// Resource grid to transport block for PDSCH or PUSCH: the <see cref="SharedChannelDemodulator"/> (pilots, channel
/// estimation, equalization, inverse transform precoding, demapping, descrambling) into G LLRs, then DL-SCH/UL-SCH decoding
/// (TS 38.212 §7.2/§6.2 inverted: rate dematching with HARQ combining into the caller's soft buffer, LDPC decoding, CRC
/// checks). Assembled from the parts in <see cref="SharedChannelReceiverComponents"/>; the channels differ only by
/// configuration values.
/// </summary>
/// <remarks>
/// <para>A PUSCH configuration with <see cref="SharedChannelConfiguration.MultiplexedUci"/> is demultiplexed by its
/// <see cref="PuschUciMultiplexingPlan"/> (TS 38.212 §6.2.7 inverted; UL-SCH LLRs the HARQ-ACK punctured become erasures),
/// each UCI part decoded by <see cref="PuschUciDecoder"/> and reported with its own validity, and the UL-SCH decoded from
/// its G^UL-SCH LLRs.</para>
/// <para>Integrity (issue 13): the demodulator screens the slot (non-finite and absurd REs erased and counted) and tests
/// the DM-RS for discontinuous transmission (<see cref="SharedChannelDemodulator"/>); no grid content makes
/// <c>Receive</c> throw. A transport block is reported decoded only when every code block passes its LDPC parity
/// checks and CRC and the transport-block CRC passes (<see cref="SharedChannelDecoder"/>; zero LLRs are undecided, so
/// silence or a redundancy version without systematic bits received alone never decodes to the all-zero block).
/// <see cref="SharedChannelReceiveResult.Outcome"/> tells a decode, a CRC failure and DTX apart.</para>
/// <para><see cref="Demodulate"/> is the first half alone: the entry point for codewords that multiplex more than the
/// shared-channel data (UCI on PUSCH takes its LLRs out of the G values before UL-SCH decoding). The LLR buffer is sized
/// at construction for the largest slot; receiving allocates nothing. Not thread-safe.</para>
/// </remarks>
public sealed class SharedChannelReceiver
{
    private readonly SharedChannelDecoder _decoder;
    private readonly PuschUciPlanCache _uciPlans = new();
    private readonly PuschUciDecoder _uciDecoder = new();
    private readonly sbyte[] _llrs;
    private readonly sbyte[] _fieldLlrs; // UL-SCH, HARQ-ACK, CSI part 1, CSI part 2 LLRs, back to back (≤ 2G)
    private readonly Sequences.PseudoRandomSequence _sequence = new();
    private readonly byte[] _sequenceBits = new byte[RepeatedBitChunk];
    private int _lastLength;

    /// <summary>Creates the chain with the built-in parts named by <paramref name="options"/>.</summary>
    /// <param name="maxRxPorts">Receive ports, 1..8.</param>
    /// <param name="maxLayers">Layers, 1..4.</param>
    /// <param name="options">The built-in choices.</param>
    public SharedChannelReceiver(int maxRxPorts = 4, int maxLayers = 4, SharedChannelReceiverOptions? options = null)
        : this(SharedChannelReceiverComponents.Create(options, maxRxPorts, maxLayers), maxRxPorts, maxLayers)
    {
    }

    /// <summary>Creates the chain from the given parts.</summary>
    /// <param name="components">Estimator, equalizer, demapper and LDPC decoder.</param>
    /// <param name="maxRxPorts">Receive ports, 1..8.</param>
    /// <param name="maxLayers">Layers, 1..4.</param>
    public SharedChannelReceiver(SharedChannelReceiverComponents components, int maxRxPorts = 4, int maxLayers = 4)
    {
        ArgumentNullException.ThrowIfNull(components);
        if (components.LdpcDecoder is null)
        {
            ThrowHelper.ThrowArgument(nameof(components), "the receiver needs an LdpcDecoder (for example from LdpcDecoderFactory).");
        }

        Demodulator = new SharedChannelDemodulator(components, maxRxPorts, maxLayers);
        _decoder = new SharedChannelDecoder(components.LdpcDecoder);
        _llrs = new sbyte[SharedChannelDataMapper.MaxCodewordLength(maxLayers)];
        _fieldLlrs = new sbyte[2 * _llrs.Length];
    }

    /// <summary>The demodulator (grid to codeword LLRs), with the last channel estimate.</summary>
    public SharedChannelDemodulator Demodulator { get; }

    /// <summary>The transport-block decoder (rate dematching, LDPC, CRC).</summary>
    public SharedChannelDecoder TransportBlockDecoder => _decoder;

    /// <summary>The LDPC decoder in use.</summary>
    public ILdpcDecoder LdpcDecoder => _decoder.LdpcDecoder;

    /// <summary>Largest number of layers.</summary>
    public int MaxLayers => Demodulator.MaxLayers;

    /// <summary>The transport block size A of a configuration (validated on first use).</summary>
    public int TransportBlockSize(SharedChannelConfiguration configuration) => Demodulator.CodingParameters(configuration).TransportBlockSize;

    /// <summary>The coding parameters of a configuration.</summary>
    public SharedChannelCodingParameters CodingParameters(SharedChannelConfiguration configuration) => Demodulator.CodingParameters(configuration);

    /// <summary>The codeword LLRs of the last received slot (descrambled, int8, positive favours 0).</summary>
    public ReadOnlySpan<sbyte> LastLlrs => _llrs.AsSpan(0, _lastLength);

    /// <summary>A HARQ soft buffer sized for <paramref name="configuration"/> (allocates; make one per HARQ process).</summary>
    public SharedChannelSoftBuffer CreateSoftBuffer(SharedChannelConfiguration configuration)
    {
        SharedChannelCodingParameters parameters = Demodulator.CodingParameters(configuration);
        return new SharedChannelSoftBuffer(parameters.Segmentation.CodeBlockCount, parameters.CircularBufferLength);
    }

    /// <summary>
    /// Validates <paramref name="configuration"/> and builds what receiving it needs (its layout and, with UCI, its
    /// multiplexing plan) now, so the first slot that carries it allocates nothing. Allocates: at start-up.
    /// </summary>
    public void Prepare(SharedChannelConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        SharedChannelLayout layout = Demodulator.Layout(configuration);
        if (configuration.MultiplexedUci is not null)
        {
            _ = _uciPlans.Get(configuration, layout, Demodulator.CodingParameters(configuration));
        }
    }

    /// <summary>Receives one transmission of a transport block.</summary>
    /// <param name="configuration">The channel configuration (validated on first use, then cached).</param>
    /// <param name="received">The received grid: one port per receive antenna, the carrier's dimensions.</param>
    /// <param name="slot">n_s,f^μ.</param>
    /// <param name="redundancyVersion">rv_id of this transmission, 0..3.</param>
    /// <param name="softBuffer">The HARQ process's soft buffer.</param>
    /// <param name="newData">True for a new transport block (clears the soft buffer), false to combine with earlier transmissions.</param>
    /// <param name="transportBlock">Receives the A decoded bits.</param>
    public SharedChannelReceiveResult Receive(
        SharedChannelConfiguration configuration, ResourceGrid received, int slot, int redundancyVersion, SharedChannelSoftBuffer softBuffer, bool newData, Span<byte> transportBlock)
    {
        SharedChannelCodingParameters parameters = Demodulator.CodingParameters(configuration);
        ThrowHelper.ThrowIfLengthDiffers(transportBlock.Length, parameters.TransportBlockSize, nameof(transportBlock));
        Span<sbyte> llrs = _llrs.AsSpan(0, Demodulator.CodewordLength(configuration));
        SharedChannelMeasurements measurements = Demodulator.Demodulate(configuration, received, slot, llrs);
        _lastLength = llrs.Length;

        // Decoded even when the DTX test missed the DM-RS (parity checks and CRCs are the stronger test); the HARQ soft
        // buffer is always updated (a new transport block clears it). The result tells DTX from a CRC failure.
        SharedChannelDecodeResult decoding = _decoder.Decode(llrs, parameters, redundancyVersion, softBuffer, newData, transportBlock);
        return new SharedChannelReceiveResult(decoding, measurements);
    }

    /// <summary>
    /// Receives one PUSCH transmission that multiplexes UCI (TS 38.212 §6.2.7, §6.3.2): demodulation, demultiplexing by the
    /// configuration's plan, decoding of each UCI part into <paramref name="uci"/> and of the UL-SCH (when present) into
    /// <paramref name="transportBlock"/>. Without <see cref="SharedChannelConfiguration.MultiplexedUci"/> this is
    /// <see cref="Receive(SharedChannelConfiguration, ResourceGrid, int, int, SharedChannelSoftBuffer, bool, Span{byte})"/>
    /// with every UCI part absent.
    /// </summary>
    /// <param name="configuration">The channel configuration.</param>
    /// <param name="received">The received grid.</param>
    /// <param name="slot">n_s,f^μ.</param>
    /// <param name="redundancyVersion">rv_id of the UL-SCH, 0..3.</param>
    /// <param name="softBuffer">The HARQ process's soft buffer (not touched without UL-SCH).</param>
    /// <param name="newData">True for a new transport block.</param>
    /// <param name="transportBlock">Receives the A decoded bits; empty without UL-SCH.</param>
    /// <param name="uci">Receives the UCI bits (reset to the configured sizes).</param>
    public SharedChannelReceiveResult Receive(
        SharedChannelConfiguration configuration, ResourceGrid received, int slot, int redundancyVersion, SharedChannelSoftBuffer softBuffer, bool newData, Span<byte> transportBlock, PuschUciMessage uci)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(uci);
        PuschUciConfiguration? uciConfiguration = configuration.MultiplexedUci;
        uci.Reset(uciConfiguration);
        if (uciConfiguration is null)
        {
            return Receive(configuration, received, slot, redundancyVersion, softBuffer, newData, transportBlock);
        }

        SharedChannelCodingParameters parameters = Demodulator.CodingParameters(configuration);
        PuschUciMultiplexingPlan plan = _uciPlans.Get(configuration, Demodulator.Layout(configuration), parameters);
        ThrowHelper.ThrowIfLengthDiffers(transportBlock.Length, uciConfiguration.UlschPresent ? parameters.TransportBlockSize : 0, nameof(transportBlock));
        Span<sbyte> ulsch = SharedChannelTransmitter.FieldSlice(_fieldLlrs, plan.Lengths, PuschCodewordField.Ulsch);
        SharedChannelMeasurements measurements = ReceiveUciParts(configuration, uciConfiguration, plan, received, slot, uci, ulsch, out PuschUciResult result);
        SharedChannelDecodeResult decoding = uciConfiguration.UlschPresent
            ? _decoder.Decode(ulsch, parameters, redundancyVersion, softBuffer, newData, transportBlock)
            : default;
        return new SharedChannelReceiveResult(decoding, measurements, result);
    }

    /// <summary>
    /// The UCI half of <see cref="Receive(SharedChannelConfiguration, ResourceGrid, int, int, SharedChannelSoftBuffer, bool, Span{byte}, PuschUciMessage)"/>:
    /// demodulation, demultiplexing (TS 38.212 §6.2.7 inverted) and decoding of each UCI part into <paramref name="uci"/>,
    /// leaving the G^UL-SCH LLRs of the UL-SCH in <paramref name="ulschLlrs"/> for the caller to decode (for example with
    /// its code blocks shared among threads); the same LLRs the one-call receive decodes.
    /// </summary>
    /// <param name="configuration">A PUSCH configuration with <see cref="SharedChannelConfiguration.MultiplexedUci"/>.</param>
    /// <param name="received">The received grid.</param>
    /// <param name="slot">n_s,f^μ.</param>
    /// <param name="uci">Receives the UCI bits (reset to the configured sizes).</param>
    /// <param name="ulschLlrs">Receives the UL-SCH LLRs (at least G^UL-SCH long: <see cref="SharedChannelDataMapper.MaxCodewordLength"/> suffices).</param>
    /// <param name="uciResult">The validity of each UCI part.</param>
    /// <param name="ulschLength">G^UL-SCH, the number of UL-SCH LLRs written (0 without UL-SCH).</param>
    public SharedChannelMeasurements ReceiveUci(
        SharedChannelConfiguration configuration, ResourceGrid received, int slot, PuschUciMessage uci, Span<sbyte> ulschLlrs, out PuschUciResult uciResult, out int ulschLength)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(uci);
        PuschUciConfiguration? uciConfiguration = configuration.MultiplexedUci;
        if (uciConfiguration is null)
        {
            ThrowHelper.ThrowArgument(nameof(configuration), "the configuration multiplexes no UCI.");
        }

        uci.Reset(uciConfiguration);
        SharedChannelCodingParameters parameters = Demodulator.CodingParameters(configuration);
        PuschUciMultiplexingPlan plan = _uciPlans.Get(configuration, Demodulator.Layout(configuration), parameters);
        ulschLength = plan.Lengths.Ulsch;
        if (ulschLlrs.Length < ulschLength)
        {
            ThrowHelper.ThrowOutOfRange(nameof(ulschLlrs), ulschLlrs.Length, $"at least G^UL-SCH = {ulschLength} LLRs");
        }

        return ReceiveUciParts(configuration, uciConfiguration, plan, received, slot, uci, ulschLlrs[..ulschLength], out uciResult);
    }

    private SharedChannelMeasurements ReceiveUciParts(
        SharedChannelConfiguration configuration, PuschUciConfiguration uciConfiguration, PuschUciMultiplexingPlan plan, ResourceGrid received, int slot, PuschUciMessage uci, Span<sbyte> ulsch, out PuschUciResult result)
    {
        Span<sbyte> llrs = _llrs.AsSpan(0, plan.CodewordLength);
        SharedChannelMeasurements measurements = Demodulator.Demodulate(configuration, received, slot, llrs);
        _lastLength = llrs.Length;

        PuschUciLengths lengths = plan.Lengths;
        Span<sbyte> harqAck = SharedChannelTransmitter.FieldSlice(_fieldLlrs, lengths, PuschCodewordField.HarqAck);
        Span<sbyte> csiPart1 = SharedChannelTransmitter.FieldSlice(_fieldLlrs, lengths, PuschCodewordField.CsiPart1);
        Span<sbyte> csiPart2 = SharedChannelTransmitter.FieldSlice(_fieldLlrs, lengths, PuschCodewordField.CsiPart2);
        plan.Demultiplex<sbyte>(llrs, ulsch, harqAck, csiPart1, csiPart2);
        int qm = configuration.Modulation.BitsPerSymbol();
        if (qm > 1)
        {
            ResignRepeatedBits(configuration.ScramblingCInit, plan, PuschCodewordField.HarqAck, uciConfiguration.HarqAckBitCount, harqAck, qm);
            ResignRepeatedBits(configuration.ScramblingCInit, plan, PuschCodewordField.CsiPart1, uciConfiguration.CsiPart1BitCount, csiPart1, qm);
            ResignRepeatedBits(configuration.ScramblingCInit, plan, PuschCodewordField.CsiPart2, uciConfiguration.CsiPart2BitCount, csiPart2, qm);
        }

        bool detected = measurements.SignalDetected;
        result = new PuschUciResult(
            GateWithoutCrc(_uciDecoder.DecodePart(harqAck, qm, uci.HarqAck), uci.HarqAck, detected),
            GateWithoutCrc(_uciDecoder.DecodePart(csiPart1, qm, uci.CsiPart1), uci.CsiPart1, detected),
            GateWithoutCrc(_uciDecoder.DecodePart(csiPart2, qm, uci.CsiPart2), uci.CsiPart2, detected));
        return measurements;
    }

    /// <summary>Sequence values generated at a time by <see cref="ResignRepeatedBits"/> (a multiple of every Q_m).</summary>
    private const int RepeatedBitChunk = 4096 * 3;

    /// <summary>
    /// A 1-bit UCI part is coded d = [c0 y x …] per modulation symbol (TS 38.212 Table 5.3.3.1-1): the scrambler sends y as a
    /// repeat of the scrambled c0 (TS 38.211 §6.3.1.1), so the descrambled LLR of a y position i holds c0 signed with
    /// c(i)·c(i − 1). Re-sign those LLRs (stream positions ≡ 1 mod Q_m) so they add to c0's; the x positions stay unused.
    /// </summary>
    private void ResignRepeatedBits(uint cInit, PuschUciMultiplexingPlan plan, PuschCodewordField field, int bitCount, Span<sbyte> fieldLlrs, int qm)
    {
        if (bitCount != 1)
        {
            return;
        }

        _sequence.Initialize(cInit);
        int position = 0, generated = 0, cursor = 0;
        foreach (PuschCodewordRun run in plan.Runs)
        {
            if (run.Field == field)
            {
                // Runs start on a modulation symbol (multiples of N_L·Q_m), so c(i − 1) of a y lies in the same chunk.
                _sequence.Advance(position - generated);
                for (int done = 0; done < run.BitCount; done += RepeatedBitChunk)
                {
                    int length = Math.Min(RepeatedBitChunk, run.BitCount - done);
                    Span<byte> c = _sequenceBits.AsSpan(0, length);
                    _sequence.Generate(c);
                    Span<sbyte> target = fieldLlrs.Slice(cursor + done, length);
                    for (int j = 1; j < length; j += qm)
                    {
                        if (c[j] != c[j - 1])
                        {
                            target[j] = (sbyte)-target[j];
                        }
                    }
                }

                generated = position + run.BitCount;
                cursor += run.BitCount;
            }

            position += run.BitCount;
        }
    }

    /// <summary>
    /// A UCI part without a CRC (A ≤ 11: repetition, simplex or Reed–Muller code) decides any input, so its decision counts
    /// only when the PUSCH DM-RS passed the DTX test; otherwise the part is <see cref="UciPartStatus.Dtx"/> and its bits are
    /// cleared. Parts with a CRC keep their verdict (the CRC is the stronger test).
    /// </summary>
    private static UciPartStatus GateWithoutCrc(UciPartStatus status, Span<byte> bits, bool signalDetected)
    {
        if (status == UciPartStatus.Valid && !signalDetected && bits.Length <= 11)
        {
            bits.Clear();
            return UciPartStatus.Dtx;
        }

        return status;
    }

    /// <summary>
    /// Demodulates the slot into its G codeword LLRs without decoding (the first half of <see cref="Receive(SharedChannelConfiguration, ResourceGrid, int, int, SharedChannelSoftBuffer, bool, Span{byte})"/>; the entry
    /// point for codewords that multiplex more than the shared-channel data, such as UCI on PUSCH).
    /// </summary>
    public SharedChannelMeasurements Demodulate(SharedChannelConfiguration configuration, ResourceGrid received, int slot, Span<sbyte> llrs) =>
        Demodulator.Demodulate(configuration, received, slot, llrs);
}
