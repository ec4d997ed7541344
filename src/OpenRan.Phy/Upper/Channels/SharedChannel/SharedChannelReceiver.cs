using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>The outcome of receiving one PDSCH/PUSCH transmission.</summary>
/// <param name="Decoding">Transport-block decoding: CRC, code blocks passed, LDPC iterations.</param>
/// <param name="Measurements">Slot measurements: noise variance, SNR, SINR, EVM, timing and frequency offset.</param>
public readonly record struct SharedChannelReceiveResult(SharedChannelDecodeResult Decoding, SharedChannelMeasurements Measurements)
{
    /// <summary>Whether the transport-block CRC passed.</summary>
    public bool CrcPassed => Decoding.CrcPassed;

    /// <summary>The largest LDPC iteration count of any code block.</summary>
    public int MaxIterations => Decoding.MaxIterations;
}

/// <summary>
/// Resource grid to transport block for PDSCH or PUSCH: the channel's demodulator (channel estimation, equalization,
/// inverse transform precoding, demapping, descrambling) into G LLRs, then DL-SCH/UL-SCH decoding (TS 38.212 §7.2/§6.2
/// inverted: rate dematching with HARQ combining into the caller's soft buffer, LDPC decoding, CRC checks).
/// </summary>
/// <typeparam name="TConfiguration">The channel's configuration type.</typeparam>
/// <remarks>The LLR buffer is sized at construction for the largest slot; receiving allocates nothing. Not thread-safe.</remarks>
public abstract class SharedChannelReceiver<TConfiguration>
    where TConfiguration : SharedChannelConfiguration
{
    private readonly SharedChannelSlotProcessor<TConfiguration> _slots;
    private readonly SharedChannelDecoder _decoder;
    private readonly sbyte[] _llrs;
    private int _lastLength;

    /// <summary>Wraps the channel's demodulator.</summary>
    private protected SharedChannelReceiver(SharedChannelSlotProcessor<TConfiguration> demodulator, SharedChannelReceiverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _slots = demodulator;
        _llrs = new sbyte[SharedChannelSlotProcessor<TConfiguration>.MaxCodewordLength(demodulator.MaxLayers)];
        _decoder = new SharedChannelDecoder(LdpcDecoderFactory.Create(options.LdpcImplementation, options.Ldpc));
    }

    /// <summary>Largest number of layers.</summary>
    public int MaxLayers => _slots.MaxLayers;

    /// <summary>The LDPC decoder in use.</summary>
    public ILdpcDecoder LdpcDecoder => _decoder.LdpcDecoder;

    /// <summary>The transport block size A of a configuration (validated on first use).</summary>
    public int TransportBlockSize(TConfiguration configuration) => _slots.CodingParameters(configuration).TransportBlockSize;

    /// <summary>The coding parameters of a configuration.</summary>
    public SharedChannelCodingParameters CodingParameters(TConfiguration configuration) => _slots.CodingParameters(configuration);

    /// <summary>The codeword LLRs of the last received slot (descrambled, int8, positive favours 0).</summary>
    public ReadOnlySpan<sbyte> LastLlrs => _llrs.AsSpan(0, _lastLength);

    /// <summary>A HARQ soft buffer sized for <paramref name="configuration"/> (allocates; make one per HARQ process).</summary>
    public SharedChannelSoftBuffer CreateSoftBuffer(TConfiguration configuration)
    {
        SharedChannelCodingParameters parameters = _slots.CodingParameters(configuration);
        return new SharedChannelSoftBuffer(parameters.Segmentation.CodeBlockCount, parameters.CircularBufferLength);
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
        TConfiguration configuration, ResourceGrid received, int slot, int redundancyVersion, SharedChannelSoftBuffer softBuffer, bool newData, Span<byte> transportBlock)
    {
        SharedChannelCodingParameters parameters = _slots.CodingParameters(configuration);
        ThrowHelper.ThrowIfLengthDiffers(transportBlock.Length, parameters.TransportBlockSize, nameof(transportBlock));
        Span<sbyte> llrs = _llrs.AsSpan(0, _slots.CodewordLength(configuration));
        SharedChannelMeasurements measurements = DemodulateCore(configuration, received, slot, llrs);
        _lastLength = llrs.Length;
        SharedChannelDecodeResult decoding = _decoder.Decode(llrs, parameters, redundancyVersion, softBuffer, newData, transportBlock);
        return new SharedChannelReceiveResult(decoding, measurements);
    }

    /// <summary>
    /// Demodulates the slot into its G codeword LLRs without decoding (the first half of <see cref="Receive"/>; the entry
    /// point for codewords that multiplex more than the shared-channel data, such as UCI on PUSCH).
    /// </summary>
    public SharedChannelMeasurements Demodulate(TConfiguration configuration, ResourceGrid received, int slot, Span<sbyte> llrs) =>
        DemodulateCore(configuration, received, slot, llrs);

    /// <summary>Demodulates the slot into the codeword LLRs (the channel's demodulator).</summary>
    private protected abstract SharedChannelMeasurements DemodulateCore(TConfiguration configuration, ResourceGrid received, int slot, Span<sbyte> llrs);
}
