using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// Transport block to resource grid for PDSCH or PUSCH: DL-SCH/UL-SCH encoding (TS 38.212 §7.2/§6.2: CRC, segmentation,
/// LDPC, rate matching for one redundancy version) into the slot's G coded bits, then the channel's modulator.
/// </summary>
/// <typeparam name="TConfiguration">The channel's configuration type.</typeparam>
/// <remarks>The codeword buffer is sized at construction for the largest slot; processing allocates nothing. Not thread-safe.</remarks>
public abstract class SharedChannelTransmitter<TConfiguration>
    where TConfiguration : SharedChannelConfiguration
{
    private readonly SharedChannelSlotProcessor<TConfiguration> _slots;
    private readonly SharedChannelEncoder _encoder = new();
    private readonly byte[] _codeword;
    private int _lastLength;

    /// <summary>Wraps the channel's modulator.</summary>
    private protected SharedChannelTransmitter(SharedChannelSlotProcessor<TConfiguration> modulator)
    {
        _slots = modulator;
        _codeword = new byte[SharedChannelSlotProcessor<TConfiguration>.MaxCodewordLength(modulator.MaxLayers)];
    }

    /// <summary>Largest number of layers.</summary>
    public int MaxLayers => _slots.MaxLayers;

    /// <summary>The transport block size A of a configuration (validated on first use).</summary>
    public int TransportBlockSize(TConfiguration configuration) => _slots.CodingParameters(configuration).TransportBlockSize;

    /// <summary>The coding parameters of a configuration.</summary>
    public SharedChannelCodingParameters CodingParameters(TConfiguration configuration) => _slots.CodingParameters(configuration);

    /// <summary>The codeword of the last processed slot (G bits before scrambling).</summary>
    public ReadOnlySpan<byte> LastCodeword => _codeword.AsSpan(0, _lastLength);

    /// <summary>Encodes one transmission of a transport block and maps it, with its reference signals, onto <paramref name="grid"/>.</summary>
    /// <param name="configuration">The channel configuration (validated on first use, then cached).</param>
    /// <param name="transportBlock">a_0 … a_(A−1), one bit per byte, A = <see cref="TransportBlockSize"/>.</param>
    /// <param name="redundancyVersion">rv_id, 0..3.</param>
    /// <param name="slot">n_s,f^μ.</param>
    /// <param name="grid">Receives the slot (reconfigured and cleared to the carrier).</param>
    public void Process(TConfiguration configuration, ReadOnlySpan<byte> transportBlock, int redundancyVersion, int slot, ResourceGrid grid)
    {
        SharedChannelCodingParameters parameters = _slots.CodingParameters(configuration);
        ThrowHelper.ThrowIfLengthDiffers(transportBlock.Length, parameters.TransportBlockSize, nameof(transportBlock));
        Span<byte> codeword = _codeword.AsSpan(0, _slots.CodewordLength(configuration));
        _encoder.Encode(transportBlock, parameters, redundancyVersion, codeword);
        ModulateCore(configuration, codeword, slot, grid);
        _lastLength = codeword.Length;
    }

    /// <summary>
    /// Maps an already encoded codeword of G bits onto <paramref name="grid"/> (the second half of <see cref="Process"/>;
    /// the entry point for codewords that multiplex more than the shared-channel data, such as UCI on PUSCH).
    /// </summary>
    public void Modulate(TConfiguration configuration, ReadOnlySpan<byte> codeword, int slot, ResourceGrid grid) =>
        ModulateCore(configuration, codeword, slot, grid);

    /// <summary>Maps the codeword onto the grid (the channel's modulator).</summary>
    private protected abstract void ModulateCore(TConfiguration configuration, ReadOnlySpan<byte> codeword, int slot, ResourceGrid grid);
}
