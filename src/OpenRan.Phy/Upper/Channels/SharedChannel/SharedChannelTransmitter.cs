using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// Transport block to resource grid for PDSCH or PUSCH: DL-SCH/UL-SCH encoding (TS 38.212 §7.2/§6.2: CRC, segmentation,
/// LDPC, rate matching for one redundancy version) into the slot's G coded bits, then the <see cref="SharedChannelModulator"/>.
/// </summary>
/// <remarks>
/// <see cref="Modulate"/> is the second half alone: the entry point for codewords that multiplex more than the
/// shared-channel data (UCI on PUSCH places its bits in the G-bit codeword before scrambling). The codeword buffer is sized
/// at construction for the largest slot; processing allocates nothing. Not thread-safe.
/// </remarks>
public sealed class SharedChannelTransmitter
{
    private readonly SharedChannelEncoder _encoder = new();
    private readonly byte[] _codeword;
    private int _lastLength;

    /// <summary>Creates the chain for up to <paramref name="maxLayers"/> layers (1..4).</summary>
    public SharedChannelTransmitter(int maxLayers = 4)
        : this(new SharedChannelModulator(maxLayers))
    {
    }

    /// <summary>Creates the chain around a modulator.</summary>
    public SharedChannelTransmitter(SharedChannelModulator modulator)
    {
        ArgumentNullException.ThrowIfNull(modulator);
        Modulator = modulator;
        _codeword = new byte[SharedChannelDataMapper.MaxCodewordLength(modulator.MaxLayers)];
    }

    /// <summary>The modulator (codeword to grid).</summary>
    public SharedChannelModulator Modulator { get; }

    /// <summary>Largest number of layers.</summary>
    public int MaxLayers => Modulator.MaxLayers;

    /// <summary>The transport block size A of a configuration (validated on first use).</summary>
    public int TransportBlockSize(SharedChannelConfiguration configuration) => Modulator.CodingParameters(configuration).TransportBlockSize;

    /// <summary>The coding parameters of a configuration.</summary>
    public SharedChannelCodingParameters CodingParameters(SharedChannelConfiguration configuration) => Modulator.CodingParameters(configuration);

    /// <summary>The codeword of the last processed slot (G bits before scrambling).</summary>
    public ReadOnlySpan<byte> LastCodeword => _codeword.AsSpan(0, _lastLength);

    /// <summary>Encodes one transmission of a transport block and maps it, with its reference signals, onto <paramref name="grid"/>.</summary>
    /// <param name="configuration">The channel configuration (validated on first use, then cached).</param>
    /// <param name="transportBlock">a_0 … a_(A−1), one bit per byte, A = <see cref="TransportBlockSize"/>.</param>
    /// <param name="redundancyVersion">rv_id, 0..3.</param>
    /// <param name="slot">n_s,f^μ.</param>
    /// <param name="grid">Receives the slot (reconfigured and cleared to the carrier).</param>
    public void Process(SharedChannelConfiguration configuration, ReadOnlySpan<byte> transportBlock, int redundancyVersion, int slot, ResourceGrid grid)
    {
        SharedChannelCodingParameters parameters = Modulator.CodingParameters(configuration);
        ThrowHelper.ThrowIfLengthDiffers(transportBlock.Length, parameters.TransportBlockSize, nameof(transportBlock));
        Span<byte> codeword = _codeword.AsSpan(0, Modulator.CodewordLength(configuration));
        _encoder.Encode(transportBlock, parameters, redundancyVersion, codeword);
        Modulator.Modulate(configuration, codeword, slot, grid);
        _lastLength = codeword.Length;
    }

    /// <summary>
    /// Maps an already encoded codeword of G bits onto <paramref name="grid"/> (the second half of <see cref="Process"/>;
    /// the entry point for codewords that multiplex more than the shared-channel data, such as UCI on PUSCH).
    /// </summary>
    public void Modulate(SharedChannelConfiguration configuration, ReadOnlySpan<byte> codeword, int slot, ResourceGrid grid) =>
        Modulator.Modulate(configuration, codeword, slot, grid);
}
